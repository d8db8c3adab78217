package org.sea.pli.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.storage.Warehouse;
import org.sea.pli.testing.CommandRun;
import org.sea.pli.testing.TestPostgres;

/**
 * The mart tables with the job repository, and so the catalog, on PostgreSQL (the production
 * backend): two runs of the sample, each opening the catalog anew, in a schema of the test's own
 * while other schemas of the database hold catalogs too.
 */
class MartTablesPostgresTest {

    @TempDir
    Path work;

    @Test
    void twoRunsLeaveElevenTablesWithTwoSnapshotsAndTwoTagsInTheJobRepositorysSchema() throws Exception {
        TestPostgres.Schema schema = TestPostgres.require().newSchema("tables");
        Path warehouse = work.resolve("warehouse");
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(List.of(
                    "run", "--inbox", "sample-data", "--warehouse", warehouse.toString(), "--as-of", "2026-06-30"));
            args.addAll(schema.springArguments());
            CommandRun r = CommandRun.execute(CommandRun.KEY_ENV, args);
            assertThat(r.code()).as(r.err()).isZero();
        }
        assertThat(schema.queryLong("SELECT count(*) FROM iceberg_tables WHERE catalog_name = 'pl_impact'"
                        + " AND table_namespace = 'pli'"))
                .isEqualTo(11);
        CatalogConnection connection = new CatalogConnection(
                schema.url(),
                TestPostgres.require().user(),
                TestPostgres.require().password(),
                "pl_impact",
                "file:" + warehouse + "/iceberg");
        try (Warehouse w = Warehouse.open(warehouse.toString());
                JdbcCatalog catalog = connection.open(w.fs())) {
            for (String mart : MartCatalog.NAMES) {
                Table t = catalog.loadTable(MartTables.identifier(mart));
                assertThat(t.snapshots()).as(mart).hasSize(2);
                assertThat(t.refs().keySet()).containsExactlyInAnyOrder("main", "run-2026-06-30_1", "run-2026-06-30_2");
                assertThat(t.currentSnapshot().summary()).containsEntry(MartTables.RUN_ID, "2026-06-30_2");
            }
        }
    }
}
