package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** spec §4.7 Hedges' g of prior z and the WWC categories, on hand-worked tallies. */
class BaselineEquivalenceTest {

    private static GainMoments of(double... priorZ) {
        GainMoments m = new GainMoments();
        for (double z : priorZ) {
            m.add(z);
        }
        return m;
    }

    @Test
    void hedgesGWithItsSmallSampleFactor() {
        // treatment {1, 2, 3}: n 3, x̄ 2, (n − 1)s² = 2; comparison {0, 1}: n 2, x̄ 0.5, (n − 1)s² = 0.5
        // s_p = √((2 + 0.5)/(3 + 2 − 2)) = √(5/6) = 0.9128709…
        // factor 1 − 3/(4·5 − 9) = 8/11 (Cohen's d would be 1.5/√(5/6) = 1.6431677…)
        // g = (8/11)·1.5/√(5/6) = 1.1950311… → fails (> 0.25)
        Double g = BaselineEquivalence.hedgesG(of(1, 2, 3), of(0, 1));
        assertThat(g)
                .isCloseTo(8.0 / 11 * 1.5 / Math.sqrt(5.0 / 6), within(1e-12))
                .isCloseTo(1.1950311, within(1e-7));
        assertThat(BaselineEquivalence.category(g)).isEqualTo("fails");
        // the sign follows treatment − comparison
        assertThat(BaselineEquivalence.hedgesG(of(0, 1), of(1, 2, 3))).isCloseTo(-g, within(1e-12));
    }

    @Test
    void eachWhatWorksClearinghouseCategory() {
        // {0, 1} against {0, 1}: x̄ equal → g = 0 → satisfies
        assertThat(BaselineEquivalence.category(BaselineEquivalence.hedgesG(of(0, 1), of(0, 1))))
                .isEqualTo("satisfies");
        // {0.2, 1.2} against {0, 1}: s_p = √((0.5 + 0.5)/2) = √0.5; factor 1 − 3/(16 − 9) = 4/7;
        // g = (4/7)·0.2/√0.5 = 0.1616244… → needs_adjustment
        Double g = BaselineEquivalence.hedgesG(of(0.2, 1.2), of(0, 1));
        assertThat(g).isCloseTo(4.0 / 7 * 0.2 / Math.sqrt(0.5), within(1e-12));
        assertThat(BaselineEquivalence.category(g)).isEqualTo("needs_adjustment");
        // the bounds belong to the milder category: |g| ≤ 0.05 satisfies, ≤ 0.25 needs adjustment
        assertThat(BaselineEquivalence.category(0.05)).isEqualTo("satisfies");
        assertThat(BaselineEquivalence.category(-0.05)).isEqualTo("satisfies");
        assertThat(BaselineEquivalence.category(0.0500001)).isEqualTo("needs_adjustment");
        assertThat(BaselineEquivalence.category(-0.25)).isEqualTo("needs_adjustment");
        assertThat(BaselineEquivalence.category(0.2500001)).isEqualTo("fails");
        assertThat(BaselineEquivalence.category(-3.0)).isEqualTo("fails");
        assertThat(BaselineEquivalence.category(null)).isNull();
    }

    @Test
    void nullBelowTwoRowsOnEitherSideOrWithoutSpread() {
        assertThat(BaselineEquivalence.hedgesG(of(1), of(0, 1))).isNull(); // n_t < 2
        assertThat(BaselineEquivalence.hedgesG(of(0, 1), of(1))).isNull(); // n_c < 2
        assertThat(BaselineEquivalence.hedgesG(of(), of(0, 1))).isNull(); // no treatment rows
        assertThat(BaselineEquivalence.hedgesG(of(1, 1), of(0.5, 0.5, 0.5))).isNull(); // s_p = 0 < 1e-9
    }
}
