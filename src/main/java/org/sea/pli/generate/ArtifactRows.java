package org.sea.pli.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * {@code artifact_ratings} rows: baseline and followup ratings per rubric dimension, moved by the
 * planted practice change of the activity's model, focus and framework (spec §4.8, §4.9).
 */
final class ArtifactRows {

    private final long seed;
    private final AttendanceDraws attended;

    ArtifactRows(long seed, AttendanceDraws attended) {
        this.seed = seed;
        this.attended = attended;
    }

    void artifacts(LeaYear ly, RowOut out) throws IOException {
        String[] f = new String[10];
        f[3] = ly.sy;
        Lea lea = ly.lea;
        for (Activity a : ly.activities) {
            if (!a.artifacts) {
                continue;
            }
            f[2] = a.id;
            for (int e : a.members) {
                long mask = attended.mask(ly, a, e);
                if (mask == 0) {
                    continue;
                }
                SplittableRandom r = Rand.rng(seed, lea.index, ly.y, a.idx, e, 13);
                if (r.nextDouble() >= 0.9) {
                    continue;
                }
                double delta = delta(a, mask, r);
                double lasting = lasting(ly)[e];
                boolean followup = r.nextDouble() < (a.model.durable ? 0.88 : 0.7);
                f[1] = lea.eduIds[e];
                for (int phase = 0; phase < (followup ? 2 : 1); phase++) {
                    f[5] = phase == 0 ? "baseline" : "followup";
                    double latent = lea.practice[e] + lasting + (phase == 0 ? 0 : delta);
                    int n = r.nextDouble() < 0.55 ? 1 : 2;
                    for (int k = 0; k < n; k++) {
                        f[0] = "art-" + ly.startYear % 100 + "-" + (a.idx + 1) + "-" + (e + 1)
                                + (phase == 0 ? "-b" : "-f") + (k + 1);
                        f[4] = a.model.artifactTypes[r.nextInt(a.model.artifactTypes.length)];
                        int day = phase == 0 ? a.start() - Rand.between(r, 0, 10) : a.end() + Rand.between(r, 7, 40);
                        f[6] = Dates.iso(Dates.clamp(day + 3 * k, ly.first, ly.last));
                        int r1 = r.nextInt(lea.raters);
                        int r2 = r.nextDouble() < 0.25 ? (r1 + 1 + r.nextInt(lea.raters - 1)) % lea.raters : -1;
                        for (int d : a.dims) {
                            f[8] = LeaYear.DIMENSIONS[d];
                            for (int rater : new int[] {r1, r2}) {
                                if (rater < 0) {
                                    continue;
                                }
                                f[7] = lea.raterId(rater);
                                long s = Math.round(latent
                                        + (phase == 0 ? 0 : PracticeLenses.focusGain(a, d))
                                        + 0.5 * Rand.gauss(r));
                                f[9] = Rows.SCORE[(int) Math.max(1, Math.min(4, s))];
                                out.row(f);
                            }
                        }
                    }
                }
            }
        }
    }

    /** An educator's practice change in an activity (drawn from r right after the rating-skip draw). */
    private static double delta(Activity a, long mask, SplittableRandom r) {
        double frac = Long.bitCount(mask) / (double) a.sessions.length;
        double delta;
        if (a.model.durable) {
            delta = 0.9 * (0.5 + 0.5 * frac) + a.cohortEffect + 0.25 * Rand.gauss(r);
        } else if (a.toolSpecific) {
            delta = 0.15 * Rand.gauss(r);
        } else {
            delta = 0.1 + a.cohortEffect + 0.2 * Rand.gauss(r);
        }
        return delta * PracticeLenses.designFactor(a);
    }

    /**
     * Per educator, what remains this year of last year's change (spec §4.8's next-year baseline):
     * per cohort attended last year, its model's persistence times the mean change over the cohort's
     * attended activities, replayed from the same draws that made last year's ratings.
     */
    private double[] lasting(LeaYear ly) {
        if (ly.lasting == null) {
            double[] lasting = new double[ly.lea.n];
            LeaYear p = ly.previous();
            if (p != null) {
                double[] sum = new double[ly.lea.n];
                int[] n = new int[ly.lea.n];
                for (int i = 0; i < p.activities.size(); i++) {
                    Activity a = p.activities.get(i);
                    for (int e : a.members) {
                        long mask = attended.mask(p, a, e);
                        if (mask != 0) {
                            SplittableRandom r = Rand.rng(seed, p.lea.index, p.y, a.idx, e, 13);
                            r.nextDouble(); // the rating-skip draw of artifacts()
                            sum[e] += delta(a, mask, r);
                            n[e]++;
                        }
                    }
                    boolean cohortEnds = i + 1 == p.activities.size()
                            || !p.activities.get(i + 1).cohortId.equals(a.cohortId);
                    if (cohortEnds) {
                        for (int e : a.members) {
                            if (n[e] > 0) {
                                lasting[e] += PracticeLenses.persistence(a.model) * sum[e] / n[e];
                            }
                            sum[e] = 0;
                            n[e] = 0;
                        }
                    }
                }
            }
            ly.lasting = lasting;
        }
        return ly.lasting;
    }
}
