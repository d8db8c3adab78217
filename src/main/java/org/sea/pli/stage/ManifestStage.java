package org.sea.pli.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.disclosure.DisclosureCounts;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.StateRegistry;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.RunIds;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manifest stage (spec §6): records every input considered and every output file of the run,
 * hashed as they lie on disk, before anything is published.
 */
public final class ManifestStage {

    private static final Logger log = LoggerFactory.getLogger(ManifestStage.class);

    /**
     * Files in the run directory that are bookkeeping, not outputs: the manifest, the finished marker,
     * and the lineage events (they carry timestamps and event ids, like the manifest's timing).
     */
    public static final List<String> NOT_OUTPUTS = List.of(RunManifest.FILE, RunIds.FINISHED_MARKER, "lineage.jsonl");

    private final Warehouse warehouse;
    private final String runId;
    private final java.nio.file.Path inbox;
    private final String asOf;
    private final RunManifest.Configuration configuration;
    private final Instant started;

    /**
     * @param configuration the run's effective configuration, the key only as its fingerprint
     * @param started       when this attempt started (manifest timing, §6: the only part allowed to differ)
     */
    public ManifestStage(
            Warehouse warehouse,
            String runId,
            java.nio.file.Path inbox,
            String asOf,
            RunManifest.Configuration configuration,
            Instant started) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.inbox = inbox;
        this.asOf = asOf;
        this.configuration = configuration;
        this.started = started;
    }

    /**
     * Writes {@code runs/<run_id>/manifest.json}.
     *
     * @param marts the mart files this JVM wrote with their row counts; empty after a restart that
     *              skipped the marts step, when the rows come from each file's footer instead
     */
    public Timed<RunManifest> write(LoadResult load, List<WrittenFile> marts) throws IOException {
        long started = System.nanoTime();
        RunManifest manifest = build(load, marts, Instant.now());
        FileSystem fs = warehouse.fs();
        Path file = new Path(warehouse.runDir(runId), RunManifest.FILE);
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(manifest.toJson());
        }
        log.info(
                "run {}: manifest lists {} inputs and {} outputs",
                runId,
                manifest.inputs().size(),
                manifest.outputs().size());
        return Timed.since(started, manifest);
    }

    RunManifest build(LoadResult load, List<WrittenFile> marts, Instant finished) throws IOException {
        List<RunManifest.Input> inputs = inputs(inbox, load);
        Map<String, Long> quarantineRows = new HashMap<>();
        for (FileOutcome o : load.outcomes()) {
            if (o.result() != null && o.result().rowsRejected() > 0) {
                quarantineRows.put(
                        "quarantine/" + o.file().leaId() + "/" + o.file().quarantineName(),
                        o.result().rowsRejected());
            }
        }

        Map<String, Long> martRows = new HashMap<>();
        for (WrittenFile w : marts) {
            martRows.put("marts/" + w.path(), w.rows());
        }
        FileSystem fs = warehouse.fs();
        Path runDir = warehouse.runDir(runId);
        List<RunManifest.Output> outputs = new ArrayList<>();
        for (String relative : warehouse.filesBelow(runDir)) {
            if (NOT_OUTPUTS.contains(relative) || relative.startsWith("work/")) {
                continue;
            }
            Long rows = martRows.containsKey(relative)
                    ? martRows.get(relative)
                    : relative.startsWith("marts/")
                            ? parquetRows(fs, Warehouse.child(runDir, relative))
                            : quarantineRows.get(relative);
            outputs.add(new RunManifest.Output(relative, Sha256.of(fs.open(Warehouse.child(runDir, relative))), rows));
        }
        outputs.sort(Comparator.comparing(RunManifest.Output::path));

        return new RunManifest(
                runId,
                asOf,
                ToolVersion.plImpact(),
                ToolVersion.parquetJava(),
                configuration,
                inputs,
                outputs,
                disclosure(),
                new RunManifest.Timing(started, finished));
    }

    /** §5.12 step 5: what the marts stage withheld, from the counts it left beside the marts. */
    private DisclosureCounts disclosure() throws IOException {
        return MartsStage.counts(warehouse, runId)
                .orElseThrow(() -> new StageFailure("run " + runId
                        + ": the marts stage left no disclosure counts; the marts must be written again"));
    }

    /** The inputs a manifest records for a load (spec §6): the state files, then every file considered, by path. */
    public static List<RunManifest.Input> inputs(java.nio.file.Path inbox, LoadResult load) throws IOException {
        List<RunManifest.Input> inputs = new ArrayList<>();
        for (String state : StateRegistry.FILES) {
            java.nio.file.Path p = inbox.resolve(state);
            inputs.add(new RunManifest.Input(
                    state, Sha256.of(Files.newInputStream(p)), Files.size(p), RunManifest.Input.STATE));
        }
        for (FileOutcome o : load.outcomes()) {
            // a file_missing path is recorded as not there (sha256 null), so the next run does not report it again
            boolean gone = o.reason() == FileReason.FILE_MISSING;
            inputs.add(new RunManifest.Input(
                    o.file().relativePath(),
                    gone ? null : o.sha256(),
                    gone ? 0 : o.bytes(),
                    o.status().code()));
        }
        inputs.sort(Comparator.comparing(RunManifest.Input::path));
        return inputs;
    }

    /** Rows of a mart file from its footer (a restart may not have written it in this JVM). */
    private static Long parquetRows(FileSystem fs, Path file) throws IOException {
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromStatus(fs.getFileStatus(file), fs.getConf()))) {
            return reader.getRecordCount();
        }
    }
}
