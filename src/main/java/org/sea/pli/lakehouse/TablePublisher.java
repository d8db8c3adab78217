package org.sea.pli.lakehouse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run to the mart tables (docs/lakehouse.md): per mart one catalog commit making the
 * table hold exactly the run's files of that mart as the manifest lists them, tagged
 * {@code run-<run_id>}; then records what it did in the manifest's {@code publication} section.
 *
 * <p>Each table's commit is atomic, also on S3; the eleven commits together are not (Iceberg's JDBC
 * catalog has no multi-table transaction). A crash between them leaves some tables at the run and
 * the others at their previous snapshot; the restart commits the rest. Readers that need all marts
 * of one run read the tag, which exists on every table once the publish finished.
 */
public final class TablePublisher {

    private static final Logger log = LoggerFactory.getLogger(TablePublisher.class);

    /**
     * Table commits at once: two cut a state-scale publish by about a fifth on two cores; four were
     * slower (Iceberg's JDBC catalog pools two connections).
     */
    static final int COMMITTERS = 2;

    private final Warehouse warehouse;
    private final CatalogConnection connection;
    private final List<String> marts;

    public TablePublisher(Warehouse warehouse, CatalogConnection connection, List<String> marts) {
        this.warehouse = warehouse;
        this.connection = connection;
        this.marts = List.copyOf(marts);
    }

    /**
     * Commits run {@code runId} to every mart table, moving their main branch only when
     * {@code moveMain} (as {@code current/} moves), and writes the publication into its manifest.
     * Returns null, with a warning, when the catalog's tables belong to another warehouse: a
     * catalog serves the first warehouse that published to it (docs/lakehouse.md).
     */
    public Publication publish(String runId, boolean moveMain) throws IOException {
        RunManifest manifest = ManifestPublication.manifest(warehouse, runId);
        Map<String, List<String>> files = MartTables.martFiles(
                marts, manifest.outputs().stream().map(RunManifest.Output::path).toList());
        Map<String, Publication.Snapshot> snapshots = new LinkedHashMap<>();
        try (JdbcCatalog catalog = connection.open(warehouse.fs())) {
            MartTables tables = new MartTables(catalog, connection, warehouse);
            String foreign = tables.foreign(marts);
            if (foreign != null) {
                log.warn(
                        "run {}: no table published: {}, another warehouse's; give this warehouse its own"
                                + " catalog (pli.catalog-name or pli.catalog-uri)",
                        runId,
                        foreign);
                return null;
            }
            snapshots.putAll(commitAll(tables, files, runId, manifest.asOf(), moveMain));
        } catch (RuntimeException e) {
            throw new IOException(
                    "cannot publish run " + runId + " to the tables of " + connection + ": " + e.getMessage(), e);
        }
        Publication publication =
                new Publication(connection.name(), MartTables.NAMESPACE, MartTables.tag(runId), moveMain, snapshots);
        ManifestPublication.write(warehouse, runId, publication);
        log.info(
                "run {}: {} tables tagged {}{}",
                runId,
                snapshots.size(),
                publication.tag(),
                moveMain ? " and current" : " (main left at the later run)");
        return publication;
    }

    /**
     * Every table's commit, {@value #COMMITTERS} at a time: the commits touch different tables and
     * spend most of their time waiting on the catalog and files and, in a fresh JVM, loading
     * Iceberg's classes. Results in the order of {@code files}.
     */
    private static Map<String, Publication.Snapshot> commitAll(
            MartTables tables, Map<String, List<String>> files, String runId, String asOf, boolean moveMain)
            throws IOException {
        ExecutorService committers = Executors.newFixedThreadPool(COMMITTERS, r -> {
            Thread t = new Thread(r, "pli-table-commit");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Publication.Snapshot>> pending = new LinkedHashMap<>();
            files.forEach((mart, paths) ->
                    pending.put(mart, committers.submit(() -> tables.commit(mart, runId, asOf, paths, moveMain))));
            Map<String, Publication.Snapshot> snapshots = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Publication.Snapshot>> e : pending.entrySet()) {
                snapshots.put(e.getKey(), e.getValue().get());
            }
            return snapshots;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing run " + runId + " to the tables", e);
        } finally {
            committers.shutdownNow();
        }
    }
}
