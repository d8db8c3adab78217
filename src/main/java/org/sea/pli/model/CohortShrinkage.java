package org.sea.pli.model;

import java.util.List;

/**
 * Empirical-Bayes shrinkage of the cohort groups' mean practice change of one school year (SPEC
 * §4.6): a cohort's mean is pulled toward the year's pooled mean in proportion to how noisy it is,
 * so a lucky cohort of twelve does not outrank a large, consistently good one. Over the groups
 * with n_g ≥ 2 practice pairs (k of them), in the order given (the key order, for determinism):
 * <ul>
 * <li>μ = Σ n_g·m_g ÷ Σ n_g,</li>
 * <li>σ²_w = Σ (n_g − 1)·s_g² ÷ Σ (n_g − 1),</li>
 * <li>τ² = max(0, (1/k)·Σ (m_g − μ)² − σ²_w·(1/k)·Σ 1/n_g),</li>
 * <li>B_g = τ² ÷ (τ² + σ²_w/n_g), 0 when τ² = 0; shrunk_g = μ + B_g·(m_g − μ).</li>
 * </ul>
 * Groups with n_g &lt; 2 get null shrinkage and shrunk change.
 */
public final class CohortShrinkage {

    /** One cohort group's practice change: pairs, mean and sample sd (null when n &lt; 2). */
    public record Group(int n, Double mean, Double sd) {
        boolean estimable() {
            return n >= 2 && mean != null && sd != null;
        }
    }

    private final List<Group> groups;
    private final Double mu;
    private final Double withinVariance;
    private final Double betweenVariance;

    private CohortShrinkage(List<Group> groups) {
        this.groups = List.copyOf(groups);
        double pairs = 0;
        double weightedMeans = 0;
        double withinSquares = 0;
        double withinDf = 0;
        int k = 0;
        for (Group g : this.groups) {
            if (g.estimable()) {
                k++;
                pairs += g.n();
                weightedMeans += g.n() * g.mean();
                withinSquares += (g.n() - 1) * g.sd() * g.sd();
                withinDf += g.n() - 1;
            }
        }
        if (k == 0) {
            mu = withinVariance = betweenVariance = null;
            return;
        }
        mu = weightedMeans / pairs;
        withinVariance = withinSquares / withinDf;
        double spread = 0;
        double inverseSizes = 0;
        for (Group g : this.groups) {
            if (g.estimable()) {
                double d = g.mean() - mu;
                spread += d * d;
                inverseSizes += 1.0 / g.n();
            }
        }
        betweenVariance = Math.max(0, spread / k - withinVariance * inverseSizes / k);
    }

    /** Fits the year's groups, given in key order (lea_id, cohort_id, pl_model). */
    public static CohortShrinkage fit(List<Group> groups) {
        return new CohortShrinkage(groups);
    }

    /** μ, the year's pooled mean change; null when no group has 2 practice pairs. */
    public Double pooledMean() {
        return mu;
    }

    /** σ²_w, the pooled within-cohort variance. */
    public Double withinVariance() {
        return withinVariance;
    }

    /** τ², the between-cohort variance (method of moments, never below 0). */
    public Double betweenVariance() {
        return betweenVariance;
    }

    /** B_g of the i-th group given; null when it has fewer than 2 practice pairs. */
    public Double shrinkage(int i) {
        Group g = groups.get(i);
        if (!g.estimable()) {
            return null;
        }
        return betweenVariance == 0 ? 0.0 : betweenVariance / (betweenVariance + withinVariance / g.n());
    }

    /** μ + B_g·(m_g − μ) of the i-th group given; null when it has fewer than 2 practice pairs. */
    public Double shrunk(int i) {
        Double b = shrinkage(i);
        return b == null ? null : mu + b * (groups.get(i).mean() - mu);
    }
}
