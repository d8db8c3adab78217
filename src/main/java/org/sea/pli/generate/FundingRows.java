package org.sea.pli.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/** {@code pl_funding} rows: each activity's cost split over one to three funding sources by model. */
final class FundingRows {
    /** In the order of {@code schemas/extracts/pl_funding.json} (checked by GeneratorVocabularyTest). */
    static final String[] SOURCES = {
        "title_ii_a", "title_iv_a", "title_i", "perkins", "state", "local", "partnership", "other"
    };

    private static final double[][] SOURCE_WEIGHTS = {
        {3, 0.5, 2, 0, 2, 2, 0.5, 0.2}, // coaching
        {2, 0.5, 1, 0, 1, 3, 0.3, 0.2}, // plc
        {2, 0.5, 0.5, 0, 2, 1, 2, 0.2}, // inquiry_cycle
        {3, 2, 0.5, 0.5, 1, 1.5, 0.3, 0.3}, // workshop
        {1.5, 3, 0.3, 1, 1, 1, 0.3, 0.5}, // online_course
        {2.5, 1.5, 0.3, 1, 0.5, 1.5, 0.2, 0.3}, // conference
    };

    private final long seed;

    FundingRows(long seed) {
        this.seed = seed;
    }

    void funding(LeaYear ly, RowOut out, Rows.Options o) throws IOException {
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
}
