package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** spec §4.5 intervals and the §5.2 effect size, on hand-worked samples. */
class SampleIntervalTest {

    private static Sample of(double... values) {
        Sample s = new Sample();
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    @Test
    void intervalOfAMean() {
        // {1, 2, 3}: mean 2, sd = √((1 + 0 + 1) / 2) = 1, half-width 1.96·1/√3 = 1.1316070…
        Sample s = of(1, 2, 3);
        assertThat(s.ci(-1)).isCloseTo(0.8683930, within(1e-6));
        assertThat(s.ci(1)).isCloseTo(3.1316070, within(1e-6));
        // effect size = 2 / 1
        assertThat(s.effectSize()).isEqualTo(2.0);
    }

    @Test
    void noIntervalBelowTwoValuesAndNoEffectSizeWhenAllEqual() {
        assertThat(of(4).ci(-1)).isNull();
        assertThat(of(4).ci(1)).isNull();
        assertThat(of(0.5, 0.5, 0.5).effectSize()).isNull(); // sd 0 < 1e-9
        assertThat(of(0.5, 0.5, 0.5).ci(1)).isEqualTo(0.5); // sd 0: the interval is the point
    }

    @Test
    void intervalOfADifferenceOfIndependentMeans() {
        // a = {1, 2, 3}: m 2, s² 1, n 3; b = {0, 0, 2, 2}: m 1, s² = 4·1/3 = 4/3, n 4
        // se = √(1/3 + (4/3)/4) = √(2/3) = 0.8164966; half-width 1.96·se = 1.6003333
        Sample a = of(1, 2, 3);
        Sample b = of(0, 0, 2, 2);
        assertThat(Sample.differenceCi(a, b, -1)).isCloseTo(-0.6003333, within(1e-6));
        assertThat(Sample.differenceCi(a, b, 1)).isCloseTo(2.6003333, within(1e-6));
        assertThat(Sample.differenceCi(a, of(5), 1)).isNull(); // n₂ < 2
        assertThat(Sample.differenceCi(of(5), b, -1)).isNull(); // n₁ < 2
    }
}
