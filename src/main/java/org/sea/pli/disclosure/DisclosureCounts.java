package org.sea.pli.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the disclosure step withheld, per public mart (docs/spec.md §5.12 step 5): the manifest's
 * {@code disclosure} object. Only the manifest tells primary from complementary suppression; the
 * marts, the report and the logs never do.
 *
 * @param marts every public mart in catalog order
 */
public record DisclosureCounts(int minCellSize, Map<String, Mart> marts) {

    /** One mart's rows and how many were suppressed on their own count or to protect another. */
    public record Mart(long rows, long suppressedPrimary, long suppressedComplementary) {

        Mart plus(Mart other) {
            return new Mart(
                    rows + other.rows,
                    suppressedPrimary + other.suppressedPrimary,
                    suppressedComplementary + other.suppressedComplementary);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public DisclosureCounts {
        marts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(marts));
    }

    /** Rows withheld over every public mart, for whatever reason: the one figure the report shows. */
    public long withheld() {
        return marts.values().stream()
                .mapToLong(m -> m.suppressedPrimary() + m.suppressedComplementary())
                .sum();
    }

    /** The manifest's {@code disclosure} object. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("min_cell_size", minCellSize);
        ObjectNode byMart = root.putObject("marts");
        marts.forEach((name, m) -> byMart.putObject(name)
                .put("rows", m.rows())
                .put("suppressed_primary", m.suppressedPrimary())
                .put("suppressed_complementary", m.suppressedComplementary()));
        return root;
    }

    public byte[] toBytes() {
        return (toJson().toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@link #toJson()}'s form; {@link IllegalArgumentException} naming what is missing. */
    public static DisclosureCounts fromJson(JsonNode root) {
        if (root == null
                || !root.isObject()
                || !root.path("min_cell_size").isInt()
                || !root.path("marts").isObject()) {
            throw new IllegalArgumentException("disclosure: needs min_cell_size and marts");
        }
        Map<String, Mart> marts = new LinkedHashMap<>();
        root.get("marts")
                .fields()
                .forEachRemaining(e -> marts.put(
                        e.getKey(),
                        new Mart(
                                e.getValue().path("rows").asLong(),
                                e.getValue().path("suppressed_primary").asLong(),
                                e.getValue().path("suppressed_complementary").asLong())));
        return new DisclosureCounts(root.get("min_cell_size").asInt(), marts);
    }

    public static DisclosureCounts fromBytes(byte[] json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("disclosure counts are not JSON", e);
        }
    }
}
