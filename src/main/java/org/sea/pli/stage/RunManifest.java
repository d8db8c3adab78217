package org.sea.pli.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sea.pli.disclosure.DisclosureCounts;

/**
 * {@code runs/<run_id>/manifest.json} (docs/spec.md §6): exactly what went in and came out of a run.
 * Documented in {@code schemas/manifest.schema.json}. Everything but {@code timing} is a function
 * of the inputs, the configuration and the key, so two runs of the same load differ only there.
 *
 * @param inputs  every input file considered, path relative to the inbox, sorted by path
 * @param outputs every output file, path relative to the run directory, sorted by path
 * @param disclosure what §5.12 withheld per public mart; null in a manifest written before it existed
 */
public record RunManifest(
        String runId,
        String asOf,
        String toolVersion,
        String parquetJavaVersion,
        Configuration configuration,
        List<Input> inputs,
        List<Output> outputs,
        DisclosureCounts disclosure,
        Timing timing) {

    public static final String FILE = "manifest.json";
    public static final int FORMAT = 1;

    /** The effective configuration; the pseudonym key only as its SHA-256 fingerprint. */
    public record Configuration(
            int minCellSize,
            double improvedThreshold,
            double maxRejectRate,
            int brightSpots,
            String pseudonymKeySha256) {}

    /** @param status a load-report status (§1.1), or {@link #STATE} for the {@code _state} files */
    public record Input(String path, String sha256, long bytes, String status) {

        /** The status of the {@code _state} files, which have no load-report row. */
        public static final String STATE = "state";

        public boolean stateFile() {
            return STATE.equals(status);
        }
    }

    /** @param rows rows of a Parquet file; null for other files */
    public record Output(String path, String sha256, Long rows) {}

    public record Timing(Instant started, Instant finished) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("run_id", runId);
        root.put("as_of", asOf);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "pl-impact");
        tool.put("version", toolVersion);
        tool.put("parquet_java", parquetJavaVersion);
        ObjectNode config = root.putObject("configuration");
        config.put("min_cell_size", configuration.minCellSize());
        config.put("improved_threshold", BigDecimal.valueOf(configuration.improvedThreshold()));
        config.put("max_reject_rate", BigDecimal.valueOf(configuration.maxRejectRate()));
        config.put("bright_spots", configuration.brightSpots());
        config.put("pseudonym_key_sha256", configuration.pseudonymKeySha256());
        ArrayNode in = root.putArray("inputs");
        for (Input i : inputs) {
            in.addObject()
                    .put("path", i.path())
                    .put("sha256", i.sha256())
                    .put("bytes", i.bytes())
                    .put("status", i.status());
        }
        ArrayNode out = root.putArray("outputs");
        for (Output o : outputs) {
            ObjectNode n = out.addObject().put("path", o.path()).put("sha256", o.sha256());
            if (o.rows() != null) {
                n.put("rows", o.rows());
            } else {
                n.putNull("rows");
            }
        }
        if (disclosure != null) {
            root.set("disclosure", disclosure.toJson());
        }
        ObjectNode t = root.putObject("timing");
        t.put("started", timing.started().toString());
        t.put("finished", timing.finished().toString());
        t.put(
                "seconds",
                BigDecimal.valueOf(
                        timing.finished().toEpochMilli() - timing.started().toEpochMilli(), 3));
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a manifest; {@link IllegalArgumentException} with a plain message when it is not one. */
    public static RunManifest parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            JsonNode c = required(root, "configuration");
            List<Input> inputs = new ArrayList<>();
            for (JsonNode i : required(root, "inputs")) {
                JsonNode sha = i.get("sha256"); // null for an entry that was not a regular file (§5.7)
                inputs.add(new Input(
                        text(i, "path"),
                        sha == null || sha.isNull() ? null : sha.asText(),
                        required(i, "bytes").asLong(),
                        text(i, "status")));
            }
            List<Output> outputs = new ArrayList<>();
            for (JsonNode o : required(root, "outputs")) {
                JsonNode rows = o.get("rows");
                outputs.add(new Output(
                        text(o, "path"), text(o, "sha256"), rows == null || rows.isNull() ? null : rows.asLong()));
            }
            JsonNode tool = required(root, "tool");
            JsonNode timing = required(root, "timing");
            return new RunManifest(
                    text(root, "run_id"),
                    text(root, "as_of"),
                    text(tool, "version"),
                    text(tool, "parquet_java"),
                    new Configuration(
                            required(c, "min_cell_size").asInt(),
                            required(c, "improved_threshold").asDouble(),
                            required(c, "max_reject_rate").asDouble(),
                            required(c, "bright_spots").asInt(),
                            text(c, "pseudonym_key_sha256")),
                    inputs,
                    outputs,
                    root.hasNonNull("disclosure") ? DisclosureCounts.fromJson(root.get("disclosure")) : null,
                    new Timing(Instant.parse(text(timing, "started")), Instant.parse(text(timing, "finished"))));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
