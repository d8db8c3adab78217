package org.sea.pli.stage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sea.pli.extract.ExtractFileReader;
import org.sea.pli.extract.ExtractFold;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.LeaLoader;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.model.LeaModels;
import org.sea.pli.ops.Progress;
import org.slf4j.Logger;

/**
 * The per-LEA loop every load shares (docs/spec.md §1–§3): each file read once, rejected rows to
 * the quarantine, accepted rows folded into the LEA's model. LEAs are independent until the marts,
 * so they load in parallel; outcomes are gathered in LEA order, so the thread count never shows.
 * What happens to one LEA (read it, or restore it from a checkpoint) is the caller's.
 */
final class LeaLoop {

    /** One LEA: its outcomes in file order. */
    @FunctionalInterface
    interface PerLea {
        List<FileOutcome> load(String leaId, List<InboxFile> files, LeaLoader loader) throws Exception;
    }

    /** Reads an LEA's files: the loop's default step. */
    static final PerLea READ = (leaId, files, loader) -> loader.load(leaId, files);

    private final Inbox inbox;
    private final double maxRejectRate;
    private final QuarantineStore quarantine;
    private final LeaModels models;
    private final boolean fold;
    private final Logger log;
    private final String runId;
    private final Duration progressInterval;
    private final long started;
    private long listed;
    private long readDone;

    /**
     * @param fold     whether accepted rows are folded into {@code models} ({@code validate} needs none)
     * @param runId    how log lines name the load
     * @param started  when the load began ({@link System#nanoTime()}), the inbox scan included
     */
    LeaLoop(
            Inbox inbox,
            double maxRejectRate,
            QuarantineStore quarantine,
            LeaModels models,
            boolean fold,
            Logger log,
            String runId,
            Duration progressInterval,
            long started) {
        this.inbox = inbox;
        this.maxRejectRate = maxRejectRate;
        this.quarantine = quarantine;
        this.models = models;
        this.fold = fold;
        this.log = log;
        this.runId = runId;
        this.progressInterval = progressInterval;
        this.started = started;
    }

    /** Every LEA of the inbox through {@code perLea}, on {@code threads} threads; outcomes in LEA order. */
    List<FileOutcome> run(int threads, PerLea perLea) throws Exception {
        Progress progress = Progress.start(
                log, "run " + runId + ": loadInbox", inbox.files().size(), progressInterval);
        ExtractFileReader reader =
                new ExtractFileReader(inbox.state().dimensions(), maxRejectRate, quarantine, progress);
        LeaLoader loader = new LeaLoader(reader, fold ? models : (lea, schema) -> ExtractFold.NONE);
        listed = System.nanoTime();
        Map<String, List<InboxFile>> byLea = new TreeMap<>();
        inbox.files()
                .forEach(f ->
                        byLea.computeIfAbsent(f.leaId(), k -> new ArrayList<>()).add(f));
        log.info(
                "run {}: {} files from {} LEA folders in {}",
                runId,
                inbox.files().size(),
                byLea.size(),
                inbox.root());
        List<FileOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<FileOutcome>>> futures = new ArrayList<>();
            byLea.forEach((lea, files) -> futures.add(pool.submit(() -> perLea.load(lea, files, loader))));
            for (Future<List<FileOutcome>> f : futures) {
                outcomes.addAll(f.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        readDone = System.nanoTime();
        return outcomes;
    }

    /** The load's result from its final outcomes; logs the row counts and the rate. */
    LoadResult result(LocalDate asOf, List<FileOutcome> outcomes, LoadResult.Reuse reuse) {
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
        return new LoadResult(inbox, asOf, outcomes, models, read, accepted, rejected, timing, reuse);
    }
}
