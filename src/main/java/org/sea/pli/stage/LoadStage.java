package org.sea.pli.stage;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.ExtractFileReader;
import org.sea.pli.extract.ExtractFold;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.LeaLoader;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.extract.StateRegistry;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaModels;
import org.sea.pli.ops.Progress;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * The load stage (SPEC §1–§3): discovers the inbox, reads every file once, quarantines rejected
 * rows and decides which files are in force. LEAs are independent until the marts, so they load in
 * parallel; results are gathered in LEA order, so the thread count never shows.
 *
 * <p>In a nightly run each LEA's result is saved as a checkpoint ({@link LeaCheckpoints}) as soon as
 * it is loaded. Loading again under the same run id restores every LEA whose checkpoint still
 * matches and reads only the others: that is how a restarted run resumes a killed load, and how a
 * later step running in a new JVM gets the result of a load that finished in an earlier one.
 */
public final class LoadStage {

    private static final Logger RUN_LOG = LoggerFactory.getLogger(LoadStage.class);

    /**
     * What a load is asked to do.
     *
     * @param inputs            the only inbox paths to consider (a rerun: its manifest's), or null for all
     * @param checkRecorded     whether files must match what earlier runs recorded (§1; a rerun does not)
     * @param allowChangedFiles accept changed files, naming them {@code file_changed}, instead of failing
     * @param threads           LEAs loaded in parallel
     */
    public record Request(
            java.nio.file.Path inbox,
            LocalDate asOf,
            Set<String> inputs,
            double maxRejectRate,
            int threads,
            boolean checkRecorded,
            boolean allowChangedFiles) {}

    /**
     * LEAs loaded in parallel: {@code configured} when set (above 0); otherwise every core for a
     * {@linkplain Inbox#isSmall small} inbox, whose memory never matters, and half the cores for
     * a larger one, the other half going to the garbage collector and ZSTD: measured at state scale
     * on 2 cores, one loader thread was as fast as two and kept peak RSS under 2 GiB, two peaked at
     * 3.2 GiB. On the sample inbox two threads took the load from 0.8 s to 0.5 s. Never changes a
     * byte of output (§6).
     */
    public static int loaderThreads(int configured, boolean smallInbox, int cores) {
        if (configured > 0) {
            return configured;
        }
        return smallInbox ? Math.max(1, cores) : Math.max(1, cores / 2);
    }

    private final Request request;
    private final Warehouse warehouse;
    private final String runId;
    private final Duration progressInterval;
    /** The run's log; {@code validate} prints its own report (SPEC §7), so its load logs nothing. */
    private final Logger log;

    /** The nightly run's load: quarantine and checkpoints under {@code runs/<run_id>/} of the warehouse. */
    public LoadStage(Request request, Warehouse warehouse, String runId, Duration progressInterval) {
        this(request, warehouse, runId, progressInterval, RUN_LOG);
    }

    private LoadStage(Request request, Warehouse warehouse, String runId, Duration progressInterval, Logger log) {
        this.log = log;
        this.request = request;
        this.warehouse = warehouse;
        this.runId = runId;
        this.progressInterval = progressInterval;
    }

    /**
     * A load with no warehouse, on one thread: rejected rows go to {@code quarantine}, nothing is
     * checkpointed and no earlier run is consulted (tests and tools that need only the models).
     */
    public static LoadResult inMemory(
            java.nio.file.Path inbox, LocalDate asOf, double maxRejectRate, QuarantineStore quarantine)
            throws Exception {
        Request request = new Request(inbox, asOf, null, maxRejectRate, 1, false, false);
        return new LoadStage(request, null, "in-memory", Duration.ofDays(1)).load(quarantine);
    }

    /**
     * {@code validate}'s scan (SPEC §7): the {@code _state} files and one LEA's folder only, scanned
     * as a run's load scans the whole inbox.
     *
     * @throws org.sea.pli.extract.InboxException when a {@code _state} file is missing or unreadable (§1)
     */
    public static Inbox scanLea(java.nio.file.Path inbox, LocalDate asOf, String leaId) {
        String folder = leaId + "/";
        return Inbox.scan(inbox, asOf, relative -> relative.startsWith(folder));
    }

    /**
     * {@code validate}'s load (SPEC §7): the files of an inbox {@link #scanLea scanned} for one LEA,
     * read by this stage's own loop exactly as a run reads them, on one thread and with no
     * warehouse; nothing is folded (no model is built). Rejected rows go to {@code quarantine}.
     */
    public static LoadResult validate(Inbox scanned, LocalDate asOf, double maxRejectRate, QuarantineStore quarantine)
            throws Exception {
        Request request = new Request(scanned.root(), asOf, null, maxRejectRate, 1, false, false);
        return new LoadStage(request, null, "validate", Duration.ofDays(1), NOPLogger.NOP_LOGGER)
                .load(scanned, quarantine, false, System.nanoTime());
    }

    /**
     * §1: a file whose bytes differ from what an earlier run recorded for its path fails the run,
     * unless allowed; then the load report names it ({@code reason = file_changed}).
     */
    private List<FileOutcome> checkUnchanged(List<FileOutcome> outcomes, boolean allowed) throws IOException {
        RecordedInputs recorded = RecordedInputs.of(warehouse, runId);
        List<String> changed = new ArrayList<>();
        Map<String, FileOutcome> checked = new TreeMap<>();
        Set<String> regularFiles = new HashSet<>();
        for (FileOutcome o : outcomes) {
            if (o.reason() != FileReason.NOT_A_FILE) {
                regularFiles.add(o.file().relativePath());
            }
            RecordedInputs.Recorded before = recorded.changed(o.file().relativePath(), o.sha256());
            if (before != null) {
                changed.add(o.file().relativePath() + " (recorded by run " + before.runId() + ")");
                o = o.reason() != null
                        ? o
                        : new FileOutcome(
                                o.file(), o.sha256(), o.bytes(), o.result(), o.status(), FileReason.FILE_CHANGED);
            }
            checked.put(o.file().relativePath(), o);
        }
        List<String> missing = new ArrayList<>();
        recorded.missing(regularFiles).forEach((path, before) -> {
            missing.add(path + " (recorded by run " + before.runId() + ")");
            InboxFile gone = Inbox.missingFile(path);
            checked.put(
                    path,
                    new FileOutcome(
                            gone,
                            before.sha256(),
                            before.bytes(),
                            null,
                            FileReason.FILE_MISSING.status(),
                            FileReason.FILE_MISSING));
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
                throw new StageFailure(String.join("; ", problems)
                        + "; the inbox is the archive — pass --allow-changed-files to accept them");
            }
            log.warn("run {}: accepted (--allow-changed-files): {}", runId, String.join("; ", problems));
        }
        List<FileOutcome> result = new ArrayList<>(checked.values());
        result.sort(Comparator.comparing((FileOutcome o) -> o.file().leaId())
                .thenComparing(o -> o.file().fileName()));
        return result;
    }

    /** Loads every LEA, or restores it from its checkpoint. */
    public LoadResult load() throws Exception {
        FileSystem fs = warehouse.fs();
        Path quarantineDir = new Path(warehouse.runDir(runId), "quarantine");
        return load(new WarehouseQuarantine(fs, quarantineDir));
    }

    private LoadResult load(QuarantineStore quarantine) throws Exception {
        long started = System.nanoTime();
        Inbox inbox = request.inputs() == null
                ? Inbox.scan(request.inbox(), request.asOf())
                : Inbox.scan(request.inbox(), request.asOf(), request.inputs()::contains);
        return load(inbox, quarantine, true, started);
    }

    /**
     * @param fold    whether to fold the accepted rows into LEA models ({@code validate} needs none)
     * @param started when the load began (System.nanoTime), scan included
     */
    private LoadResult load(Inbox inbox, QuarantineStore quarantine, boolean fold, long started) throws Exception {
        FileSystem fs = warehouse == null ? null : warehouse.fs();
        Path quarantineDir = warehouse == null ? null : new Path(warehouse.runDir(runId), "quarantine");
        Progress progress = Progress.start(
                log, "run " + runId + ": loadInbox", inbox.files().size(), progressInterval);
        ExtractFileReader reader =
                new ExtractFileReader(inbox.state().dimensions(), request.maxRejectRate(), quarantine, progress);
        LeaModels models = new LeaModels(); // fresh per load: a restarted load folds from scratch
        LeaLoader loader = new LeaLoader(reader, fold ? models : (lea, schema) -> ExtractFold.NONE);
        LeaCheckpoints checkpoints =
                warehouse == null ? null : new LeaCheckpoints(warehouse, runId, fingerprint(request));
        long listed = System.nanoTime();

        Map<String, List<InboxFile>> byLea = new TreeMap<>();
        inbox.files()
                .forEach(f ->
                        byLea.computeIfAbsent(f.leaId(), k -> new ArrayList<>()).add(f));
        log.info(
                "run {}: {} files from {} LEA folders in {}",
                runId,
                inbox.files().size(),
                byLea.size(),
                request.inbox());
        List<FileOutcome> outcomes = new ArrayList<>();
        AtomicInteger resumed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(loaderThreads(
                request.threads(),
                Inbox.isSmall(request.inbox()),
                Runtime.getRuntime().availableProcessors()));
        // An LEA's checkpoint is written on its own thread while the next LEA loads (issue 14:
        // serializing the models was 4 s of a 28 s state load on the loader thread). A checkpoint
        // only lets a restart skip a finished LEA, so one not yet written when the process dies
        // costs only that LEA's reading again; the load waits for every write before it returns.
        ExecutorService checkpointWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "checkpoint-writer");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> written = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<List<FileOutcome>>> futures = new ArrayList<>();
            byLea.forEach((lea, files) -> futures.add(pool.submit(() -> {
                if (checkpoints == null) {
                    return loader.load(lea, files);
                }
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
                LeaModel model = models.existing(lea); // complete: no later LEA touches it
                written.add(checkpointWriter.submit(() -> {
                    checkpoints.write(lea, files, loaded, model);
                    return null;
                }));
                return loaded;
            })));
            for (Future<List<FileOutcome>> f : futures) {
                outcomes.addAll(f.get());
            }
            for (Future<?> w : written) {
                w.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
            checkpointWriter.shutdownNow();
            progress.close();
        }
        if (resumed.get() > 0) {
            log.info(
                    "run {}: {} of {} LEAs restored from the checkpoints of an earlier attempt",
                    runId,
                    resumed.get(),
                    byLea.size());
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
        long readDone = System.nanoTime();
        if (request.checkRecorded()) {
            outcomes = checkUnchanged(outcomes, request.allowChangedFiles());
        }
        long finished = System.nanoTime();
        LoadResult.Timing timing = new LoadResult.Timing(
                Duration.ofNanos((listed - started) + (finished - readDone)), Duration.ofNanos(readDone - listed));
        double seconds = (finished - started) / 1e9;
        log.info(
                "run {}: read {} rows ({} accepted, {} rejected) in {} s, {} rows/s",
                runId,
                read,
                accepted,
                rejected,
                String.format(Locale.ROOT, "%.1f", seconds),
                Math.round(read / Math.max(seconds, 1e-9)));
        return new LoadResult(inbox, request.asOf(), outcomes, models, read, accepted, rejected, timing);
    }

    /**
     * What a load depends on besides the LEA's own files (tool version, as-of, max reject rate,
     * the _state files): a checkpoint made under another is not used.
     */
    private static String fingerprint(Request request) throws IOException {
        StringBuilder f = new StringBuilder(ToolVersion.plImpact())
                .append('|')
                .append(request.asOf())
                .append('|')
                .append(request.maxRejectRate());
        for (String state : StateRegistry.FILES) {
            f.append('|')
                    .append(Sha256.of(
                            java.nio.file.Files.newInputStream(request.inbox().resolve(state))));
        }
        return f.toString();
    }

    /** {@code runs/<run_id>/work}: the checkpoints, which only a restart needs. */
    public static Path workDir(Warehouse warehouse, String runId) {
        return LeaCheckpoints.workDir(warehouse, runId);
    }
}
