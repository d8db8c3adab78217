package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A changed LEA's model takes over the school years its stored result still holds (docs/spec.md
 * §6.1): the years move whole, indexed by the rubric dimensions the new model starts with.
 */
class LeaModelAdoptTest {

    @Test
    void aSeededModelTakesOverAYearWholeAndWritesItAsTheEarlierDid() throws IOException {
        LeaModel earlier = LeaModelFormatTest.model(); // 2025 with every kind of tally, 2026 funding only
        byte[] before = year(earlier, 2025);
        LeaModel now = new LeaModel("lea-7");
        now.seedDimensions(earlier.dimensions());
        now.dimension("pacing"); // a dimension new to this night's files goes after the stored ones

        now.adoptYears(earlier, Set.of(2025));

        assertThat(now.years()).containsExactly(2025);
        assertThat(earlier.years()).containsExactly(2026);
        assertThat(now.dimensions()).containsExactly("questioning", "feedback", "pacing");
        // the year's bytes depend on the dimension list only through the indices it names
        assertThat(year(now, 2025)).isEqualTo(before);
    }

    @Test
    void anUnseededModelOrAYearAlreadyFoldedIsRefused() {
        LeaModel earlier = LeaModelFormatTest.model();
        LeaModel unseeded = new LeaModel("lea-7");
        unseeded.dimension("feedback"); // index 0 here, 1 in the earlier model's tallies
        assertThatThrownBy(() -> unseeded.adoptYears(earlier, Set.of(2025)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not seeded");
        assertThatThrownBy(() -> unseeded.seedDimensions(earlier.dimensions()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("folded ratings already");

        LeaModel folded = new LeaModel("lea-7");
        folded.seedDimensions(earlier.dimensions());
        folded.funding.put(2026, List.of());
        assertThatThrownBy(() -> folded.adoptYears(earlier, Set.of(2026)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has school year 2026 already");
    }

    private static byte[] year(LeaModel m, int year) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LeaModelFormat.writeYear(m, year, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
