package org.sea.pli.lakehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second engine reads the mart tables (docs/lakehouse.md): two pl-impact runs on a copy of
 * {@code sample-data/}, the second after one LEA sent one newer file, then Apache Spark in local
 * mode reads every {@code pli.<mart>} table through the same Iceberg JDBC catalog, at the current
 * snapshot and at the first run's tag, and DuckDB reads the Parquet files those should hold
 * ({@code current/} and {@code runs/<first run>/marts/}): the same rows, value for value.
 *
 * <p>The catalog is the one a run uses by default: the job repository's embedded H2 file, which
 * another process can open once the run has ended. That is what a user has after README's first
 * command, and it needs no server, so the test runs on any machine; the same catalog on PostgreSQL
 * is written by {@code MartTablesPostgresTest}, and Iceberg's JDBC catalog reads both with the same
 * queries.
 */
class SparkReadsMartTablesIT {

    /** The catalog's name is the key its rows are stored under: pl-impact's {@code pli.catalog-name}. */
    static final String CATALOG = "pl_impact";

    static final String NEW_FILE = "satisfaction_2026-07-15.csv";
    static final String REPLACED_FILE = "satisfaction_2026-06-30.csv";

    @TempDir
    static Path tmp;

    static Path home;
    static Path warehouse;
    static List<String> marts;
    static String firstRun;
    static String secondRun;
    static SparkSession spark;
    static Connection duckdb;

    @BeforeAll
    static void twoRunsThenSpark() throws Exception {
        home = Path.of(System.getProperty("pli.home", "..")).toAbsolutePath().normalize();
        PlImpactProcess pli = new PlImpactProcess(home, tmp);
        assertThat(pli.jar())
                .as("pl-impact is built: run `mvn -B verify` (or `mvn -B -q package -DskipTests`) in %s first", home)
                .isRegularFile();
        assertThat(home.resolve("target/lib/h2-" + org.h2.engine.Constants.VERSION + ".jar"))
                .as("the H2 of this test (spark-it/pom.xml h2.version) is pl-impact's (target/lib): H2 opens"
                        + " only files of its own format")
                .isRegularFile();
        try (Stream<Path> files = Files.list(home.resolve("schemas/marts"))) {
            marts = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        }

        Path inbox = tmp.resolve("inbox");
        copyTree(home.resolve("sample-data"), inbox);
        warehouse = tmp.resolve("warehouse");
        String catalogUrl = "jdbc:h2:file:" + tmp.resolve("job-repository");
        firstRun = pli.run(inbox, warehouse, "2026-06-30", catalogUrl);
        // lea-0001 sends its 2025-26 satisfaction again, only the first 300 responses of the 655
        List<String> lines =
                Files.readAllLines(inbox.resolve("lea-0001").resolve(REPLACED_FILE), StandardCharsets.UTF_8);
        Files.writeString(
                inbox.resolve("lea-0001").resolve(NEW_FILE),
                String.join("\n", lines.subList(0, 1 + 300)) + "\n",
                StandardCharsets.UTF_8);
        secondRun = pli.run(inbox, warehouse, "2026-07-31", catalogUrl);

        spark = SparkSession.builder()
                .master("local[2]")
                .appName("pl-impact-spark-it")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.debug.maxToStringFields", "100")
                .config(
                        "spark.sql.warehouse.dir",
                        tmp.resolve("spark-warehouse").toUri().toString())
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                // the catalog settings docs/lakehouse.md gives a Spark user
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog." + CATALOG + ".type", "jdbc")
                .config("spark.sql.catalog." + CATALOG + ".uri", catalogUrl)
                .config("spark.sql.catalog." + CATALOG + ".jdbc.user", "sa")
                .config("spark.sql.catalog." + CATALOG + ".jdbc.password", "")
                .config(
                        "spark.sql.catalog." + CATALOG + ".warehouse",
                        warehouse.resolve("iceberg").toUri().toString())
                .getOrCreate();
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void stop() throws Exception {
        if (duckdb != null) {
            duckdb.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theCatalogHasOneTablePerMart() {
        List<String> tables = spark.sql("SHOW TABLES IN " + CATALOG + ".pli").collectAsList().stream()
                .map(r -> r.getString(r.fieldIndex("tableName")))
                .sorted()
                .toList();
        assertThat(marts).as("schemas/marts/*.json").hasSize(11);
        assertThat(tables).containsExactlyElementsOf(marts);
    }

    @TestFactory
    Stream<DynamicTest> everyTableAtItsCurrentSnapshotHoldsWhatCurrentHolds() {
        return marts.stream()
                .map(mart -> dynamicTest(
                        mart,
                        () -> sameRows(
                                mart, table(mart), warehouse.resolve("current").resolve(mart))));
    }

    @TestFactory
    Stream<DynamicTest> everyTableAtTheFirstRunsTagHoldsWhatThatRunPublished() {
        return marts.stream()
                .map(mart -> dynamicTest(
                        mart,
                        () -> sameRows(
                                mart,
                                atFirstRun(mart),
                                warehouse
                                        .resolve("runs")
                                        .resolve(firstRun)
                                        .resolve("marts")
                                        .resolve(mart))));
    }

    /**
     * The tag and the main branch are different snapshots, so the two reads above cannot both pass by
     * reading the same one. In load_report (spec §5.7: one row per file under an LEA folder) the
     * second run has the one new file more. By spec §1.1 the new file, the newest of lea-0001's
     * satisfaction files claiming 2025-26 (all 300 of its rows), is in force for that year, and the
     * file it replaces (655 rows, all 2025-26) is then superseded; the 2024-25 file (680 rows) stays.
     */
    @Test
    void theTagKeepsTheFirstRunWhileTheMainBranchMovedToTheSecond() {
        String satisfaction =
                "SELECT file, status, rows_read FROM %s WHERE lea_id = 'lea-0001'" + " AND extract = 'satisfaction'";
        assertThat(MartRows.spark(spark, String.format(Locale.ROOT, satisfaction, atFirstRun("load_report"))))
                .containsExactly(
                        List.of("satisfaction_2025-06-30.csv", "in_force", 680L),
                        List.of(REPLACED_FILE, "in_force", 655L));
        assertThat(MartRows.spark(spark, String.format(Locale.ROOT, satisfaction, table("load_report"))))
                .containsExactly(
                        List.of("satisfaction_2025-06-30.csv", "in_force", 680L),
                        List.of(REPLACED_FILE, "superseded", 655L),
                        List.of(NEW_FILE, "in_force", 300L));
        assertThat(count(table("load_report"))).isEqualTo(count(atFirstRun("load_report")) + 1);

        assertThat(secondRun).isNotEqualTo(firstRun);
        for (String mart : marts) {
            assertThat(snapshotRun(mart, "main")).as("%s: main", mart).isEqualTo(secondRun);
            assertThat(snapshotRun(mart, "run-" + firstRun)).as("%s: tag", mart).isEqualTo(firstRun);
        }
    }

    static String table(String mart) {
        return CATALOG + ".pli." + mart;
    }

    static String atFirstRun(String mart) {
        return table(mart) + " VERSION AS OF 'run-" + firstRun + "'";
    }

    static long count(String from) {
        return spark.sql("SELECT count(*) FROM " + from).first().getLong(0);
    }

    /** The {@code pl-impact.run-id} of the snapshot the ref {@code ref} (tag or branch) points at. */
    static String snapshotRun(String mart, String ref) {
        return spark.sql("SELECT s.summary['pl-impact.run-id'] FROM " + table(mart) + ".refs r JOIN "
                        + table(mart) + ".snapshots s ON s.snapshot_id = r.snapshot_id WHERE r.name = '" + ref
                        + "'")
                .first()
                .getString(0);
    }

    /** Spark's rows of {@code from} are DuckDB's rows of the Parquet files under {@code folder}. */
    static void sameRows(String mart, String from, Path folder) throws Exception {
        String[] columns = spark.table(table(mart)).columns();
        assertThat(folder).isDirectory();
        boolean partitioned = hasPartitionFolder(folder);
        String parquet = "read_parquet('" + folder + (partitioned ? "/*/*.parquet" : "/*.parquet")
                + "', hive_partitioning = " + partitioned
                + (partitioned ? ", hive_types = {'school_year': VARCHAR}" : "") + ")";
        List<String> duckColumns =
                MartRows.jdbc(duckdb, "SELECT column_name FROM (DESCRIBE SELECT * FROM " + parquet + ")").stream()
                        .map(r -> (String) r.get(0))
                        .toList();
        assertThat(duckColumns).as("%s: columns of the files", mart).containsExactlyInAnyOrder(columns);

        List<List<Object>> bySpark = MartRows.spark(spark, "SELECT " + quoted(columns, '`') + " FROM " + from);
        List<List<Object>> byDuckDb = MartRows.jdbc(duckdb, "SELECT " + quoted(columns, '"') + " FROM " + parquet);

        assertThat(byDuckDb).as("%s: rows in %s", mart, folder).isNotEmpty();
        assertThat(MartRows.firstDifference(byDuckDb, bySpark))
                .as("%s: Spark's %s against DuckDB's %s", mart, from, folder)
                .isNull();
        assertThat(bySpark).isEqualTo(byDuckDb);
    }

    static boolean hasPartitionFolder(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("school_year="));
        }
    }

    static String quoted(String[] columns, char quote) {
        return Arrays.stream(columns).map(c -> quote + c + quote).collect(Collectors.joining(", "));
    }

    static void copyTree(Path from, Path to) throws Exception {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(paths::add);
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }
}
