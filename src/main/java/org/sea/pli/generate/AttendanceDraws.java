package org.sea.pli.generate;

import java.util.SplittableRandom;

/**
 * Which sessions each enrolled educator attended. Attendance, satisfaction and artifact ratings all
 * follow from it, and each replays it from the educator-activity pair's own generator, so the
 * extracts agree with each other whichever file a row lands in.
 */
final class AttendanceDraws {

    private final long seed;

    AttendanceDraws(long seed) {
        this.seed = seed;
    }

    /** Sessions attended by educator e, as a bit mask over a.sessions. */
    long mask(LeaYear ly, Activity a, int e) {
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
}
