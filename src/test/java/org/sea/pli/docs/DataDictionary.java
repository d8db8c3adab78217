package org.sea.pli.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code docs/data-dictionary.md} from {@code schemas/marts/*.json}, the files the mart
 * writer reads: the dictionary can then never say what the marts do not.
 */
final class DataDictionary {

    /** The marts in the order the dictionary lists them: the order of the contract's §5. */
    static final List<String> MARTS = List.of(
            "load_report",
            "educator_activity",
            "cohort_impact",
            "model_comparison",
            "funding_efficiency",
            "evidence_coverage",
            "bright_spots",
            "submission_status",
            "practice_by_design",
            "practice_by_dimension",
            "practice_persistence");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataDictionary() {}

    static String render(Path schemas) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# Data dictionary");
        out.add("");
        out.add("Every column of every mart, generated from `schemas/marts/*.json` (the files the writer uses) by");
        out.add("`DataDictionaryTest`, which fails when this file no longer matches them. To regenerate it:");
        out.add("`mvn -B -q test -Dtest=DataDictionaryTest -Dpli.write-data-dictionary=true`.");
        out.add("");
        out.add("† = set to null when the row is suppressed (fewer than `min-cell-size` educators); ‡ = set to null"
                + " when student-suppressed (fewer than `min-cell-size` students). See docs/spec.md §5.");
        for (String mart : MARTS) {
            JsonNode s = JSON.readTree(Files.readAllBytes(schemas.resolve(mart + ".json")));
            out.add("");
            out.add("## `" + mart + "` (" + s.path("spec").asText() + ")");
            out.add("");
            List<String> key = new ArrayList<>();
            s.path("key").forEach(k -> key.add(k.asText()));
            String partition = s.path("partitioned_by").asText(null);
            out.add("Key: " + String.join(", ", key) + ". "
                    + (partition == null ? "Not partitioned." : "Hive-partitioned by `" + partition + "`."));
            out.add("");
            out.add("| column | type | meaning |");
            out.add("|---|---|---|");
            if (partition != null) {
                out.add("| `" + partition + "` | string (partition) | School year `YYYY-YY`, from the `" + partition
                        + "=` directory, not stored inside the files. |");
            }
            for (JsonNode c : s.path("columns")) {
                String mark = switch (c.path("suppression").asText("")) {
                    case "educator" -> " †";
                    case "student" -> " ‡";
                    default -> "";
                };
                out.add("| `" + c.path("name").asText() + "`" + mark + " | "
                        + cell(c.path("type").asText()) + " | "
                        + cell(c.path("description").asText()) + " |");
            }
        }
        out.add("");
        out.add("## Example queries");
        out.add("");
        out.add("[`docs/queries/`](queries/) holds DuckDB queries that answer the questions the");
        out.add("marts exist for; `SampleRunTest` runs each of them against the sample run. From");
        out.add("the repository root, after the README's run command:");
        out.add("");
        out.add("```");
        out.add("duckdb -c \".read docs/queries/1_which_models_change_practice.sql\"");
        out.add("```");
        return String.join("\n", out) + "\n";
    }

    /** A table cell: a pipe would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
