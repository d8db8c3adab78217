package org.sea.pli.model;

/**
 * The What Works Clearinghouse test of baseline equivalence of one cohort group's student-growth
 * comparison (spec §4.7): Hedges' g of the prior z of the treatment rows (the outcome rows of the
 * group's educators with a student_growth_z) against the comparison rows (the LEA-year's
 * non-participants), from merged tallies of prior z, never from rows.
 */
public final class BaselineEquivalence {

    /** |g| at most this: the groups started at the same level. */
    static final double SATISFIES = 0.05;
    /** |g| at most this: comparable only with a statistical adjustment for the prior score. */
    static final double NEEDS_ADJUSTMENT = 0.25;

    private final GrowthStandardization growth;
    private final GainMoments treatment = new GainMoments();
    private final GainMoments comparison;

    BaselineEquivalence(GrowthStandardization growth, GainMoments comparison) {
        this.growth = growth;
        this.comparison = comparison;
    }

    /** Adds the rows (with a non-null prior z) of an educator of the group; call in unit order. */
    public void addTreatment(EducatorOutcomes educator) {
        growth.addPriorZ(educator, treatment);
    }

    /**
     * Hedges' g = (1 − 3 ÷ (4·(n_t + n_c) − 9))·(x̄_t − x̄_c) ÷ s_p, with the pooled sd
     * s_p = √(((n_t − 1)·s_t² + (n_c − 1)·s_c²) ÷ (n_t + n_c − 2)); the sums of squared deviations
     * m2 = (n − 1)·s² are what the tallies hold. Null when n_t &lt; 2, n_c &lt; 2 or s_p &lt; 1e-9.
     */
    public Double effectSize() {
        return hedgesG(treatment, comparison);
    }

    /** {@code satisfies}, {@code needs_adjustment} or {@code fails} (§4.7); null without an effect size. */
    public String category() {
        return category(effectSize());
    }

    static Double hedgesG(GainMoments t, GainMoments c) {
        if (t.n < 2 || c.n < 2) {
            return null;
        }
        double n = t.n + c.n;
        double pooledSd = Math.sqrt((t.m2 + c.m2) / (n - 2));
        if (pooledSd < GrowthStandardization.ZERO_SD) {
            return null;
        }
        return (1 - 3 / (4 * n - 9)) * (t.mean - c.mean) / pooledSd;
    }

    static String category(Double g) {
        if (g == null) {
            return null;
        }
        double a = Math.abs(g);
        return a <= SATISFIES ? "satisfies" : a <= NEEDS_ADJUSTMENT ? "needs_adjustment" : "fails";
    }
}
