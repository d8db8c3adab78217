package org.sea.pli.model;

/**
 * Count, mean and sum of squared deviations of gains (Welford), mergeable (Chan et al.). Equal
 * gains give exactly zero spread, which the "pop_sd numerically zero" rule of docs/spec.md §4.3 needs;
 * a one-pass sum of squares would leave rounding noise there. The same tally holds prior scores
 * and prior z for the baseline equivalence test of §4.7.
 */
final class GainMoments {
    long n;
    double mean;
    double m2;

    void add(double gain) {
        n++;
        double delta = gain - mean;
        mean += delta / n;
        m2 += delta * (gain - mean);
    }

    void merge(GainMoments o) {
        if (o.n == 0) {
            return;
        }
        if (n == 0) {
            n = o.n;
            mean = o.mean;
            m2 = o.m2;
            return;
        }
        long total = n + o.n;
        double delta = o.mean - mean;
        mean += delta * o.n / total;
        m2 += o.m2 + delta * delta * ((double) n * o.n / total);
        n = total;
    }

    /** Population standard deviation (divides by n). */
    double populationSd() {
        return Math.sqrt(m2 / n);
    }
}
