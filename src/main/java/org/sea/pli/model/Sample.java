package org.sea.pli.model;

import java.util.Arrays;

/**
 * Values of one aggregate, in a fixed order, for the means and sample standard deviations of
 * SPEC.md §4 (arithmetic mean; sd with n−1, null when n &lt; 2; null for an empty set).
 */
public final class Sample {

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

    /** a ÷ b, null when b is zero (SPEC.md §4: division by zero gives null). */
    public static Double ratio(double a, double b) {
        return b == 0 ? null : a / b;
    }
}
