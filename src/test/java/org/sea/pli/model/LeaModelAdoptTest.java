package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A changed LEA's model takes over the school years its stored result still holds (docs/spec.md
 * §6.1): the years move whole, indexed by the rubric dimensions the new model starts with.
 */
class LeaModelAdoptTest {

    @Test
    void aSeededModelTakesOverAYearWholeAndWritesItAsTheEarlierDid() throws IOException {
        // a folded model: its years are in memory and move
        LeaModel earlier = LeaModelFormatTest.model(); // 2025 with every kind of tally, 2026 funding only
        byte[] before = year(earlier, 2025);
        LeaModel now = seededFrom(earlier);
        now.dimension("pacing"); // a dimension new to this night's files goes after the stored ones

        now.adoptYears(earlier, Set.of(2025));

        assertThat(now.years()).containsExactly(2025);
        assertThat(earlier.years()).containsExactly(2026);
        assertThat(now.dimensions()).containsExactly("questioning", "feedback", "pacing");
        // the year's bytes depend on the dimension list only through the indices it names
        assertThat(year(now, 2025)).isEqualTo(before);
    }

    @Test
    void aYearStillStoredIsTakenOverAsItsStoredBytesAndDecodedOnlyWhenAsked() throws IOException {
        LeaModel folded = LeaModelFormatTest.model(); // 2025 with every kind of tally, 2026 funding only
        Map<Integer, byte[]> parts = LeaModelFormatTest.yearParts(folded);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        LeaModelFormat.writeHead(folded, new DataOutputStream(head));
        List<Set<Integer>> asked = new ArrayList<>();
        LeaModel earlier =
                LeaModelFormat.readHead(new DataInputStream(new ByteArrayInputStream(head.toByteArray())), years -> {
                    asked.add(Set.copyOf(years));
                    Map<Integer, byte[]> wanted = new HashMap<>();
                    years.forEach(y -> wanted.put(y, parts.get(y)));
                    return wanted;
                });
        LeaModel now = seededFrom(earlier);

        now.adoptYears(earlier, Set.of(2025));

        assertThat(asked).as("the part fetched once, for the adoption").containsExactly(Set.of(2025));
        assertThat(now.years()).containsExactly(2025);
        assertThat(now.attendance).as("not decoded by the adoption").isEmpty();
        // a checkpoint writes the year back as the very bytes stored
        assertThat(LeaModelFormat.yearPart(now, 2025)).isSameAs(parts.get(2025));
        assertThatThrownBy(() -> year(now, 2025))
                .as("its tallies cannot be used before they are read")
                .isInstanceOf(IllegalStateException.class);

        now.readYears(Set.of(2025));
        assertThat(now.attendance.get(2025)).isNotEmpty();
        assertThat(year(now, 2025)).as("decoded, it is the year it was").isEqualTo(parts.get(2025));
        assertThat(asked)
                .as("read from the bytes it holds, not from the store again")
                .hasSize(1);
    }

    @Test
    void everyExtractsTalliesOfAYearTogetherAreTheWholeYear() throws IOException {
        LeaModel earlier = LeaModelFormatTest.model(); // 2025 with every kind of tally, 2026 funding only
        byte[] before = year(earlier, 2025);
        LeaModel now = seededFrom(earlier);
        // as a changed LEA keeps the extracts it does not read again, one by one
        now.adoptExtracts(earlier, 2025, Set.of("pl_activities", "pl_funding", "enrollments"));
        assertThat(now.activityIds(2025))
                .isEqualTo(Set.copyOf(now.activities.get(2025).keySet()));
        now.adoptExtracts(earlier, 2025, Set.of("attendance", "satisfaction", "artifact_ratings", "student_outcomes"));

        assertThat(earlier.years()).as("nothing of 2025 left behind").containsExactly(2026);
        assertThat(year(now, 2025)).isEqualTo(before);
        assertThatThrownBy(() -> now.adoptExtracts(earlier, 2025, Set.of("attendance")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attendance tallies of school year 2025 already");
        assertThatThrownBy(() -> now.adoptExtracts(earlier, 2025, Set.of("roster")))
                .isInstanceOf(IllegalArgumentException.class);
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

        LeaModel folded = seededFrom(earlier);
        folded.funding.put(2026, List.of());
        assertThatThrownBy(() -> folded.adoptYears(earlier, Set.of(2026)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has school year 2026 already");
    }

    /** A new model of the LEA whose rubric dimensions start with the earlier model's, as a changed LEA's does. */
    private static LeaModel seededFrom(LeaModel earlier) {
        LeaModel m = new LeaModel("lea-7");
        m.seedDimensions(earlier.dimensions());
        return m;
    }

    private static byte[] year(LeaModel m, int year) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LeaModelFormat.writeYear(m, year, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
