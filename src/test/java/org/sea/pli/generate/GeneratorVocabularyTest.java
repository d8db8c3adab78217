package org.sea.pli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sea.pli.extract.ExtractSchema;

/**
 * The generator writes the inbox from its own copy of the extracts' vocabularies (it checks the
 * validator rather than sharing its code), and its draws are indexed by position; so its copies
 * must be the schemas' enum values in the schemas' order (spec §2) — the schema stays the one
 * definition, and a change there fails here instead of silently shifting the sample data.
 */
class GeneratorVocabularyTest {

    private static List<String> values(String extract, String column) {
        ExtractSchema schema = ExtractSchema.of(extract);
        return List.copyOf(schema.columns().get(schema.index(column)).values());
    }

    @Test
    void fundingSourcesAreThoseOfPlFundingInSchemaOrder() {
        assertThat(Arrays.asList(FundingRows.SOURCES))
                .containsExactlyElementsOf(values("pl_funding", "funding_source"));
    }

    @Test
    void modelsAreThoseOfPlActivitiesInSchemaOrder() {
        assertThat(Arrays.stream(Model.values()).map(m -> m.code).toList())
                .containsExactlyElementsOf(values("pl_activities", "pl_model"));
    }
}
