package org.sea.pli.lakehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.storage.Warehouse;

/**
 * The mart tables of one warehouse in one catalog: {@code pli.<mart>}, metadata under the
 * connection's warehouse folder, data files the run's own Parquet files (added by path, never
 * copied or rewritten).
 *
 * <h2>One run, one snapshot, one tag</h2>
 * {@link #commit} replaces a table's content with exactly one run's files in a single overwrite
 * snapshot (summary {@value #RUN_ID} and {@value #AS_OF}) and tags it {@code run-<run_id>}, both in
 * one catalog commit: a table either has the run's tag on a complete snapshot or neither. A run that
 * must not move the main branch (an older as-of than the published one) writes its snapshot on a
 * short-lived branch that the same commit replaces by the tag. Committing a run whose tag exists
 * does nothing, so a restart after a crash anywhere in the publish repeats nothing.
 */
public final class MartTables {

    public static final String NAMESPACE = "pli";
    /** Snapshot summary property naming the run whose files the snapshot holds. */
    public static final String RUN_ID = "pl-impact.run-id";
    /** Snapshot summary property with that run's as-of date. */
    public static final String AS_OF = "pl-impact.as-of";

    private final Catalog catalog;
    private final CatalogConnection connection;
    private final Warehouse warehouse;
    private final RunDataFiles dataFiles;
    /** Tables loaded by {@link #foreign}, so that the commits after it do not load them again. */
    private final Map<String, Table> loaded = new ConcurrentHashMap<>();

    public MartTables(Catalog catalog, CatalogConnection connection, Warehouse warehouse) {
        this.catalog = catalog;
        this.connection = connection;
        this.warehouse = warehouse;
        this.dataFiles = new RunDataFiles(warehouse);
    }

    /** The tag of run {@code runId}. */
    public static String tag(String runId) {
        return "run-" + runId;
    }

    public static TableIdentifier identifier(String mart) {
        return TableIdentifier.of(Namespace.of(NAMESPACE), mart);
    }

    /**
     * Makes the table of {@code mart} hold exactly {@code files} (paths relative to the run
     * directory, as the manifest lists them), tagged {@code run-<run_id>}; moves the main branch only
     * when {@code moveMain}. Returns the tagged snapshot.
     */
    public Publication.Snapshot commit(String mart, String runId, String asOf, List<String> files, boolean moveMain)
            throws IOException {
        Table table = table(MartSchema.load(mart));
        String tag = tag(runId);
        SnapshotRef existing = table.refs().get(tag);
        if (existing != null) { // committed before a crash or by an earlier attempt
            return new Publication.Snapshot(existing.snapshotId(), files.size());
        }
        List<DataFile> dataFiles = new ArrayList<>();
        MetricsConfig metrics = MetricsConfig.forTable(table);
        for (String relative : files) {
            dataFiles.add(this.dataFiles.of(table, metrics, runId, relative));
        }
        String branch = "publishing-" + runId;
        Transaction tx = table.newTransaction();
        OverwriteFiles overwrite = tx.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
        dataFiles.forEach(overwrite::addFile);
        overwrite.set(RUN_ID, runId).set(AS_OF, asOf);
        if (!moveMain) {
            overwrite.toBranch(branch);
        }
        overwrite.commit();
        Snapshot snapshot = moveMain ? tx.table().currentSnapshot() : tx.table().snapshot(branch);
        var refs = tx.manageSnapshots().createTag(tag, snapshot.snapshotId());
        if (!moveMain) {
            refs.removeBranch(branch);
        }
        refs.commit();
        tx.commitTransaction();
        return new Publication.Snapshot(snapshot.snapshotId(), dataFiles.size());
    }

    /**
     * The data files of the snapshot tagged {@code run-<run_id>}, as absolute paths, or null when the
     * table or the tag does not exist.
     */
    public List<String> taggedFiles(String mart, String runId) throws IOException {
        Table table;
        try {
            table = catalog.loadTable(identifier(mart));
        } catch (NoSuchTableException e) {
            return null;
        }
        if (!table.refs().containsKey(tag(runId))) {
            return null;
        }
        List<String> paths = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().useRef(tag(runId)).planFiles()) {
            for (FileScanTask t : tasks) {
                paths.add(t.file().location());
            }
        }
        return paths;
    }

    /** The snapshot id the tag {@code run-<run_id>} points at (the tag must exist). */
    public long taggedSnapshotId(String mart, String runId) {
        return catalog.loadTable(identifier(mart)).refs().get(tag(runId)).snapshotId();
    }

    /** The absolute location a run file is added under. */
    public String location(String runId, String relative) {
        return Warehouse.child(warehouse.runDir(runId), relative).toString();
    }

    /** Per mart, the files of a manifest's output list that belong to it (paths relative to the run directory). */
    public static Map<String, List<String>> martFiles(List<String> marts, List<String> outputs) {
        Map<String, List<String>> byMart = new LinkedHashMap<>();
        for (String mart : marts) {
            String prefix = "marts/" + mart + "/";
            byMart.put(
                    mart,
                    outputs.stream()
                            .filter(p -> p.startsWith(prefix) && p.endsWith(".parquet"))
                            .sorted()
                            .toList());
        }
        return byMart;
    }

    /**
     * The first of {@code marts} whose table exists at another location than this warehouse's, as a
     * sentence, or null: a catalog's {@code pli} tables serve one warehouse.
     */
    public String foreign(List<String> marts) {
        for (String mart : marts) {
            try {
                Table table = catalog.loadTable(identifier(mart));
                loaded.put(mart, table);
                String at = stripSlash(table.location());
                if (!at.equals(connection.tableLocation(mart))) {
                    return "table " + connection.name() + "." + identifier(mart) + " is at " + at + ", not "
                            + connection.tableLocation(mart);
                }
            } catch (NoSuchTableException e) {
                // created at this warehouse's location on first commit
            }
        }
        return null;
    }

    /** The mart's table, created on first use; refuses a table of the same name another warehouse owns. */
    Table table(MartSchema mart) {
        TableIdentifier id = identifier(mart.name());
        String location = connection.tableLocation(mart.name());
        Table table = loaded.remove(mart.name());
        if (table == null) {
            try {
                table = catalog.loadTable(id);
            } catch (NoSuchTableException e) {
                table = create(mart, id, location);
            }
        }
        if (!stripSlash(table.location()).equals(location)) {
            throw new IllegalStateException("table " + connection.name() + "." + id + " is at " + table.location()
                    + ", not " + location + ": it belongs to another warehouse; give this one its own"
                    + " catalog (pli.catalog-name) or database (pli.catalog-uri)");
        }
        checkSchema(table, mart);
        return table;
    }

    /**
     * Creates the table with the schema's own field ids. {@code Catalog.createTable} would renumber
     * the columns 1, 2, … in order, which differs from the ids the Parquet files carry (an
     * unpartitioned mart's first column is 2, and a retired id leaves a gap); so the first metadata
     * file is written here and registered with the catalog.
     */
    private Table create(MartSchema mart, TableIdentifier id, String location) {
        synchronized (this) { // the first tables of a catalog are created by concurrent commits
            if (catalog instanceof SupportsNamespaces ns && !ns.namespaceExists(id.namespace())) {
                try {
                    ns.createNamespace(id.namespace());
                } catch (AlreadyExistsException raced) {
                    // another process created it first
                }
            }
        }
        Schema schema = MartTableSchema.schema(mart);
        TableMetadata metadata = TableMetadata.buildFromEmpty(MartTableSchema.FORMAT_VERSION)
                .assignUUID()
                .setLocation(location)
                .setCurrentSchema(schema, schema.highestFieldId())
                .setDefaultPartitionSpec(MartTableSchema.spec(mart, schema))
                .setDefaultSortOrder(SortOrder.unsorted())
                .setProperties(MartTableSchema.properties(schema))
                .build();
        String file = location + "/metadata/00000-" + UUID.randomUUID() + ".metadata.json";
        TableMetadataParser.write(metadata, new WarehouseFileIO(warehouse.fs()).newOutputFile(file));
        try {
            return catalog.registerTable(id, file);
        } catch (AlreadyExistsException raced) {
            return catalog.loadTable(id);
        }
    }

    /** The table's columns must be the mart's, id for id (schema evolution is not automated). */
    private void checkSchema(Table table, MartSchema mart) {
        Schema expected = MartTableSchema.schema(mart);
        for (Types.NestedField f : expected.columns()) {
            Types.NestedField actual = table.schema().findField(f.fieldId());
            if (actual == null
                    || !actual.name().equals(f.name())
                    || !actual.type().equals(f.type())) {
                throw new IllegalStateException("table " + identifier(mart.name()) + " has "
                        + (actual == null
                                ? "no field id " + f.fieldId()
                                : "field id " + f.fieldId() + " as " + actual.name() + " " + actual.type())
                        + ", schemas/marts/" + mart.name() + ".json has " + f.name() + " " + f.type()
                        + " (docs/lakehouse.md: schema changes)");
            }
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
