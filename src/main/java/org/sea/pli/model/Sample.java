package org.sea.pli.model;

import java.util.Arrays;

/**
 * Values of one aggregate, in a fixed order, for the means and sample standard deviations of
 * docs/spec.md §4 (arithmetic mean; sd with n−1, null when n &lt; 2; null for an empty set).
 */
public final class Sample {

    /** The normal quantile of a two-sided 95% interval (spec §4.5). */
    static final double Z95 = 1.96;

    private double[] values = new double[8];
    private int n;

    public void add(double v) {
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = v;
    }

    public void addIfPresent(Double v) {
        if (v != null) {
            add(v);
        }
    }

    public int size() {
        return n;
    }

    /** The values in the order they were added (a copy). */
    public double[] values() {
        return Arrays.copyOf(values, n);
    }

    /**
     * Appends {@code more} in order: a sample built by parts, each part's values appended in turn,
     * holds the values, and so gives the bits, of one built value by value in the same order.
     */
    public void addAll(double[] more) {
        if (n + more.length > values.length) {
            values = Arrays.copyOf(values, Math.max(n + more.length, values.length * 2));
        }
        System.arraycopy(more, 0, values, n, more.length);
        n += more.length;
    }

    public Double mean() {
        if (n == 0) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum / n;
    }

    /** Sample standard deviation (n−1), two-pass for accuracy; null when n &lt; 2. */
    public Double sd() {
        if (n < 2) {
            return null;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** effect size = mean ÷ sd (spec §5.2), null when the sd is null or below 1e-9 (all values equal). */
    public Double effectSize() {
        Double sd = sd();
        return sd == null || sd < GroupImpact.ZERO_SD ? null : mean() / sd;
    }

    /**
     * One bound of the 95% interval of the mean (spec §4.5): mean + sign·1.96·sd/√n, sign −1 for
     * the low bound and +1 for the high one; null when the sd is null (n &lt; 2).
     */
    public Double ci(int sign) {
        Double sd = sd();
        return sd == null ? null : mean() + sign * Z95 * sd / Math.sqrt(n);
    }

    /**
     * One bound of the 95% interval of the difference of two independent means (spec §4.5):
     * (m₁ − m₂) + sign·1.96·√(s₁²/n₁ + s₂²/n₂); null when either sample has fewer than 2 values.
     */
    public static Double differenceCi(Sample a, Sample b, int sign) {
        if (a.n < 2 || b.n < 2) {
            return null;
        }
        double sa = a.sd();
        double sb = b.sd();
        return a.mean() - b.mean() + sign * Z95 * Math.sqrt(sa * sa / a.n + sb * sb / b.n);
    }

    /** a ÷ b, null when b is zero (docs/spec.md §4: division by zero gives null). */
    public static Double ratio(double a, double b) {
        return b == 0 ? null : a / b;
    }
}
