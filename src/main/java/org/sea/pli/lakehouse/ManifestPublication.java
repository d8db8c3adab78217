package org.sea.pli.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;

/**
 * The {@code publication} section of {@code runs/<run_id>/manifest.json}
 * ({@code schemas/manifest.schema.json}): the tables' catalog, the run's tag, whether main moved,
 * and each table's snapshot id. Added after the manifest step, when the tables are committed; like
 * {@code timing}, it may differ between two runs of the same load (snapshot ids are random).
 */
public final class ManifestPublication {

    static final String SECTION = "publication";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestPublication() {}

    /**
     * Sets the section in the run's manifest: written beside it, then renamed over it, so a crash
     * leaves the old manifest or the new one (and a leftover that the next write replaces).
     */
    static void write(Warehouse warehouse, String runId, Publication p) throws IOException {
        FileSystem fs = warehouse.fs();
        Path file = file(warehouse, runId);
        Path next = next(warehouse, runId);
        recover(warehouse, runId);
        ObjectNode root;
        try (InputStream in = fs.open(file)) {
            root = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode section = root.putObject(SECTION);
        section.put("catalog", p.catalog());
        section.put("namespace", p.namespace());
        section.put("tag", p.tag());
        section.put("main", p.main());
        ObjectNode tables = section.putObject("tables");
        p.tables()
                .forEach((mart, s) -> tables.putObject(mart)
                        .put("snapshot_id", s.snapshotId())
                        .put("files", s.files()));
        try (OutputStream out = fs.create(next, true)) {
            out.write((JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!renameOver(fs, next, file)) { // HDFS and S3A do not rename over a file
            fs.delete(file, false);
            if (!fs.rename(next, file)) {
                throw new IOException("cannot rename " + next + " to " + file);
            }
        }
    }

    /** A rename over an existing file: true where the file system does that (POSIX), false or not. */
    private static boolean renameOver(FileSystem fs, Path from, Path to) {
        try {
            return fs.rename(from, to);
        } catch (IOException refused) { // S3A throws where others return false
            return false;
        }
    }

    /** The run's manifest (after completing a write a crash interrupted). */
    static RunManifest manifest(Warehouse warehouse, String runId) throws IOException {
        recover(warehouse, runId);
        try (InputStream in = warehouse.fs().open(file(warehouse, runId))) {
            return RunManifest.parse(in.readAllBytes());
        }
    }

    /** A crash between the delete and the rename of {@link #write} left only the new manifest. */
    private static void recover(Warehouse warehouse, String runId) throws IOException {
        FileSystem fs = warehouse.fs();
        if (!fs.exists(file(warehouse, runId)) && fs.exists(next(warehouse, runId))) {
            fs.rename(next(warehouse, runId), file(warehouse, runId));
        }
    }

    private static Path file(Warehouse warehouse, String runId) {
        return new Path(warehouse.runDir(runId), RunManifest.FILE);
    }

    private static Path next(Warehouse warehouse, String runId) {
        return new Path(warehouse.runDir(runId), RunManifest.FILE + ".publishing");
    }

    /** The section of a manifest, or null when the run was not published to tables. */
    public static Publication read(byte[] manifest) throws IOException {
        JsonNode section = JSON.readTree(manifest).get(SECTION);
        if (section == null || section.isNull()) {
            return null;
        }
        Map<String, Publication.Snapshot> tables = new LinkedHashMap<>();
        section.get("tables")
                .fields()
                .forEachRemaining(e -> tables.put(
                        e.getKey(),
                        new Publication.Snapshot(
                                e.getValue().get("snapshot_id").asLong(),
                                e.getValue().get("files").asInt())));
        return new Publication(
                section.get("catalog").asText(),
                section.get("namespace").asText(),
                section.get("tag").asText(),
                section.get("main").asBoolean(),
                tables);
    }
}
