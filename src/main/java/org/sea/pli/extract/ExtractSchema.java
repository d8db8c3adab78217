package org.sea.pli.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract of one extract (docs/spec.md §2), loaded from {@code schemas/extracts/<extract>.json}
 * on the classpath. The JSON files are the single source of truth; nothing here repeats them.
 */
public final class ExtractSchema {

    /** A row-level rule spanning several columns. */
    public record RowRule(String rule, List<String> columns) {}

    /** The extract whose in-force activities every other extract's rows are checked against (§2, §3). */
    public static final String ACTIVITIES = "pl_activities";

    /** Names of the seven extracts in processing order ({@code pl_activities} first). */
    public static final List<String> NAMES = List.of(
            ACTIVITIES,
            "pl_funding",
            "enrollments",
            "attendance",
            "satisfaction",
            "artifact_ratings",
            "student_outcomes");

    private static final Map<String, ExtractSchema> ALL = loadAll();

    private final String name;
    private final int order;
    private final List<ColumnRule> columns;
    private final List<String> key;
    private final boolean activityChecked;
    private final List<RowRule> rowRules;

    private ExtractSchema(
            String name,
            int order,
            List<ColumnRule> columns,
            List<String> key,
            boolean activityChecked,
            List<RowRule> rowRules) {
        this.name = name;
        this.order = order;
        this.columns = List.copyOf(columns);
        this.key = List.copyOf(key);
        this.activityChecked = activityChecked;
        this.rowRules = List.copyOf(rowRules);
    }

    public static ExtractSchema of(String extract) {
        ExtractSchema schema = ALL.get(extract);
        if (schema == null) {
            throw new IllegalArgumentException("unknown extract '" + extract + "'; expected one of " + NAMES);
        }
        return schema;
    }

    public static boolean isExtract(String name) {
        return ALL.containsKey(name);
    }

    public String name() {
        return name;
    }

    public int order() {
        return order;
    }

    public List<ColumnRule> columns() {
        return columns;
    }

    public List<String> key() {
        return key;
    }

    public boolean activityChecked() {
        return activityChecked;
    }

    public List<RowRule> rowRules() {
        return rowRules;
    }

    /** Position of a column in {@link #columns()}; fails loudly on a name the schema lacks. */
    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column '" + column + "'");
    }

    /** The allowed values of an enum column in the schema's order (spec §2), the order reports list them in. */
    public List<String> values(String column) {
        ColumnRule rule = columns.get(index(column));
        if (rule.values().isEmpty()) {
            throw new IllegalArgumentException(name + "." + column + " is not an enum column");
        }
        return List.copyOf(rule.values());
    }

    private static Map<String, ExtractSchema> loadAll() {
        Map<String, ExtractSchema> all = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String extract : NAMES) {
            String resource = "/schemas/extracts/" + extract + ".json";
            try (InputStream in = ExtractSchema.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema resource " + resource + " is missing from the build");
                }
                all.put(extract, parse(json.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return Collections.unmodifiableMap(all);
    }

    private static ExtractSchema parse(JsonNode doc) {
        List<ColumnRule> columns = new ArrayList<>();
        for (JsonNode c : doc.get("columns")) {
            LinkedHashSet<String> values = new LinkedHashSet<>();
            if (c.has("values")) {
                c.get("values").forEach(v -> values.add(v.asText()));
            }
            columns.add(new ColumnRule(
                    c.get("name").asText(),
                    ColumnType.of(c.get("type").asText()),
                    c.path("optional").asBoolean(false),
                    Collections.unmodifiableSet(values),
                    c.has("min") ? new BigDecimal(c.get("min").asText()) : null,
                    c.path("min_exclusive").asBoolean(false),
                    c.has("max") ? new BigDecimal(c.get("max").asText()) : null,
                    c.path("max_scale").asInt(-1),
                    c.path("finite").asBoolean(false),
                    c.path("in_rubric").asBoolean(false)));
        }
        List<String> key = new ArrayList<>();
        doc.get("key").forEach(k -> key.add(k.asText()));
        List<RowRule> rules = new ArrayList<>();
        for (JsonNode r : doc.path("row_rules")) {
            List<String> cols = new ArrayList<>();
            r.get("columns").forEach(x -> cols.add(x.asText()));
            rules.add(new RowRule(r.get("rule").asText(), cols));
        }
        return new ExtractSchema(
                doc.get("extract").asText(),
                doc.get("order").asInt(),
                columns,
                key,
                doc.path("activity_checked").asBoolean(false),
                rules);
    }
}
