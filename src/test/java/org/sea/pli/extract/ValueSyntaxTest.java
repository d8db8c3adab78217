package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueSyntaxTest {

    /** The fast path must give exactly what the constructor gives: the same unscaled value and scale. */
    @Test
    void aPlainDecimalIsTheConstructorsValueAndScale() {
        List<String> literals = new ArrayList<>(List.of(
                "0",
                "-0",
                "+0.0",
                "5.",
                ".5",
                "-.5",
                "12.50",
                "-0.50",
                "00012",
                "+1.5",
                "999999999999999999",
                "-999999999999999999",
                "123456789.123456789",
                "0.00000000000000001"));
        Random random = new Random(20261205L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder v = new StringBuilder(random.nextInt(3) == 0 ? "-" : "");
            int before = random.nextInt(8);
            for (int d = 0; d < before; d++) {
                v.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                v.append('.');
                for (int d = random.nextInt(8) + (before == 0 ? 1 : 0); d > 0; d--) {
                    v.append((char) ('0' + random.nextInt(10)));
                }
            } else if (before == 0) {
                v.append('7');
            }
            literals.add(v.toString());
        }
        for (String literal : literals) {
            assertThat(ValueSyntax.isDecimalLiteral(literal)).as(literal).isTrue(); // what the fast path accepts is one
            BigDecimal expected = new BigDecimal(literal);
            assertThat(ValueSyntax.plainDecimal(literal))
                    .as(literal)
                    .isEqualTo(expected) // BigDecimal.equals compares the scale too
                    .extracting(BigDecimal::scale)
                    .isEqualTo(expected.scale());
        }
    }

    /** Anything else goes to the constructor (or is not a literal): the fast path declines it. */
    @Test
    void exponentsLongMantissasAndNonLiteralsAreLeftToTheConstructor() {
        for (String v : List.of(
                "1.2e3",
                "1E-2",
                "1234567890123456789",
                "0.000000000000000001",
                "0.1234567890123456789",
                "",
                "-",
                ".",
                "1,5",
                "1.2.3",
                " 1",
                "NaN",
                "Infinity")) {
            assertThat(ValueSyntax.plainDecimal(v)).as(v).isNull();
        }
    }

    /** §2: the non-finite tokens, in any case, are recognised; numbers and near-misses are not. */
    @Test
    void nonFiniteTokensInAnyCaseAndNothingElse() {
        for (String v : List.of("NaN", "nan", "NAN", "Infinity", "-infinity", "INF", "-Inf")) {
            assertThat(ValueSyntax.isNonFinite(v)).as(v).isTrue();
        }
        for (String v : List.of("", "-", "0", "-1.5", ".5", "+inf", "nano", "in", "-nan", "1e9")) {
            assertThat(ValueSyntax.isNonFinite(v)).as(v).isFalse();
        }
    }
}
