package org.sea.pli.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sea.pli.parquet.MartSchema;

/**
 * How one public mart is suppressed (docs/spec.md §5, §5.12), as its schema file declares it in
 * {@code "disclosure"}: the educator count a row is suppressed on, the student count (‡ columns),
 * the group within which complementary suppression keeps a lone small row from being worked out
 * by subtraction, and for {@code funding_efficiency} the all-or-nothing group and the mart whose
 * suppressed rows withhold it too.
 *
 * @param educatorCount        column whose value below min-cell-size suppresses the row (†)
 * @param studentCount         column whose value below min-cell-size student-suppresses it (‡), or null
 * @param complementaryWithin  §5.12 step 1 group columns (school_year first), empty for none
 * @param allOrNothingWithin   §5.12 step 2 group columns, empty for none
 * @param withheldWith         a mart whose suppressed rows of the same all-or-nothing group withhold it, or null
 */
public record DisclosureRule(
        MartSchema schema,
        String educatorCount,
        String studentCount,
        List<String> complementaryWithin,
        List<String> allOrNothingWithin,
        String withheldWith) {

    public DisclosureRule {
        complementaryWithin = List.copyOf(complementaryWithin);
        allOrNothingWithin = List.copyOf(allOrNothingWithin);
        List<String> named = new ArrayList<>(complementaryWithin);
        named.addAll(allOrNothingWithin);
        named.add(educatorCount);
        if (studentCount != null) {
            named.add(studentCount);
            schema.index("student_suppressed");
        }
        for (String column : named) {
            if (!column.equals(schema.partitionedBy())) {
                schema.index(column); // fails naming the mart and column when the schema has no such column
            }
        }
        schema.index("suppressed");
    }

    /** The rule of {@code mart}, or empty when its schema declares none (nothing to suppress). */
    public static Optional<DisclosureRule> of(String mart) {
        JsonNode rule = MartSchema.json(mart).get("disclosure");
        if (rule == null || rule.isNull()) {
            return Optional.empty();
        }
        MartSchema schema = MartSchema.load(mart);
        String source = "schemas/marts/" + mart + ".json: disclosure";
        JsonNode count = rule.get("educator_count");
        if (count == null || !count.isTextual()) {
            throw new IllegalArgumentException(source + " needs \"educator_count\"");
        }
        return Optional.of(new DisclosureRule(
                schema,
                count.asText(),
                text(rule, "student_count"),
                list(rule, "complementary_within"),
                list(rule, "all_or_nothing_within"),
                text(rule, "withheld_with")));
    }

    private static String text(JsonNode rule, String field) {
        JsonNode v = rule.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode rule, String field) {
        List<String> columns = new ArrayList<>();
        JsonNode v = rule.get(field);
        if (v != null) {
            v.forEach(c -> columns.add(c.asText()));
        }
        return columns;
    }
}
