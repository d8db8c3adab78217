package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sea.pli.extract.ExtractSchema;

/** The pages' orders come from the extract schemas, which hold spec §2's order. */
class ListingOrderTest {

    @Test
    void modelsAndSourcesAreInSpecSection2Order() {
        // spec §2: durable models first, one-off sessions last; funding sources as the pl_funding enum lists them
        assertThat(ListingOrder.MODELS)
                .containsExactly("coaching", "plc", "inquiry_cycle", "workshop", "online_course", "conference");
        assertThat(ListingOrder.SOURCES)
                .containsExactly(
                        "title_ii_a", "title_iv_a", "title_i", "perkins", "state", "local", "partnership", "other");
        assertThat(ListingOrder.STATUSES)
                .containsExactly("in_force", "superseded", "rejected", "stale_in_force", "ignored");
    }

    @Test
    void anUnknownModelSortsAfterTheKnownOnesByName() {
        List<String> models = new ArrayList<>(List.of("zeta", "conference", "alpha", "coaching"));
        models.sort(ListingOrder.MODEL);
        assertThat(models).containsExactly("coaching", "conference", "alpha", "zeta");
    }

    @Test
    void aColumnWithoutValuesIsNotAnEnum() {
        assertThatThrownBy(() -> ExtractSchema.of("pl_activities").values("cohort_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pl_activities.cohort_id is not an enum column");
    }
}
