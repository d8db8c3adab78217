package org.sea.pli.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/** {@code enrollments}, {@code attendance} and {@code satisfaction} rows of the educators of each activity. */
final class ParticipationRows {
    private static final double[] SATISFACTION = {4.1, 3.9, 4.0, 4.3, 3.7, 4.4};

    private final long seed;
    private final AttendanceDraws attended;

    ParticipationRows(long seed, AttendanceDraws attended) {
        this.seed = seed;
        this.attended = attended;
    }

    void enrollments(LeaYear ly, RowOut out) throws IOException {
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

    void attendance(LeaYear ly, RowOut out, Rows.Options o) throws IOException {
        String[] f = new String[5];
        f[2] = ly.sy;
        for (Activity a : ly.activities) {
            f[1] = a.id;
            for (int e : a.members) {
                long mask = attended.mask(ly, a, e);
                if (mask == 0) {
                    continue;
                }
                SplittableRandom r = Rand.rng(seed, ly.lea.index, ly.y, a.idx, e, 17);
                f[0] = ly.lea.eduIds[e];
                for (int j = 0; j < a.sessions.length; j++) {
                    if ((mask & (1L << j)) == 0) {
                        continue;
                    }
                    int minutes =
                            r.nextDouble() < 0.1 ? Math.max(15, a.minutes - 15 * Rand.between(r, 1, 2)) : a.minutes;
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

    void satisfaction(LeaYear ly, RowOut out) throws IOException {
        String[] f = new String[7];
        f[2] = ly.sy;
        double base = 0;
        for (Activity a : ly.activities) {
            f[1] = a.id;
            base = SATISFACTION[a.model.ordinal()];
            for (int e : a.members) {
                long mask = attended.mask(ly, a, e);
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
            f[i] = blank ? "" : Rows.SCORE[v];
            any |= !blank;
        }
        if (!any) {
            f[4] = Rows.SCORE[(int) Math.round(base)];
        }
    }
}
