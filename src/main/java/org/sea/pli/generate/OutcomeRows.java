package org.sea.pli.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * {@code student_outcomes} rows: each teacher's students on the assessments of their grade, with
 * the planted gain of durable PL (~0.25 SD) and, in some LEAs, a prior head start (spec §4.7).
 */
final class OutcomeRows {
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

    OutcomeRows(long seed) {
        this.seed = seed;
    }

    void outcomes(LeaYear ly, RowOut out) throws IOException {
        Lea lea = ly.lea;
        long pool = lea.studentPool();
        long mult = 1;
        long add = 0;
        if (ly.y != 0) {
            // students change teachers between years: an affine permutation of the pool, another
            // shift each year (2024-25, offset 0, keeps the identity)
            mult = 7919;
            while (gcd(mult, pool) != 1) {
                mult += 2;
            }
            add = Math.floorMod(pool / 3 + ly.y, pool);
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
     * spec §4.7: in some LEAs the participants teach students who start ahead of their
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
