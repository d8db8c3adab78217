package org.sea.pli.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.util.SnapshotUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.storage.Warehouse;
import org.sea.pli.testing.CommandRun;

/**
 * The marts as Iceberg tables on the embedded H2 job repository (docs/lakehouse.md): three runs of
 * the sample — 2026-06-30 twice, then an older as-of 2026-05-31 — each reopening the catalog.
 */
class MartTablesTest {

    @TempDir
    static Path work;

    static Path warehouse;
    static JdbcCatalog catalog;
    static Warehouse reader;
    static CatalogConnection connection;
    static Connection duck;

    static final String FIRST = "2026-06-30_1";
    static final String SECOND = "2026-06-30_2";
    static final String OLDER = "2026-05-31_1";

    @BeforeAll
    static void threeRuns() throws Exception {
        warehouse = work.resolve("warehouse");
        run("2026-06-30");
        run("2026-06-30");
        run("2026-05-31");
        connection = new CatalogConnection(
                "jdbc:h2:file:" + work.resolve("jobs"), "sa", "", "pl_impact", "file:" + warehouse + "/iceberg");
        reader = Warehouse.open(warehouse.toString());
        catalog = connection.open(reader.fs());
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws Exception {
        catalog.close();
        reader.close();
        duck.close();
    }

    private static void run(String asOf) {
        CommandRun r = CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "run",
                        "--inbox",
                        "sample-data",
                        "--warehouse",
                        warehouse.toString(),
                        "--as-of",
                        asOf,
                        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs")));
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static Table table(String mart) {
        return catalog.loadTable(MartTables.identifier(mart));
    }

    private static Set<String> files(Table t, String ref) throws Exception {
        Set<String> files = new TreeSet<>();
        try (CloseableIterable<FileScanTask> tasks = t.newScan().useRef(ref).planFiles()) {
            tasks.forEach(task -> files.add(task.file().location()));
        }
        return files;
    }

    /** The run's Parquet files of {@code mart}, as absolute file: URIs. */
    private static Set<String> runFiles(String runId, String mart) throws Exception {
        Set<String> files = new TreeSet<>();
        Path dir = warehouse.resolve("runs").resolve(runId).resolve("marts").resolve(mart);
        try (var walk = Files.walk(dir)) {
            walk.filter(p -> p.toString().endsWith(".parquet")).forEach(p -> files.add("file:" + p));
        }
        return files;
    }

    @Test
    void everyMartIsATableWhoseMainHoldsExactlyTheFilesAndRowsOfCurrent() throws Exception {
        assertThat(catalog.listTables(org.apache.iceberg.catalog.Namespace.of("pli")))
                .extracting(id -> id.name())
                .containsExactlyInAnyOrderElementsOf(MartCatalog.NAMES)
                .hasSize(11);
        for (String mart : MartCatalog.NAMES) {
            Table t = table(mart);
            assertThat(t.location()).isEqualTo("file:" + warehouse + "/iceberg/" + mart);
            assertThat(t.currentSnapshot().summary()).containsEntry(MartTables.RUN_ID, SECOND);
            assertThat(t.currentSnapshot().operation()).isEqualTo("overwrite");
            // added, not copied: the table's files are the second run's own
            assertThat(files(t, SnapshotRef.MAIN_BRANCH)).as(mart).isEqualTo(runFiles(SECOND, mart));
            MartSchema schema = MartSchema.load(mart);
            assertThat(t.spec().isPartitioned()).isEqualTo(schema.partitioned());
            assertThat(TableRows.iceberg(t, SnapshotRef.MAIN_BRANCH))
                    .as(mart)
                    .isEqualTo(TableRows.duckdb(
                            duck, warehouse.resolve("current").resolve(mart), t.schema(), schema.partitioned()));
        }
    }

    @Test
    void eachPublishedRunIsOneSnapshotOnMainAndEveryRunHasItsTag() throws Exception {
        for (String mart : MartCatalog.NAMES) {
            Table t = table(mart);
            List<Snapshot> main = new ArrayList<>();
            SnapshotUtil.ancestorsOf(t.currentSnapshot().snapshotId(), t::snapshot)
                    .forEach(main::add);
            // newest first: the second run's snapshot, its parent the first run's, nothing before
            assertThat(main).extracting(s -> s.summary().get(MartTables.RUN_ID)).containsExactly(SECOND, FIRST);
            assertThat(t.refs().keySet())
                    .containsExactlyInAnyOrder("main", "run-" + FIRST, "run-" + SECOND, "run-" + OLDER);
            assertThat(t.refs().get("run-" + SECOND).snapshotId())
                    .isEqualTo(t.currentSnapshot().snapshotId());
            assertThat(t.refs().get("run-" + FIRST).snapshotId())
                    .isEqualTo(main.get(1).snapshotId());
            // the older as-of run: tagged, off main (as current/ was left at the later run)
            Snapshot older = t.snapshot("run-" + OLDER);
            assertThat(older.summary())
                    .containsEntry(MartTables.RUN_ID, OLDER)
                    .containsEntry(MartTables.AS_OF, "2026-05-31");
            assertThat(main).extracting(Snapshot::snapshotId).doesNotContain(older.snapshotId());
            assertThat(t.snapshots()).hasSize(3);
            assertThat(files(t, "run-" + OLDER)).as(mart).isEqualTo(runFiles(OLDER, mart));
        }
    }

    @Test
    void aTagReadsBackThatRunsRows() throws Exception {
        for (String mart : MartCatalog.NAMES) {
            Table t = table(mart);
            boolean partitioned = MartSchema.load(mart).partitioned();
            for (String run : List.of(FIRST, OLDER)) {
                assertThat(TableRows.iceberg(t, "run-" + run))
                        .as(mart + " at run-" + run)
                        .isEqualTo(TableRows.duckdb(
                                duck,
                                warehouse
                                        .resolve("runs")
                                        .resolve(run)
                                        .resolve("marts")
                                        .resolve(mart),
                                t.schema(),
                                partitioned));
            }
        }
        // the older run saw fewer files, so at least one mart differs between the two tags
        assertThat(MartCatalog.NAMES.stream()
                        .filter(m -> {
                            try {
                                return !TableRows.iceberg(table(m), "run-" + FIRST)
                                        .equals(TableRows.iceberg(table(m), "run-" + OLDER));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .count())
                .isPositive();
    }

    @Test
    void publishingARunAgainChangesNothing() throws Exception {
        Map<String, Long> before = new java.util.HashMap<>();
        for (String mart : MartCatalog.NAMES) {
            before.put(mart, table(mart).currentSnapshot().snapshotId());
        }
        try (Warehouse w = Warehouse.open(warehouse.toString())) {
            Publication again = new TablePublisher(w, connection, MartCatalog.NAMES).publish(SECOND, true);
            for (String mart : MartCatalog.NAMES) {
                Table t = table(mart);
                assertThat(t.snapshots()).hasSize(3);
                assertThat(t.currentSnapshot().snapshotId()).isEqualTo(before.get(mart));
                assertThat(again.tables().get(mart).snapshotId()).isEqualTo(before.get(mart));
            }
        }
    }

    @Test
    void verifyChecksThatEveryTablesTagListsExactlyTheRunsFiles() throws Exception {
        CommandRun ok = CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "verify",
                        "--warehouse",
                        warehouse.toString(),
                        "--run",
                        FIRST,
                        "--inbox",
                        "sample-data",
                        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs")));
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("the tag run-" + FIRST + " of all 11 tables lists them");

        // move one table's tag of the first run to the second run's snapshot: the audit names it
        Table t = table("model_comparison");
        long tagged = t.refs().get("run-" + FIRST).snapshotId();
        t.manageSnapshots()
                .replaceTag("run-" + FIRST, t.currentSnapshot().snapshotId())
                .commit();
        try (Warehouse w = Warehouse.open(warehouse.toString())) {
            List<String> differing = new ArrayList<>();
            assertThat(new TableAudit(w, connection, MartCatalog.NAMES).check(FIRST, differing))
                    .isEqualTo(11);
            String second = "file:" + warehouse + "/runs/" + SECOND + "/marts/model_comparison/";
            String first = "file:" + warehouse + "/runs/" + FIRST + "/marts/model_comparison/";
            assertThat(differing)
                    .containsExactlyInAnyOrder(
                            "pl_impact.pli.model_comparison (tag run-" + FIRST + ": lists " + second
                                    + "school_year=2024-25/part-00000.parquet, not in the manifest)",
                            "pl_impact.pli.model_comparison (tag run-" + FIRST + ": lists " + second
                                    + "school_year=2025-26/part-00000.parquet, not in the manifest)",
                            "pl_impact.pli.model_comparison (tag run-" + FIRST + ": lacks " + first
                                    + "school_year=2024-25/part-00000.parquet)",
                            "pl_impact.pli.model_comparison (tag run-" + FIRST + ": lacks " + first
                                    + "school_year=2025-26/part-00000.parquet)",
                            "pl_impact.pli.model_comparison (tag run-" + FIRST + ": points at snapshot "
                                    + t.currentSnapshot().snapshotId() + ", the manifest records " + tagged + ")");
        } finally {
            table("model_comparison")
                    .manageSnapshots()
                    .replaceTag("run-" + FIRST, tagged)
                    .commit();
        }
    }

    @Test
    void theManifestRecordsEachTablesSnapshot() throws Exception {
        Publication p = ManifestPublication.read(
                Files.readAllBytes(warehouse.resolve("runs").resolve(OLDER).resolve("manifest.json")));
        assertThat(p.tag()).isEqualTo("run-" + OLDER);
        assertThat(p.main()).isFalse();
        assertThat(p.catalog()).isEqualTo("pl_impact");
        assertThat(p.tables().keySet()).containsExactlyElementsOf(MartCatalog.NAMES);
        for (String mart : MartCatalog.NAMES) {
            assertThat(p.tables().get(mart).snapshotId())
                    .isEqualTo(table(mart).refs().get("run-" + OLDER).snapshotId());
            assertThat(p.tables().get(mart).files())
                    .isEqualTo(runFiles(OLDER, mart).size());
        }
        assertThat(ManifestPublication.read(Files.readAllBytes(
                                warehouse.resolve("runs").resolve(SECOND).resolve("manifest.json")))
                        .main())
                .isTrue();
    }
}
