package org.sea.pli.run;

import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.ExtractFileReader;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.LeaLoader;
import org.sea.pli.model.LeaModels;
import org.sea.pli.ops.OpsSettings;
import org.sea.pli.ops.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step {@code loadInbox} (SPEC.md §1–§3): discovers the inbox, reads every file once, quarantines
 * rejected rows and decides which files are in force. LEAs are independent until the marts, so
 * they load in parallel; results are gathered in LEA order, so the thread count never shows.
 */
final class LoadInboxTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadInboxTasklet.class);

    private final RunWorkspace workspace;

    private final OpsSettings ops;

    LoadInboxTasklet(RunWorkspace workspace, OpsSettings ops) {
        this.workspace = workspace;
        this.ops = ops;
    }

    /**
     * §1: a file whose bytes differ from what an earlier run recorded for its path, or a recorded
     * path that is gone or no longer a regular file, fails the run unless allowed; then the load
     * report names it ({@code file_changed}, or {@code ignored}/{@code file_missing} with the
     * recorded sha256), so accepted data never disappears without a word.
     */
    private static List<FileOutcome> checkUnchanged(RunWorkspace workspace, List<FileOutcome> outcomes,
                                                    boolean allowed) throws IOException {
        RecordedInputs recorded = RecordedInputs.of(workspace.warehouse(), workspace.runId());
        List<String> changed = new ArrayList<>();
        Map<String, FileOutcome> checked = new TreeMap<>();
        java.util.Set<String> regularFiles = new java.util.HashSet<>();
        for (FileOutcome o : outcomes) {
            if (o.reason() != FileReason.NOT_A_FILE) {
                regularFiles.add(o.file().relativePath());
            }
            RecordedInputs.Recorded before = recorded.changed(o.file().relativePath(), o.sha256());
            if (before != null) {
                changed.add(o.file().relativePath() + " (recorded by run " + before.runId() + ")");
                o = o.reason() != null ? o : new FileOutcome(o.file(), o.sha256(), o.bytes(), o.result(),
                        o.status(), FileReason.FILE_CHANGED);
            }
            checked.put(o.file().relativePath(), o);
        }
        List<String> missing = new ArrayList<>();
        recorded.missing(regularFiles).forEach((path, before) -> {
            missing.add(path + " (recorded by run " + before.runId() + ")");
            InboxFile gone = Inbox.missingFile(path);
            checked.put(path, new FileOutcome(gone, before.sha256(), before.bytes(), null,
                    FileReason.FILE_MISSING.status(), FileReason.FILE_MISSING));
        });
        List<String> problems = new ArrayList<>();
        if (!changed.isEmpty()) {
            problems.add("file_changed: " + changed.size() + " inbox file(s) differ from what an earlier run"
                    + " recorded: " + String.join(", ", changed));
        }
        if (!missing.isEmpty()) {
            problems.add("file_missing: " + missing.size() + " inbox file(s) an earlier run recorded are gone or"
                    + " no longer regular files: " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            if (!allowed) {
                throw new RunFailure(String.join("; ", problems)
                        + "; the inbox is the archive — pass --allow-changed-files to accept them");
            }
            log.warn("run {}: accepted (--allow-changed-files): {}", workspace.runId(), String.join("; ", problems));
        }
        List<FileOutcome> result = new ArrayList<>(checked.values());
        result.sort(java.util.Comparator.comparing((FileOutcome o) -> o.file().leaId())
                .thenComparing(o -> o.file().fileName()));
        return result;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long[] counts = load(workspace, ops);
        contribution.getStepExecution().setReadCount(counts[0]);
        contribution.incrementWriteCount(counts[1]);
        contribution.incrementFilterCount(counts[2]);
        return RepeatStatus.FINISHED;
    }

    /**
     * For the steps after this one: when a restart skips the finished load (a new JVM), its
     * results come back from the checkpoints without reading the inbox again.
     */
    static void ensureLoaded(RunWorkspace workspace, OpsSettings ops) throws Exception {
        if (workspace.inbox() == null) {
            load(workspace, ops);
        }
    }

    /** Loads every LEA, or restores it from its checkpoint; returns rows read, accepted, rejected. */
    private static long[] load(RunWorkspace workspace, OpsSettings ops) throws Exception {
        RunRequest request = workspace.request();
        long started = System.nanoTime();
        Inbox inbox = request.inputs() == null ? Inbox.scan(request.inbox(), request.asOf())
                : Inbox.scan(request.inbox(), request.asOf(), request.inputs()::contains);
        FileSystem fs = workspace.warehouse().fs();
        Path quarantineDir = new Path(workspace.warehouse().runDir(workspace.runId()), "quarantine");
        Progress progress = Progress.start(log, "run " + workspace.runId() + ": loadInbox", inbox.files().size(),
                ops.progressInterval());
        ExtractFileReader reader = new ExtractFileReader(inbox.state().dimensions(), workspace.settings().maxRejectRate(),
                new WarehouseQuarantine(fs, quarantineDir), progress);
        LeaModels models = workspace.startModels();
        LeaLoader loader = new LeaLoader(reader, models);
        LeaCheckpoints checkpoints = new LeaCheckpoints(workspace.warehouse(), workspace.runId(),
                fingerprint(request, workspace.settings()));

        Map<String, List<InboxFile>> byLea = new TreeMap<>();
        inbox.files().forEach(f -> byLea.computeIfAbsent(f.leaId(), k -> new ArrayList<>()).add(f));
        log.info("run {}: {} files from {} LEA folders in {}", workspace.runId(), inbox.files().size(),
                byLea.size(), request.inbox());
        List<FileOutcome> outcomes = new ArrayList<>();
        AtomicInteger resumed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workspace.settings().threads());
        try {
            List<Future<List<FileOutcome>>> futures = new ArrayList<>();
            byLea.forEach((lea, files) -> futures.add(pool.submit(() -> {
                Optional<LeaCheckpoints.Restored> saved = checkpoints.read(lea, files);
                if (saved.isPresent()) {
                    if (saved.get().model() != null) {
                        models.restore(saved.get().model());
                    }
                    resumed.incrementAndGet();
                    return saved.get().outcomes();
                }
                if (files.stream().anyMatch(f -> f.ignored() == null)) { // only read files quarantine rows
                    fs.delete(Warehouse.child(quarantineDir, lea), true); // an earlier attempt's, rewritten identically
                }
                List<FileOutcome> loaded = loader.load(lea, files);
                checkpoints.write(lea, files, loaded, models.existing(lea));
                return loaded;
            })));
            for (Future<List<FileOutcome>> f : futures) {
                outcomes.addAll(f.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        if (resumed.get() > 0) {
            log.info("run {}: {} of {} LEAs restored from the checkpoints of an earlier attempt", workspace.runId(),
                    resumed.get(), byLea.size());
        }
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (FileOutcome o : outcomes) {
            if (o.result() != null) {
                read += o.result().rowsRead();
                accepted += o.result().rowsAccepted();
                rejected += o.result().rowsRejected();
            }
        }
        if (!request.reproduction()) {
            outcomes = checkUnchanged(workspace, outcomes, request.allowChangedFiles());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("run {}: read {} rows ({} accepted, {} rejected) in {} s, {} rows/s", workspace.runId(), read,
                accepted, rejected, String.format("%.1f", seconds), Math.round(read / Math.max(seconds, 1e-9)));
        workspace.loaded(inbox, outcomes);
        return new long[] {read, accepted, rejected};
    }

    /**
     * What a load depends on besides the LEA's own files (tool version, as-of, max reject rate,
     * the _state files): a checkpoint made under another is not used.
     */
    private static String fingerprint(RunRequest request, RunSettings settings) throws IOException {
        StringBuilder f = new StringBuilder(ToolVersion.plImpact()).append('|').append(request.asOf())
                .append('|').append(settings.maxRejectRate());
        for (String state : List.of("_state/leas.csv", "_state/rubric.csv")) {
            f.append('|').append(Sha256.of(
                    java.nio.file.Files.newInputStream(request.inbox().resolve(state))));
        }
        return f.toString();
    }
}
