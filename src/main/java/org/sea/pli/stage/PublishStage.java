package org.sea.pli.stage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.sea.pli.lakehouse.TablePublisher;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.storage.Publisher;
import org.sea.pli.storage.RunIds;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish stage (spec §6): switches {@code current/} to this run's marts (and its report,
 * {@code current/report/}) once all are written, unless {@code current/} already holds a later
 * as-of date; commits the run to the mart tables (docs/lakehouse.md: its tag always, their main
 * branch only when {@code current/} moved); then marks the run finished and drops its checkpoints.
 */
public final class PublishStage {

    private static final Logger log = LoggerFactory.getLogger(PublishStage.class);

    private final Warehouse warehouse;
    private final String runId;
    private final String asOf;
    /** null: no tables (a reproduction by rerun or verify must not touch the catalog's tables) */
    private final TablePublisher tables;
    /** whether a published run's LEA results become the reuse store (a nightly run; never a reproduction) */
    private final boolean storesResults;

    public PublishStage(Warehouse warehouse, String runId, String asOf, TablePublisher tables, boolean storesResults) {
        this.storesResults = storesResults;
        this.warehouse = warehouse;
        this.runId = runId;
        this.asOf = asOf;
        this.tables = tables;
    }

    /** Publishes the run; returns whether {@code current/} now holds it, with the time taken. */
    public Timed<Boolean> publish() throws IOException {
        long started = System.nanoTime();
        boolean published;
        Optional<String> current = new Publisher(warehouse).publishedRunId();
        if (current.isPresent() && RunIds.asOfOf(current.get()).compareTo(asOf) > 0) {
            log.info("run {}: current/ holds the later run {}; left untouched", runId, current.get());
            published = false;
        } else {
            new Publisher(warehouse).publish(runId, MartCatalog.NAMES, List.of(ReportStage.REPORT_DIR));
            published = true;
            log.info("run {}: published to {}", runId, warehouse.currentDir());
        }
        if (tables != null) {
            tables.publish(runId, published);
        }
        RunIds.markFinished(warehouse, runId);
        if (published && storesResults) {
            // the run finished and is what current/ shows: tomorrow's night reuses its LEAs (§6.1);
            // a run of an older as-of leaves the store to the night that current/ holds
            int stored = LeaResultDir.checkpoints(warehouse, runId, null).moveInto(LeaResultDir.store(warehouse, null));
            PartitionStore.keep(warehouse, runId);
            LeaPartStore.keep(warehouse, runId);
            ReportReuse.keep(warehouse, runId);
            log.info("run {}: {} LEA results kept for reuse by the next run", runId, stored);
        }
        warehouse.fs().delete(LeaResultDir.workDir(warehouse, runId), true); // checkpoints: only a restart needs them
        return Timed.since(started, published);
    }
}
