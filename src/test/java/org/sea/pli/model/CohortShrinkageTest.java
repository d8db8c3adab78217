package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** spec §4.6 empirical-Bayes shrinkage, derived by hand. */
class CohortShrinkageTest {

    private static CohortShrinkage.Group group(double... changes) {
        Sample s = new Sample();
        for (double c : changes) {
            s.add(c);
        }
        return new CohortShrinkage.Group(s.size(), s.mean(), s.sd());
    }

    @Test
    void threeCohortsShrinkTowardThePooledMeanByTheirNoise() {
        // A {0, 2}: n 2, m 1, s² 2.  B {2, 3, 4}: n 3, m 3, s² 1.  D {9}: n 1, not estimable.
        // C {3, 4, 5, 6, 7}: n 5, m 5, s² (4 + 1 + 0 + 1 + 4)/4 = 5/2.  k = 3 (A, B, C).
        // μ = (2·1 + 3·3 + 5·5)/(2 + 3 + 5) = 36/10 = 3.6
        // σ²_w = (1·2 + 2·1 + 4·5/2)/(1 + 2 + 4) = 14/7 = 2
        // (1/k)Σ(m − μ)² = (2.6² + 0.6² + 1.4²)/3 = (6.76 + 0.36 + 1.96)/3 = 9.08/3 = 227/75
        // σ²_w·(1/k)Σ1/n = 2·(1/2 + 1/3 + 1/5)/3 = 2·(31/30)/3 = 31/45
        // τ² = 227/75 − 31/45 = (681 − 155)/225 = 526/225
        // B_A = τ²/(τ² + 2/2) = 526/(526 + 225) = 526/751
        // B_B = τ²/(τ² + 2/3) = 526/(526 + 150) = 526/676
        // B_C = τ²/(τ² + 2/5) = 526/(526 + 90) = 526/616
        CohortShrinkage fit = CohortShrinkage.fit(List.of(group(0, 2), group(2, 3, 4), group(9), group(3, 4, 5, 6, 7)));
        assertThat(fit.pooledMean()).isCloseTo(3.6, within(1e-12));
        assertThat(fit.withinVariance()).isCloseTo(2.0, within(1e-12));
        assertThat(fit.betweenVariance()).isCloseTo(526.0 / 225, within(1e-12));
        assertThat(fit.shrinkage(0)).isCloseTo(526.0 / 751, within(1e-12));
        assertThat(fit.shrinkage(1)).isCloseTo(526.0 / 676, within(1e-12));
        assertThat(fit.shrinkage(2)).isNull(); // one practice pair
        assertThat(fit.shrunk(2)).isNull();
        assertThat(fit.shrinkage(3)).isCloseTo(526.0 / 616, within(1e-12));
        // shrunk = μ + B·(m − μ): A 3.6 − 2.6·526/751 = 1.7789613…, B 3.6 − 0.6·526/676 = 3.1331360…,
        // C 3.6 + 1.4·526/616 = 4.7954545…: the small noisy A moves most
        assertThat(fit.shrunk(0))
                .isCloseTo(3.6 - 2.6 * 526 / 751, within(1e-12))
                .isCloseTo(1.7789613, within(1e-7));
        assertThat(fit.shrunk(1))
                .isCloseTo(3.6 - 0.6 * 526 / 676, within(1e-12))
                .isCloseTo(3.1331361, within(1e-7));
        assertThat(fit.shrunk(3))
                .isCloseTo(3.6 + 1.4 * 526 / 616, within(1e-12))
                .isCloseTo(4.7954545, within(1e-7));
    }

    @Test
    void noBetweenCohortVarianceShrinksEveryGroupToThePooledMean() {
        // {0, 2}: m 1, s² 2; {1, 3}: m 2, s² 2. μ = 1.5; σ²_w = (2 + 2)/2 = 2;
        // (1/2)(0.25 + 0.25) = 0.25 − 2·(1/2 + 1/2)/2 = 1 < 0 → τ² = 0, every B = 0, shrunk = μ
        CohortShrinkage fit = CohortShrinkage.fit(List.of(group(0, 2), group(1, 3)));
        assertThat(fit.betweenVariance()).isEqualTo(0.0);
        assertThat(fit.shrinkage(0)).isEqualTo(0.0);
        assertThat(fit.shrinkage(1)).isEqualTo(0.0);
        assertThat(fit.shrunk(0)).isEqualTo(1.5);
        assertThat(fit.shrunk(1)).isEqualTo(1.5);
    }

    @Test
    void aYearWithoutTwoPracticePairsInAnyGroupHasNothingToShrink() {
        CohortShrinkage fit = CohortShrinkage.fit(List.of(group(4), new CohortShrinkage.Group(0, null, null)));
        assertThat(fit.pooledMean()).isNull();
        assertThat(fit.shrunk(0)).isNull();
        assertThat(fit.shrinkage(1)).isNull();
    }
}
