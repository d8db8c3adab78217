package org.sea.pli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/data-dictionary.md is what the mart schemas say, nothing more or less. */
class DataDictionaryTest {

    private static final Path SCHEMAS = Path.of("schemas/marts");
    private static final Path DICTIONARY = Path.of("docs/data-dictionary.md");

    @Test
    void everyMartSchemaIsInTheDictionary() throws Exception {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .map(n -> n.substring(0, n.length() - ".json".length())))
                    .containsExactlyInAnyOrderElementsOf(DataDictionary.MARTS);
        }
    }

    @Test
    void theCommittedDictionaryIsGeneratedFromTheSchemas() throws Exception {
        String rendered = DataDictionary.render(SCHEMAS);
        if (Boolean.getBoolean("pli.write-data-dictionary")) {
            Files.writeString(DICTIONARY, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DICTIONARY, StandardCharsets.UTF_8))
                .as("docs/data-dictionary.md is stale: regenerate it with"
                        + " mvn -B -q test -Dtest=DataDictionaryTest -Dpli.write-data-dictionary=true")
                .isEqualTo(rendered);
        // the rendering carries what the schemas hold: a suppressed column's mark and its type
        assertThat(rendered)
                .contains("| `n_educators` † | int32 |")
                .contains("| `cost_usd` | decimal(18,2) |")
                .contains("## `submission_status` (docs/spec.md §5.11)");
    }
}
