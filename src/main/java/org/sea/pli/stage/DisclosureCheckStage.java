package org.sea.pli.stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;
import org.sea.pli.disclosure.PublicationCheck;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Publisher;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check before publishing (docs/spec.md §5.12 step 4): the run's public marts, as written,
 * read back and checked by {@link PublicationCheck}. A violation fails the run before anything is
 * published; starting again cannot help (the same inputs give the same marts), so it says what to
 * look at instead.
 *
 * <h2>What a nightly run does not read again</h2>
 * A unit of the check (a school year's {@code practice_persistence}, or its other public marts,
 * {@link PublicationCheck#violations(Predicate)}) whose files are, name for name, the bytes of the
 * same unit of the run {@code current/} holds is not read: that run passed this check (a run that
 * fails it never reaches its manifest or {@code current/}) with the same pl-impact version and the
 * same min-cell-size — both required, from its manifest, or every unit is read — and the rules of a
 * unit look at nothing outside it, so the same bytes give the same verdict. This run's bytes are
 * known by the SHA-256 the marts step took as it wrote or copied each file (or, after a restart, by
 * hashing them), the published run's by its manifest. A reproduction and {@code --full} read all.
 */
public final class DisclosureCheckStage {

    private static final Logger log = LoggerFactory.getLogger(DisclosureCheckStage.class);

    /** Violations named in the failure's one line; the log lists more. */
    static final int NAMED = 3;

    static final int LOGGED = 50;

    private final Warehouse warehouse;
    private final String runId;
    private final int minCellSize;
    /** whether units the published run checked may be passed over (a nightly run without --full) */
    private final boolean reuse;

    /** A check that reads every unit. */
    public DisclosureCheckStage(Warehouse warehouse, String runId, int minCellSize) {
        this(warehouse, runId, minCellSize, false);
    }

    public DisclosureCheckStage(Warehouse warehouse, String runId, int minCellSize, boolean reuse) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.minCellSize = minCellSize;
        this.reuse = reuse;
    }

    /** Checks the written marts, every unit. */
    public Timed<Void> check() throws IOException {
        return check(List.of());
    }

    /**
     * Checks the written marts; throws {@link StageFailure} naming the first violations.
     *
     * @param written the mart files the marts step wrote in this JVM, with their SHA-256; empty after
     *                a restart that skipped that step (the files are then hashed as they lie)
     */
    public Timed<Void> check(List<WrittenFile> written) throws IOException {
        long started = System.nanoTime();
        Optional<RunManifest> checked = reuse ? checkedBefore() : Optional.empty();
        Predicate<List<String>> unchecked = unit -> true;
        if (checked.isPresent()) {
            MartFiles before = MartFiles.recorded(checked.get());
            MartFiles now =
                    written.isEmpty() ? MartFiles.onDisk(warehouse, warehouse.martsDir(runId)) : MartFiles.of(written);
            unchecked = unit -> !unit.stream().allMatch(partition -> sameBytes(before, now, partition));
        }
        AtomicInteger units = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        Predicate<List<String>> reads = unchecked;
        List<String> violations = new PublicationCheck(warehouse.fs(), warehouse.martsDir(runId), minCellSize)
                .violations(unit -> {
                    units.incrementAndGet();
                    boolean reading = reads.test(unit);
                    read.addAndGet(reading ? 1 : 0);
                    return reading;
                });
        if (!violations.isEmpty()) {
            violations.stream().limit(LOGGED).forEach(v -> log.error("run {}: disclosure check: {}", runId, v));
            throw new StageFailure("disclosure check failed (docs/spec.md §5.12): " + violations.size()
                    + " published value(s) would give away a group smaller than min-cell-size " + minCellSize
                    + ": " + String.join("; ", violations.subList(0, Math.min(NAMED, violations.size())))
                    + (violations.size() > NAMED ? "; and " + (violations.size() - NAMED) + " more (see the log)" : "")
                    + ". Nothing was published; this is a defect of pl-impact, not of the inbox: report it with this run's"
                    + " marts (runs/" + runId + "/marts)");
        }
        log.info(
                "run {}: disclosure check passed (min-cell-size {}); {} of {} school-year units read{}",
                runId,
                minCellSize,
                read.get(),
                units.get(),
                read.get() == units.get()
                        ? ""
                        : ", the others the bytes run " + checked.get().runId() + " passed under the same settings");
        return Timed.since(started, null);
    }

    /**
     * The manifest of the run {@code current/} holds, when it passed this check with the same
     * pl-impact version and min-cell-size; empty otherwise (every unit is then read).
     */
    private Optional<RunManifest> checkedBefore() throws IOException {
        Optional<String> published = new Publisher(warehouse).publishedRunId();
        if (published.isEmpty() || published.get().equals(runId)) {
            return Optional.empty();
        }
        Path file = new Path(warehouse.runDir(published.get()), RunManifest.FILE);
        if (!warehouse.fs().exists(file)) {
            return Optional.empty();
        }
        RunManifest manifest;
        try (InputStream in = warehouse.fs().open(file)) {
            manifest = RunManifest.parse(in.readAllBytes());
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        boolean same = ToolVersion.plImpact().equals(manifest.toolVersion())
                && manifest.configuration().minCellSize() == minCellSize;
        return same ? Optional.of(manifest) : Optional.empty();
    }

    /** Whether a partition ({@code <mart>/<partition folder>}) holds the same files in both runs. */
    private static boolean sameBytes(MartFiles before, MartFiles now, String partition) {
        int slash = partition.indexOf('/');
        String mart = partition.substring(0, slash);
        String folder = partition.substring(slash + 1);
        Map<String, String> was = before.partitions(mart).get(folder);
        Map<String, String> is = now.partitions(mart).get(folder);
        return was == null ? is == null : was.equals(is);
    }
}
