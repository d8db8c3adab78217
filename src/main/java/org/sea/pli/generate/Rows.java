package org.sea.pli.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Emits the rows of one extract for one LEA-year. Every educator-activity pair draws from its own
 * generator, so the same row comes out whichever file (original or restated) it is written to.
 *
 * <p>Planted effects (what the marts of SPEC §4/§5 should find): durable models are attended in
 * several sessions over weeks and raise followup artifact scores by ~0.8 on a ~2.0 baseline, one-off
 * models by ~0.1 (tool trainings ~0); one-off sessions get the best satisfaction; students of
 * educators in durable PL gain ~0.25 SD more than those of non-participants. The lenses of §5.8–§5.10
 * (each focus moving its own dimension, less without a framework, change that lasts) are planted
 * by {@link PracticeLenses}.
 */
final class Rows {
    private static final String[] SOURCES = {"title_ii_a", "title_iv_a", "title_i", "perkins", "state", "local",
        "partnership", "other"};
    private static final double[][] SOURCE_WEIGHTS = {
        {3, 0.5, 2, 0, 2, 2, 0.5, 0.2},       // coaching
        {2, 0.5, 1, 0, 1, 3, 0.3, 0.2},       // plc
        {2, 0.5, 0.5, 0, 2, 1, 2, 0.2},       // inquiry_cycle
        {3, 2, 0.5, 0.5, 1, 1.5, 0.3, 0.3},   // workshop
        {1.5, 3, 0.3, 1, 1, 1, 0.3, 0.5},     // online_course
        {2.5, 1.5, 0.3, 1, 0.5, 1.5, 0.2, 0.3}, // conference
    };
    private static final double[] SATISFACTION = {4.1, 3.9, 4.0, 4.3, 3.7, 4.4};
    private static final String[] SCORE = {"0", "1", "2", "3", "4", "5"};
    private static final String[] GRADE = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
    /** Per grade: assessment ids, subjects, and whether only about half the students take it. */
    private static final String[][] ASSESSMENTS = new String[13][];
    private static final String[][] SUBJECTS = new String[13][];
    private static final boolean[][] OPTIONAL = new boolean[13][];

    static {
        for (int g = 0; g <= 12; g++) {
            boolean sci = g == 5 || g == 8 || g == 11;
            int n = sci ? 4 : 3;
            ASSESSMENTS[g] = new String[n];
            SUBJECTS[g] = new String[n];
            OPTIONAL[g] = new boolean[n];
            String kind = g <= 2 ? "benchmark" : "state";
            ASSESSMENTS[g][0] = kind + "-ela-g" + g;
            SUBJECTS[g][0] = "ela";
            ASSESSMENTS[g][1] = kind + "-math-g" + g;
            SUBJECTS[g][1] = "math";
            ASSESSMENTS[g][2] = g <= 8 ? "interim-read-g" + g : "district-cs-g" + g;
            SUBJECTS[g][2] = g <= 8 ? "ela" : "other";
            OPTIONAL[g][2] = true;
            if (sci) {
                ASSESSMENTS[g][3] = "state-sci-g" + g;
                SUBJECTS[g][3] = "science";
            }
        }
    }

    private final long seed;

    Rows(long seed) {
        this.seed = seed;
    }

    /** Options for how a file is written beyond its {@link FileStyle}. */
    record Options(boolean lateAttendanceMissing, boolean titleCaseEnums, boolean wholeDollars,
                   String specialTitle) {
        static final Options NONE = new Options(false, false, false, null);
    }

    void emit(Extract x, LeaYear ly, RowOut out, Options o) throws IOException {
        switch (x) {
            case PL_ACTIVITIES -> activities(ly, out, o);
            case PL_FUNDING -> funding(ly, out, o);
            case ENROLLMENTS -> enrollments(ly, out);
            case ATTENDANCE -> attendance(ly, out, o);
            case SATISFACTION -> satisfaction(ly, out);
            case ARTIFACT_RATINGS -> artifacts(ly, out);
            case STUDENT_OUTCOMES -> outcomes(ly, out);
        }
    }

    private static String cap(String s, boolean on) {
        return on ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    private void activities(LeaYear ly, RowOut out, Options o) throws IOException {
        boolean tc = o.titleCaseEnums();
        for (Activity a : ly.activities) {
            String title = a.idx == 0 && o.specialTitle() != null ? o.specialTitle() : a.title;
            out.row(a.id, ly.sy, title, a.cohortId, cap(a.model.code, tc), cap(a.focus, tc),
                    cap(Boolean.toString(a.toolSpecific), tc), tc ? a.framework.toUpperCase() : a.framework,
                    Dates.iso(a.start()), Dates.iso(a.end()), a.plannedHours());
        }
    }

    private void funding(LeaYear ly, RowOut out, Options o) throws IOException {
        String[] f = new String[4];
        f[1] = ly.sy;
        for (Activity a : ly.activities) {
            SplittableRandom r = Rand.rng(seed, ly.lea.index, ly.y, a.idx, 0, 16);
            f[0] = a.id;
            long total = Math.round(a.members.length * a.model.perHead * StrictMath.exp(0.25 * Rand.gauss(r)) * 100)
                    + r.nextInt(100);
            int[] src;
            double[] w;
            if (a.toolSpecific) {
                // tool trainings default to Title II-A (SPEC preamble)
                src = r.nextDouble() < 0.2 ? new int[] {0, 5} : new int[] {0};
                w = src.length == 1 ? new double[] {1} : new double[] {0.8, 0.2};
            } else if (r.nextDouble() < 0.04) {
                continue; // absorbed in the general budget: no funding rows
            } else {
                int k = a.model.durable ? Rand.between(r, 2, 3) : Rand.between(r, 1, 2);
                double[] pool = SOURCE_WEIGHTS[a.model.ordinal()].clone();
                src = new int[k];
                w = new double[k];
                for (int i = 0; i < k; i++) {
                    src[i] = Rand.pick(r, pool);
                    pool[src[i]] = 0;
                    w[i] = 0.2 + r.nextDouble();
                }
            }
            double sum = 0;
            for (double v : w) {
                sum += v;
            }
            long left = total;
            for (int i = 0; i < src.length; i++) {
                long cents = i == src.length - 1 ? left : (long) (total * w[i] / sum);
                left -= cents;
                f[2] = SOURCES[src[i]];
                f[3] = money(cents, o.wholeDollars());
                out.row(f);
            }
            if (!a.toolSpecific && r.nextDouble() < 0.03) {
                f[2] = "partnership";
                f[3] = "0.00"; // in-kind partner time: allowed, amount >= 0
                boolean dup = false;
                for (int s : src) {
                    dup |= s == 6;
                }
                if (!dup) {
                    out.row(f);
                }
            }
        }
    }

    static String money(long cents, boolean wholeDollars) {
        if (wholeDollars) {
            return Long.toString((cents + 50) / 100);
        }
        long c = cents % 100;
        return (cents / 100) + (c < 10 ? ".0" : ".") + c;
    }

    /** Sessions attended by educator e, as a bit mask over a.sessions. */
    long attendMask(LeaYear ly, Activity a, int e) {
        SplittableRandom r = Rand.rng(seed, ly.lea.index, ly.y, a.idx, e, 10);
        int s = a.sessions.length;
        long mask = 0;
        double u = r.nextDouble();
        if (u < 0.04) {
            return 0; // enrolled, never came
        }
        if (a.model.durable) {
            if (u < 0.16) {
                int k = 1 + r.nextInt(s - 1); // dropped out after k sessions
                return (1L << k) - 1;
            }
            for (int j = 0; j < s; j++) {
                if (r.nextDouble() < 0.94) {
                    mask |= 1L << j;
                }
            }
        } else {
            for (int j = 0; j < s; j++) {
                if (r.nextDouble() < 0.93) {
                    mask |= 1L << j;
                }
            }
        }
        return mask == 0 ? 1 : mask;
    }

    private void enrollments(LeaYear ly, RowOut out) throws IOException {
        String[] f = new String[5];
        f[2] = ly.sy;
        for (Activity a : ly.activities) {
            f[1] = a.id;
            for (int e : a.members) {
                SplittableRandom r = Rand.rng(seed, ly.lea.index, ly.y, a.idx, e, 11);
                if (r.nextDouble() < 0.03) {
                    continue; // walk-in: attends without an enrollment record
                }
                f[0] = ly.lea.eduIds[e];
                f[3] = Lea.ROLES[ly.lea.role[e]];
                f[4] = Dates.iso(Math.max(ly.first, a.start() - Rand.between(r, 3, 30)));
                out.row(f);
                if (out.full()) {
                    return;
                }
            }
        }
    }

    private void attendance(LeaYear ly, RowOut out, Options o) throws IOException {
        String[] f = new String[5];
        f[2] = ly.sy;
        for (Activity a : ly.activities) {
            f[1] = a.id;
            for (int e : a.members) {
                long mask = attendMask(ly, a, e);
                if (mask == 0) {
                    continue;
                }
                SplittableRandom r = Rand.rng(seed, ly.lea.index, ly.y, a.idx, e, 17);
                f[0] = ly.lea.eduIds[e];
                for (int j = 0; j < a.sessions.length; j++) {
                    if ((mask & (1L << j)) == 0) {
                        continue;
                    }
                    int minutes = r.nextDouble() < 0.1 ? Math.max(15, a.minutes - 15 * Rand.between(r, 1, 2)) : a.minutes;
                    boolean late = r.nextInt(33) == 0; // drawn always: restated and original rows stay equal
                    if (o.lateAttendanceMissing() && late) {
                        continue; // entered late: only in the restated file
                    }
                    f[3] = Dates.iso(a.sessions[j]);
                    f[4] = Integer.toString(minutes);
                    out.row(f);
                }
            }
        }
    }

    private void satisfaction(LeaYear ly, RowOut out) throws IOException {
        String[] f = new String[7];
        f[2] = ly.sy;
        double base = 0;
        for (Activity a : ly.activities) {
            f[1] = a.id;
            base = SATISFACTION[a.model.ordinal()];
            for (int e : a.members) {
                long mask = attendMask(ly, a, e);
                if (mask == 0) {
                    continue;
                }
                SplittableRandom r = Rand.rng(seed, ly.lea.index, ly.y, a.idx, e, 12);
                if (r.nextDouble() >= 0.8) {
                    continue;
                }
                f[0] = ly.lea.eduIds[e];
                int lastIdx = 63 - Long.numberOfLeadingZeros(mask);
                int end = Math.min(ly.last, a.sessions[lastIdx] + Rand.between(r, 0, a.model.durable ? 5 : 7));
                if (a.model.durable && Long.bitCount(mask) >= 3 && r.nextDouble() < 0.6) {
                    int mid = a.sessions[lastIdx / 2];
                    if (mid < end) {
                        response(r, f, mid, base);
                        out.row(f);
                    }
                }
                response(r, f, end, base);
                out.row(f);
            }
        }
    }

    private static void response(SplittableRandom r, String[] f, int day, double base) {
        f[3] = Dates.iso(day);
        boolean any = false;
        for (int i = 4; i < 7; i++) {
            int v = (int) Math.max(1, Math.min(5, Math.round(base + 0.8 * Rand.gauss(r))));
            boolean blank = r.nextDouble() < 0.06;
            f[i] = blank ? "" : SCORE[v];
            any |= !blank;
        }
        if (!any) {
            f[4] = SCORE[(int) Math.round(base)];
        }
    }

    private void artifacts(LeaYear ly, RowOut out) throws IOException {
        String[] f = new String[10];
        f[3] = ly.sy;
        Lea lea = ly.lea;
        for (Activity a : ly.activities) {
            if (!a.artifacts) {
                continue;
            }
            f[2] = a.id;
            for (int e : a.members) {
                long mask = attendMask(ly, a, e);
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
                        f[0] = "art-" + ly.startYear % 100 + "-" + (a.idx + 1) + "-" + (e + 1) + (phase == 0 ? "-b" : "-f") + (k + 1);
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
                                long s = Math.round(latent + (phase == 0 ? 0 : PracticeLenses.focusGain(a, d))
                                        + 0.5 * Rand.gauss(r));
                                f[9] = SCORE[(int) Math.max(1, Math.min(4, s))];
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
     * Per educator, what remains this year of last year's change (SPEC §4.8's next-year baseline):
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
                        long mask = attendMask(p, a, e);
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

    private void outcomes(LeaYear ly, RowOut out) throws IOException {
        Lea lea = ly.lea;
        long pool = lea.studentPool();
        long mult = 1;
        long add = 0;
        if (ly.y > 0) {
            // students change teachers between years: an affine permutation of the pool
            mult = 7919;
            while (gcd(mult, pool) != 1) {
                mult += 2;
            }
            add = pool / 3 + ly.y;
        }
        String[] f = new String[8];
        f[2] = ly.sy;
        for (int e = 0; e < lea.n; e++) {
            if (!lea.teacher(e)) {
                continue;
            }
            SplittableRandom r = Rand.rng(seed, lea.index, ly.y, e, 0, 14);
            double effect = lea.valueAdded[e] + (ly.durable[e] ? 2.0 : ly.oneOff[e] ? 0.4 : 0.0);
            int g = lea.grade[e];
            double headStart = priorHeadStart(ly, e);
            int k = Rand.between(r, 9, 11);
            f[1] = lea.eduIds[e];
            f[5] = GRADE[g];
            for (int i = 0; i < k; i++) {
                long s = ((10L * e + i) * mult + add) % pool;
                f[0] = lea.studentId(s);
                SplittableRandom rs = Rand.rng(seed, lea.index, ly.y, s, 1, 15);
                double ability = 25 * Rand.gauss(rs);
                for (int t = 0; t < ASSESSMENTS[g].length; t++) {
                    if (OPTIONAL[g][t] && rs.nextBoolean()) {
                        continue;
                    }
                    long prior = Math.round((200 + 10 * g + 5 * t + ability + 8 * Rand.gauss(rs) + headStart) * 10);
                    long gain = Math.round((7 + effect + 8 * Rand.gauss(rs)) * 10);
                    f[3] = ASSESSMENTS[g][t];
                    f[4] = SUBJECTS[g][t];
                    f[6] = tenths(prior);
                    f[7] = tenths(prior + gain);
                    out.row(f);
                }
            }
        }
    }

    /** Sample sd of a prior score within a (year, assessment, grade) group: √(25² + 8²) points. */
    static final double PRIOR_SD = Math.sqrt(25 * 25 + 8 * 8);

    /**
     * SPEC §4.7: in some LEAs the participants teach students who start ahead of their
     * non-participating colleagues' (by 35% of an sd in lea-0002, -0006, …, 12% in lea-0003, -0007,
     * …), so the sample shows every baseline-equivalence verdict. Only prior and score move: the gain,
     * and so student growth, is unchanged; no random draw is added, so no other row changes.
     */
    static double priorHeadStart(LeaYear ly, int e) {
        if (!ly.durable[e] && !ly.oneOff[e]) {
            return 0;
        }
        return switch (ly.lea.index % 4) {
            case 2 -> 0.35 * PRIOR_SD;
            case 3 -> 0.12 * PRIOR_SD;
            default -> 0;
        };
    }

    static String tenths(long t) {
        long a = Math.abs(t);
        return (t < 0 ? "-" : "") + (a / 10) + "." + (a % 10);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
