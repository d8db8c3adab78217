package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report's numbers (written without String.format) are exactly the strings
 * String.format gave with Locale.ROOT: the pages' bytes must not change.
 */
class FmtTest {

    private static List<Double> doubles() {
        List<Double> values = new ArrayList<>(List.of(
                0.0,
                -0.0,
                0.5,
                -0.5,
                0.005,
                0.015,
                0.025,
                1.005,
                2.675,
                1.0049999999999999,
                -0.001,
                -0.004,
                -0.005,
                0.049999999999999996,
                0.05,
                0.95,
                0.9999,
                99.995,
                123456.789,
                -123456.785,
                1e-7,
                -1e-7,
                1e15,
                1.2345e17,
                Double.MIN_VALUE,
                -Double.MIN_VALUE,
                1.0 / 3,
                2.0 / 3,
                -2.0 / 3,
                0.1 + 0.2,
                Double.MAX_VALUE));
        Random random = new Random(14); // seeded: the same values on every run
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(12) - 5);
            double v = (random.nextDouble() * 2 - 1) * magnitude;
            values.add(v);
            values.add(Math.round(v * 1000) / 1000.0 + 0.0005); // exactly-half ties in decimal form
        }
        return values;
    }

    @Test
    void decimalsMatchStringFormat() {
        for (double d : doubles()) {
            for (int places = 0; places <= 3; places++) {
                assertThat(Fmt.dec(d, places))
                        .as("%s with %d places", d, places)
                        .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", d));
            }
            assertThat(Fmt.pct(d)).as("pct %s", d).isEqualTo(String.format(Locale.ROOT, "%.1f%%", d * 100));
        }
        assertThat(Fmt.dec(Double.POSITIVE_INFINITY, 2)).isEqualTo("Infinity");
        assertThat(Fmt.dec(Double.NaN, 2)).isEqualTo(Fmt.NONE);
        assertThat(Fmt.dec(null, 2)).isEqualTo(Fmt.NONE);
    }

    @Test
    void countsAndDollarsMatchStringFormat() {
        List<Long> longs = new ArrayList<>(List.of(
                0L,
                1L,
                -1L,
                12L,
                123L,
                -123L,
                999L,
                1000L,
                -1000L,
                12345L,
                123456L,
                1234567L,
                -1234567L,
                Long.MAX_VALUE,
                Long.MIN_VALUE));
        Random random = new Random(41);
        for (int i = 0; i < 5_000; i++) {
            longs.add(random.nextLong() >> random.nextInt(63));
        }
        for (long n : longs) {
            assertThat(Fmt.count(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
            BigDecimal dollars = BigDecimal.valueOf(n, 2);
            assertThat(Fmt.usd(dollars))
                    .isEqualTo("$"
                            + String.format(
                                    Locale.ROOT,
                                    "%,d",
                                    dollars.setScale(0, java.math.RoundingMode.HALF_EVEN)
                                            .toBigIntegerExact()));
        }
        assertThat(Fmt.count(1234567)).isEqualTo("1,234,567"); // stated, not only compared
        assertThat(Fmt.usd(new BigDecimal("1234.50"))).isEqualTo("$1,234"); // half-even
        assertThat(Fmt.dec(-0.004, 2)).isEqualTo("-0.00");
        assertThat(Fmt.dec(1.005, 2)).isEqualTo("1.01"); // half-up on the decimal form "1.005"
    }
}
