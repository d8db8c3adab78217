package org.sea.pli.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Prose the schemas do not hold: said after a mart's key line. */
    private static final Map<String, String> AFTER_KEY = Map.of(
            "submission_status",
            "Not suppressed (no person counts).\n"
                    + "Rows: every LEA of `_state/leas.csv` (with or without a folder) × every extract of spec §2 × every school year of the run (each school year with an in-force accepted row anywhere, plus the school year of the as-of date). A file *claims* a school year when it has an accepted row of it, or, rejected, when a well-formed `school_year` of its raw rows is that year (every year when it has no `school_year` column, spec §1.1); ignored files (dated after the as-of date, unknown LEA, …) claim nothing.");

    /** Prose said after a mart's table. */
    private static final Map<String, String> AFTER_TABLE = Map.of(
            "cohort_impact",
            "Reading the evidence columns: a practice change is credible as a gain when its interval\n"
                    + "(`practice_change_ci_low` to `practice_change_ci_high`) lies above zero. Rank or compare cohorts on\n"
                    + "`practice_change_shrunk`, not the raw mean: a small cohort's mean is pulled toward the year's mean in\n"
                    + "proportion to its noise (`shrinkage` near 0 = mostly pulled, near 1 = kept as measured). Quote a\n"
                    + "`student_growth_z_diff` only with its `baseline_equivalence`: `satisfies` — the participants' students\n"
                    + "started at similar levels; `needs_adjustment` — credible only after a statistical adjustment for prior\n"
                    + "scores; `fails` — the groups are not comparable (What Works Clearinghouse, spec §4.7).");

    /** What the partition column means where it is more than the school year of the rows. */
    private static final Map<String, String> PARTITION = Map.of(
            "practice_persistence",
            "School year Y of the PL, `YYYY-YY`, from the `school_year=` directory, not stored inside the files;"
                    + " the change is followed into Y+1.");

    private DataDictionary() {}

    /** One sentence of the mart's §5.12 rule, from its schema's {@code disclosure} object. */
    private static String disclosure(JsonNode rule) {
        StringBuilder b = new StringBuilder("Suppressed (§5.12) when `")
                .append(rule.path("educator_count").asText())
                .append("` is below `min-cell-size`");
        if (rule.has("student_count")) {
            b.append("; student-suppressed when `")
                    .append(rule.path("student_count").asText())
                    .append("` is");
        }
        if (rule.has("complementary_within")) {
            b.append("; within each (")
                    .append(names(rule.path("complementary_within")))
                    .append("), a lone suppressed row takes the smallest other row with it");
        }
        if (rule.has("all_or_nothing_within")) {
            b.append("; all rows of a (")
                    .append(names(rule.path("all_or_nothing_within")))
                    .append(") are suppressed together, also when a `")
                    .append(rule.path("withheld_with").asText())
                    .append("` row of it is suppressed");
        }
        return b.append('.').toString();
    }

    private static String names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.asText()));
        return String.join(", ", names);
    }

    static String render(Path schemas) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# Data dictionary");
        out.add("");
        out.add("Every column of every mart, generated from `schemas/marts/*.json` (the files the writer uses) by");
        out.add("`DataDictionaryTest`, which fails when this file no longer matches them. To regenerate it:");
        out.add("`mvn -B -q test -Dtest=DataDictionaryTest -Dpli.write-data-dictionary=true`.");
        out.add("");
        out.add("† = set to null when the row is suppressed (fewer than `min-cell-size` educators, or withheld so that"
                + " a small row cannot be worked out by subtraction); ‡ = set to null when student-suppressed (fewer"
                + " than `min-cell-size` students, or suppressed). See docs/spec.md §5 and §5.12.");
        for (String mart : MARTS) {
            JsonNode s = JSON.readTree(Files.readAllBytes(schemas.resolve(mart + ".json")));
            out.add("");
            out.add("## `" + mart + "` (" + s.path("spec").asText() + ")");
            out.add("");
            List<String> key = new ArrayList<>();
            s.path("key").forEach(k -> key.add(k.asText()));
            String partition = s.path("partitioned_by").asText(null);
            out.add("Key: " + String.join(", ", key) + ". "
                    + (partition == null ? "Not partitioned." : "Hive-partitioned by `" + partition + "`.")
                    + (AFTER_KEY.containsKey(mart) ? " " + AFTER_KEY.get(mart) : ""));
            JsonNode rule = s.path("disclosure");
            if (!rule.isMissingNode()) {
                out.add("");
                out.add(disclosure(rule));
            }
            out.add("");
            out.add("| column | type | meaning |");
            out.add("|---|---|---|");
            if (partition != null) {
                out.add("| `" + partition + "` | string (partition) | "
                        + PARTITION.getOrDefault(
                                mart,
                                "School year `YYYY-YY`, from the `" + partition
                                        + "=` directory, not stored inside the files.")
                        + " |");
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
            if (AFTER_TABLE.containsKey(mart)) {
                out.add("");
                out.add(AFTER_TABLE.get(mart));
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
