package org.sea.pli.generate;

import java.util.SplittableRandom;

/**
 * Deterministic randomness. Every entity (LEA-year plan, activity, educator-activity pair, student)
 * gets its own generator seeded from a hash of (seed, path), so a row's values do not depend on which
 * file it is written to or on what was generated before it. StrictMath keeps doubles identical on
 * every machine (spec §6 determinism applies to the generator too: auditors regenerate inboxes).
 */
final class Rand {
    private Rand() {}

    static long stafford(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, long a, long b, long c, long d, long e) {
        long h = stafford(seed + 0x9E3779B97F4A7C15L);
        h = stafford(h ^ (a + 0x632BE59BD9B4E019L));
        h = stafford(h ^ (b + 0x8CB92BA72F3D8DD7L));
        h = stafford(h ^ (c + 0x4F1BBCDCBFA53E0BL));
        h = stafford(h ^ (d + 0x2545F4914F6CDD1DL));
        return stafford(h ^ (e + 0x7FB5D329728EA185L));
    }

    static SplittableRandom rng(long seed, long a, long b, long c, long d, long e) {
        return new SplittableRandom(mix(seed, a, b, c, d, e));
    }

    /** Standard normal variate (Box-Muller on StrictMath, reproducible across JDKs and CPUs). */
    static double gauss(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Uniform int in [lo, hi]. */
    static int between(SplittableRandom r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
