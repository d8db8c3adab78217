package org.sea.pli.stage;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.StateRegistry;
import org.sea.pli.model.LeaModels;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly run's load (docs/spec.md §1–§3): scans the inbox, reads every LEA through the shared
 * {@link LeaLoop} with the quarantine under {@code runs/<run_id>/quarantine}, checks the files
 * against what earlier runs recorded, and decides which files are in force.
 *
 * <p>Each LEA's result is saved as a checkpoint as soon as it is loaded ({@link LeaResults}).
 * Loading again under the same run id restores every LEA whose checkpoint still matches and reads
 * only the others: that is how a restarted run resumes a killed load, and how a later step running
 * in a new JVM gets the result of a load that finished in an earlier one. A nightly run also
 * restores, from the reuse store, every LEA whose files and load settings equal those of the last
 * finished run (docs/spec.md §6.1). Tests that need only the models use {@link InMemoryLoad};
 * {@code validate} uses {@link LeaValidation}.
 */
public final class LoadStage {

    private static final Logger log = LoggerFactory.getLogger(LoadStage.class);

    /**
     * What a load is asked to do.
     *
     * @param inputs            the only inbox paths to consider (a rerun: its manifest's), or null for all
     * @param checkRecorded     whether files must match what earlier runs recorded (§1; a rerun does not)
     * @param allowChangedFiles accept changed files, naming them {@code file_changed}, instead of failing
     * @param threads           LEAs loaded in parallel
     * @param reuse             whether LEAs unchanged since the last finished run are restored from the
     *                          reuse store instead of read (a nightly run without {@code --full})
     */
    public record Request(
            java.nio.file.Path inbox,
            LocalDate asOf,
            Set<String> inputs,
            double maxRejectRate,
            int threads,
            boolean checkRecorded,
            boolean allowChangedFiles,
            boolean reuse) {}

    /**
     * LEAs loaded in parallel: {@code configured} when set (above 0); otherwise every core for a
     * {@linkplain Inbox#isSmall small} inbox, whose memory never matters, and for a larger one
     * every core up to {@link #LARGE_INBOX_READERS}: the launcher caps a large run's heap by the
     * inbox's size, not by the machine's cores. On two cores, two readers took the five-year load
     * from 23.4 to 19.2 s and the two-year one from 12.1 to 11.1 s at the same peak memory. Never
     * changes a byte of output (§6).
     */
    public static int loaderThreads(int configured, boolean smallInbox, int cores) {
        if (configured > 0) {
            return configured;
        }
        return smallInbox ? Math.max(1, cores) : Math.max(1, Math.min(cores, LARGE_INBOX_READERS));
    }

    /** Most LEAs a large inbox reads at once by default: each holds its files' key sets and rows in flight. */
    static final int LARGE_INBOX_READERS = 4;

    private final Request request;
    private final Warehouse warehouse;
    private final String runId;
    private final Duration progressInterval;

    /** The nightly run's load: quarantine and checkpoints under {@code runs/<run_id>/} of the warehouse. */
    private final LeaResultCipher cipher;

    /**
     * @param pseudonymKey the run's pseudonym key (PLI_PSEUDONYM_KEY): the checkpoints and the reuse
     *                     store are encrypted under a key derived from it ({@link LeaResultCipher})
     */
    public LoadStage(
            Request request, Warehouse warehouse, String runId, Duration progressInterval, byte[] pseudonymKey) {
        this.cipher = new LeaResultCipher(pseudonymKey);
        this.request = request;
        this.warehouse = warehouse;
        this.runId = runId;
        this.progressInterval = progressInterval;
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
        long started = System.nanoTime();
        LeaResultCipher.warmUp(); // every LEA's result is encrypted: at the CPU's speed from the first
        Inbox inbox = request.inputs() == null
                ? Inbox.scan(request.inbox(), request.asOf())
                : Inbox.scan(request.inbox(), request.asOf(), request.inputs()::contains);
        FileSystem fs = warehouse.fs();
        Path quarantineDir = new Path(warehouse.runDir(runId), "quarantine");
        LeaModels models = new LeaModels(); // fresh per load: a restarted load folds from scratch
        LeaLoop loop = new LeaLoop(
                inbox,
                request.maxRejectRate(),
                new WarehouseQuarantine(fs, quarantineDir),
                models,
                true,
                log,
                runId,
                progressInterval,
                started);
        LeaResults.Counts counts;
        List<FileOutcome> outcomes;
        int cores = Runtime.getRuntime().availableProcessors();
        int readers = loaderThreads(request.threads(), Inbox.isSmall(request.inbox()), cores);
        try (LeaResults results =
                new LeaResults(warehouse, runId, request.reuse(), fingerprint(request), models, cipher, readers)) {
            // restoring (hashing, decrypting) takes little memory: every core may restore, while no
            // more LEAs than `readers` are read at once
            outcomes = loop.run(Math.max(readers, request.reuse() ? cores : readers), results::load);
            counts = results.finish();
        }
        if (counts.resumed() > 0 || counts.reused() > 0) {
            log.info(
                    "run {}: of {} LEAs, {} restored from the checkpoints of an earlier attempt, {} reused from"
                            + " the last finished run",
                    runId,
                    counts.leas(),
                    counts.resumed(),
                    counts.reused());
        }
        if (request.checkRecorded()) {
            outcomes = checkUnchanged(outcomes, request.allowChangedFiles());
        }
        return loop.result(
                request.asOf(),
                outcomes,
                new LoadResult.Reuse(counts.leas(), counts.resumed(), counts.reused(), counts.partly()));
    }

    /**
     * What an LEA's result depends on besides its own files (tool version, max reject rate, the
     * _state files): a result saved under another is not used. The as-of is not part of it: it
     * decides only which files are ignored, and each file's ignore reason is in the key.
     */
    private static String fingerprint(Request request) throws IOException {
        StringBuilder f = new StringBuilder(ToolVersion.plImpact()).append('|').append(request.maxRejectRate());
        for (String digest : StateRegistry.sha256s(request.inbox())) {
            f.append('|').append(digest);
        }
        return f.toString();
    }
}
