package org.sea.pli.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.LoadResult;
import org.sea.pli.stage.ManifestStage;
import org.sea.pli.stage.MartFiles;
import org.sea.pli.storage.Publisher;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes stage, after the marts and before the report: compares the run with the run
 * {@code current/} held before it and writes {@code runs/<run_id>/changes.json}, which the manifest
 * then lists like any output.
 *
 * <h2>Which previous run, and why a reproduction gets the same bytes</h2>
 * A nightly run compares with the run named in {@code current/_PUBLISHED} (nothing is published
 * during a run: the warehouse lock is held, and this run publishes last). A restart compares with the
 * run its first attempt recorded in {@code changes.json}. A reproduction ({@code rerun}, {@code verify})
 * has no previous run in its new place, so it compares with the run the recorded {@code changes.json}
 * names, read from the recorded run's warehouse: same inputs, same previous run, same bytes — the
 * manifest's claim on {@code changes.json} and on the report lines drawn from it holds. A recorded run
 * without {@code changes.json} (written by a version that had none) is reproduced without one.
 */
public final class ChangesStage {

    private static final Logger log = LoggerFactory.getLogger(ChangesStage.class);

    private final Warehouse warehouse;
    private final String runId;
    private final java.nio.file.Path inbox;
    private final String recordedIn;

    /**
     * @param recordedIn the warehouse of the recorded run a reproduction reproduces, or null for a
     *                   nightly run (the previous run is then this warehouse's published one)
     */
    public ChangesStage(Warehouse warehouse, String runId, java.nio.file.Path inbox, String recordedIn) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.inbox = inbox;
        this.recordedIn = recordedIn;
    }

    /**
     * Compares and writes {@code changes.json}; empty for a reproduction of a run that had none.
     *
     * @param marts the mart files the marts step wrote in this JVM, with their SHA-256 and rows;
     *              empty after a restart that skipped that step (the files are then hashed as they lie)
     */
    public Optional<RunChanges> compare(LoadResult load, List<WrittenFile> marts) throws IOException {
        RunChanges changes;
        if (recordedIn != null) {
            try (Warehouse recorded = Warehouse.open(recordedIn)) {
                Path file = new Path(recorded.runDir(runId), RunChanges.FILE);
                if (!recorded.fs().exists(file)) {
                    return Optional.empty();
                }
                String previous = previousIn(recorded, file);
                if (previous != null && !RunComparison.holds(recorded, previous)) {
                    throw new IOException("run " + runId + " was compared with run " + previous + ", which "
                            + recorded.root() + " no longer holds: its " + RunChanges.FILE
                            + " and report cannot be reproduced");
                }
                changes = previous == null
                        ? RunChanges.first(runId)
                        : RunComparison.compare(
                                warehouse, runId, ManifestStage.inputs(inbox, load), files(marts), recorded, previous);
            }
        } else {
            String previous = previous();
            changes = previous == null
                    ? RunChanges.first(runId)
                    : RunComparison.compare(
                            warehouse, runId, ManifestStage.inputs(inbox, load), files(marts), warehouse, previous);
        }
        try (OutputStream out = warehouse.fs().create(file(), true)) {
            out.write(changes.toJson());
        }
        log.info("run {}: {}", runId, ChangeNotes.of(changes).summary());
        return Optional.of(changes);
    }

    /** The run to compare with: the one a first attempt recorded, else the published one. */
    private String previous() throws IOException {
        if (warehouse.fs().exists(file())) {
            return previousIn(warehouse, file());
        }
        Optional<String> published = new Publisher(warehouse).publishedRunId();
        if (published.isEmpty() || published.get().equals(runId)) {
            return null;
        }
        if (!RunComparison.holds(warehouse, published.get())) {
            log.warn(
                    "run {}: current/ names run {}, whose manifest is gone: nothing to compare with",
                    runId,
                    published.get());
            return null;
        }
        return published.get();
    }

    private MartFiles files(List<WrittenFile> marts) throws IOException {
        return marts.isEmpty() ? MartFiles.onDisk(warehouse, warehouse.martsDir(runId)) : MartFiles.of(marts);
    }

    private Path file() {
        return new Path(warehouse.runDir(runId), RunChanges.FILE);
    }

    private static String previousIn(Warehouse warehouse, Path file) throws IOException {
        try (InputStream in = warehouse.fs().open(file)) {
            return RunChanges.previousRunIdOf(in.readAllBytes());
        }
    }
}
