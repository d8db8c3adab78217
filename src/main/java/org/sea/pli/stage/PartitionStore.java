package org.sea.pli.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.sea.pli.disclosure.DisclosureCounts;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mart partitions of the last finished nightly run, by school year, with the keys of what
 * they were computed from ({@link PartitionKeys}): {@code state/partitions.json}. Each run writes
 * its own into {@code runs/<run_id>/work/partitions.json}; it replaces the stored one when the run
 * finishes and is published, with the LEA results (docs/spec.md §6.1). Besides each partition's
 * files (path, SHA-256, rows) it keeps what §5.12 withheld in them, which the manifest's totals
 * need and the files do not show. A file of another format or version is ignored.
 */
final class PartitionStore {

    private static final Logger log = LoggerFactory.getLogger(PartitionStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Raised whenever the layout below changes. */
    static final int FORMAT = 1;

    /** One mart's partition of one year: its files and what the disclosure step withheld in them. */
    record Part(List<WrittenFile> files, DisclosureCounts.Mart counts) {}

    /** One school year: the keys its partitions were computed under, and its partitions by mart. */
    record Year(String key, String persistenceKey, Map<String, Part> marts) {}

    /** The partitions of run {@code runId}, by school year. */
    record Stored(String runId, Map<Integer, Year> years) {}

    private PartitionStore() {}

    static Path stored(Warehouse warehouse) {
        return new Path(warehouse.root(), "state/partitions.json");
    }

    static Path ofRun(Warehouse warehouse, String runId) {
        return new Path(LeaResultDir.workDir(warehouse, runId), "partitions.json");
    }

    /** The stored partitions, or empty when there are none usable (a log line says why). */
    static Optional<Stored> read(Warehouse warehouse) {
        Path file = stored(warehouse);
        try {
            if (!warehouse.fs().exists(file)) {
                return Optional.empty();
            }
            JsonNode root;
            try (InputStream in = warehouse.fs().open(file)) {
                root = JSON.readTree(in);
            }
            if (root.path("format").asInt() != FORMAT
                    || !ToolVersion.plImpact().equals(root.path("version").asText())) {
                log.info("{} was written by another pl-impact; every partition is computed", file);
                return Optional.empty();
            }
            Map<Integer, Year> years = new TreeMap<>();
            for (JsonNode y : root.path("years")) {
                Map<String, Part> marts = new LinkedHashMap<>();
                y.path("marts").fields().forEachRemaining(m -> {
                    List<WrittenFile> files = new ArrayList<>();
                    for (JsonNode f : m.getValue().path("files")) {
                        files.add(new WrittenFile(
                                f.path("path").asText(),
                                f.path("sha256").asText(),
                                f.path("rows").asLong()));
                    }
                    JsonNode c = m.getValue();
                    marts.put(
                            m.getKey(),
                            new Part(
                                    files,
                                    new DisclosureCounts.Mart(
                                            c.path("rows").asLong(),
                                            c.path("suppressed_primary").asLong(),
                                            c.path("suppressed_complementary").asLong())));
                });
                years.put(
                        y.path("school_year").asInt(),
                        new Year(
                                y.path("key").asText(),
                                y.path("persistence_key").asText(),
                                marts));
            }
            return Optional.of(new Stored(root.path("run_id").asText(), years));
        } catch (IOException | RuntimeException e) {
            log.warn("{} is unusable ({}); every partition is computed", file, e.getMessage());
            return Optional.empty();
        }
    }

    static void write(Warehouse warehouse, Stored stored) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", ToolVersion.plImpact());
        root.put("run_id", stored.runId());
        ArrayNode years = root.putArray("years");
        stored.years().forEach((year, y) -> {
            ObjectNode node = years.addObject();
            node.put("school_year", year);
            node.put("key", y.key());
            node.put("persistence_key", y.persistenceKey());
            ObjectNode marts = node.putObject("marts");
            y.marts().forEach((mart, part) -> {
                ObjectNode m = marts.putObject(mart);
                m.put("rows", part.counts().rows());
                m.put("suppressed_primary", part.counts().suppressedPrimary());
                m.put("suppressed_complementary", part.counts().suppressedComplementary());
                ArrayNode files = m.putArray("files");
                for (WrittenFile f : part.files()) {
                    files.addObject()
                            .put("path", f.path())
                            .put("sha256", f.sha256())
                            .put("rows", f.rows());
                }
            });
        });
        try (OutputStream out = warehouse.fs().create(ofRun(warehouse, stored.runId()), true)) {
            out.write((root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A finished, published run's partitions become the stored ones. */
    static void keep(Warehouse warehouse, String runId) throws IOException {
        StateFiles.keep(warehouse, ofRun(warehouse, runId), stored(warehouse));
    }
}
