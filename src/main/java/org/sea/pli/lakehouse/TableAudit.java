package org.sea.pli.lakehouse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;

/**
 * The tables' side of {@code verify} (docs/lakehouse.md): when the run's manifest has a
 * {@code publication} section, the tag {@code run-<run_id>} of every mart table must list exactly
 * the run's files of that mart as the manifest lists them, and point at the snapshot the section
 * records.
 */
public final class TableAudit {

    private final Warehouse warehouse;
    private final CatalogConnection connection;
    private final List<String> marts;

    public TableAudit(Warehouse warehouse, CatalogConnection connection, List<String> marts) {
        this.warehouse = warehouse;
        this.connection = connection;
        this.marts = List.copyOf(marts);
    }

    /**
     * Adds one line per difference to {@code differing}; returns the number of tables checked (0
     * when the run was not published to tables: no {@code publication} section).
     */
    public int check(String runId, List<String> differing) throws IOException {
        byte[] bytes;
        try (InputStream in = warehouse.fs().open(new Path(warehouse.runDir(runId), RunManifest.FILE))) {
            bytes = in.readAllBytes();
        }
        Publication publication = ManifestPublication.read(bytes);
        if (publication == null) {
            return 0;
        }
        RunManifest manifest = RunManifest.parse(bytes);
        Map<String, List<String>> expected = MartTables.martFiles(
                marts, manifest.outputs().stream().map(RunManifest.Output::path).toList());
        String tag = MartTables.tag(runId);
        try (JdbcCatalog catalog = connection.open(warehouse.fs())) {
            MartTables tables = new MartTables(catalog, connection, warehouse);
            for (String mart : marts) {
                String table = connection.name() + "." + MartTables.identifier(mart);
                List<String> tagged = tables.taggedFiles(mart, runId);
                if (tagged == null) {
                    differing.add(table + " (tag " + tag + ": missing)");
                    continue;
                }
                TreeSet<String> want = new TreeSet<>();
                expected.get(mart).forEach(f -> want.add(tables.location(runId, f)));
                TreeSet<String> got = new TreeSet<>(tagged);
                List<String> problems = new ArrayList<>();
                for (String f : got) {
                    if (!want.contains(f)) {
                        problems.add("lists " + f + ", not in the manifest");
                    }
                }
                for (String f : want) {
                    if (!got.contains(f)) {
                        problems.add("lacks " + f);
                    }
                }
                Publication.Snapshot recorded = publication.tables().get(mart);
                long taggedId = tables.taggedSnapshotId(mart, runId);
                if (recorded == null || recorded.snapshotId() != taggedId) {
                    problems.add("points at snapshot " + taggedId + ", the manifest records "
                            + (recorded == null ? "none" : recorded.snapshotId()));
                }
                problems.forEach(p -> differing.add(table + " (tag " + tag + ": " + p + ")"));
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot read the tables of " + connection + ": " + e.getMessage(), e);
        }
        return marts.size();
    }
}
