package org.sea.pli.run;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.FileReason;
import org.sea.pli.storage.Warehouse;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.mart.EducatorPseudonym;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Sha256;
import org.sea.pli.ops.OpsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step {@code writeManifest} (SPEC.md §6): records every input considered and every output file
 * of the run, hashed as they lie on disk, before anything is published.
 */
final class WriteManifestTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteManifestTasklet.class);

    /** Files in the run directory that are bookkeeping, not outputs. */
    static final List<String> NOT_OUTPUTS = List.of(RunManifest.FILE, RunIds.FINISHED_MARKER);

    private final RunWorkspace workspace;
    private final OpsSettings ops;

    WriteManifestTasklet(RunWorkspace workspace, OpsSettings ops) {
        this.workspace = workspace;
        this.ops = ops;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LoadInboxTasklet.ensureLoaded(workspace, ops);
        RunManifest manifest = build(Instant.now());
        FileSystem fs = workspace.warehouse().fs();
        Path file = new Path(workspace.warehouse().runDir(workspace.runId()), RunManifest.FILE);
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(manifest.toJson());
        }
        log.info("run {}: manifest lists {} inputs and {} outputs", workspace.runId(), manifest.inputs().size(),
                manifest.outputs().size());
        return RepeatStatus.FINISHED;
    }

    RunManifest build(Instant finished) throws IOException {
        List<RunManifest.Input> inputs = new ArrayList<>();
        java.nio.file.Path inbox = workspace.request().inbox();
        for (String state : List.of("_state/leas.csv", "_state/rubric.csv")) {
            java.nio.file.Path p = inbox.resolve(state);
            inputs.add(new RunManifest.Input(state, Sha256.of(Files.newInputStream(p)), Files.size(p), "state"));
        }
        Map<String, Long> quarantineRows = new HashMap<>();
        for (FileOutcome o : workspace.outcomes()) {
            // a file_missing path is recorded as not there (sha256 null), so the next run does not report it again
            boolean gone = o.reason() == FileReason.FILE_MISSING;
            inputs.add(new RunManifest.Input(o.file().relativePath(), gone ? null : o.sha256(), gone ? 0 : o.bytes(),
                    o.status().code()));
            if (o.result() != null && o.result().rowsRejected() > 0) {
                quarantineRows.put("quarantine/" + o.file().leaId() + "/" + o.file().quarantineName(),
                        o.result().rowsRejected());
            }
        }
        inputs.sort(Comparator.comparing(RunManifest.Input::path));

        Map<String, Long> martRows = new HashMap<>();
        for (WrittenFile w : workspace.outputs()) {
            martRows.put("marts/" + w.path(), w.rows());
        }
        FileSystem fs = workspace.warehouse().fs();
        Path runDir = workspace.warehouse().runDir(workspace.runId());
        List<RunManifest.Output> outputs = new ArrayList<>();
        for (String relative : workspace.warehouse().filesBelow(runDir)) {
            if (NOT_OUTPUTS.contains(relative) || relative.startsWith("work/")) {
                continue;
            }
            Long rows = martRows.containsKey(relative) ? martRows.get(relative)
                    : relative.startsWith("marts/") ? parquetRows(fs, Warehouse.child(runDir, relative))
                    : quarantineRows.get(relative);
            outputs.add(new RunManifest.Output(relative, Sha256.of(fs.open(Warehouse.child(runDir, relative))), rows));
        }
        outputs.sort(Comparator.comparing(RunManifest.Output::path));

        EducatorPseudonym key = new EducatorPseudonym(workspace.request().pseudonymKey());
        return new RunManifest(workspace.runId(), workspace.request().asOf().toString(), ToolVersion.plImpact(),
                ToolVersion.parquetJava(),
                new RunManifest.Configuration(workspace.settings().minCellSize(), workspace.settings().improvedThreshold(),
                        workspace.settings().maxRejectRate(), workspace.settings().brightSpots(), key.fingerprint()),
                inputs, outputs, new RunManifest.Timing(workspace.started(), finished));
    }

    /** Rows of a mart file from its footer (a restart may not have written it in this JVM). */
    private static Long parquetRows(FileSystem fs, Path file) throws IOException {
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromStatus(fs.getFileStatus(file), fs.getConf()))) {
            return reader.getRecordCount();
        }
    }

}
