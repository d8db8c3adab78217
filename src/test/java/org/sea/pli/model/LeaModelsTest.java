package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sea.pli.extract.ExtractSchema;

/** The fold registry of {@link LeaModels} covers the seven extracts of spec §2, and nothing else. */
class LeaModelsTest {

    @Test
    void everyExtractHasExactlyOneRegisteredFold() {
        assertThat(LeaModels.foldedExtracts()).isEqualTo(Set.copyOf(ExtractSchema.NAMES));
        for (String extract : ExtractSchema.NAMES) {
            assertThat(new LeaModels().open("lea-1", ExtractSchema.of(extract))).isInstanceOf(YearFold.class);
        }
    }
}
