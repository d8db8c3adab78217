package org.sea.pli.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.storage.Warehouse;

/**
 * The warehouse on {@code s3a://} against a real S3 API server: Adobe S3Mock's standalone jar in a
 * child JVM on a loopback port (target/s3mock/, copied by the build). Runs are child JVMs too, with
 * the S3 settings in a {@code core-site.xml} first on their classpath, as in production. A run,
 * {@code verify}, then a run killed mid-publish: each table is left at the previous run's snapshot
 * or the new run's, never between, and the same command completes it.
 */
class S3WarehouseTest {

    @TempDir
    static Path tmp;

    static Process s3;
    static int port;
    static final String WAREHOUSE = "s3a://lake/pli";

    @BeforeAll
    static void startS3() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        s3 = new ProcessBuilder(
                        java(),
                        "-Xmx256m",
                        "-jar",
                        Path.of("target/s3mock/s3mock-exec.jar")
                                .toAbsolutePath()
                                .toString(),
                        "--server.port=0",
                        "--http.port=" + port,
                        "--server.address=127.0.0.1",
                        "--com.adobe.testing.s3mock.store.root=" + tmp.resolve("s3"),
                        "--com.adobe.testing.s3mock.store.initial-buckets=lake")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("s3mock.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!listsTheBucket()) {
            assertThat(s3.isAlive())
                    .as("S3Mock exited: " + Files.readString(tmp.resolve("s3mock.log")))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("S3Mock did not answer within 2 minutes")
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
        Path conf = Files.createDirectories(tmp.resolve("conf"));
        StringBuilder xml = new StringBuilder("<configuration>\n");
        settings()
                .entrySet()
                .forEach(e -> xml.append("<property><name>")
                        .append(e.getKey())
                        .append("</name><value>")
                        .append(e.getValue())
                        .append("</value></property>\n"));
        Files.writeString(conf.resolve("core-site.xml"), xml.append("</configuration>\n"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.destroy();
            s3.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static boolean listsTheBucket() {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200
                    && new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .contains("<Name>lake</Name>");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The S3 settings of the runs' core-site.xml. */
    private static java.util.Map<String, String> settings() {
        java.util.Map<String, String> s = new java.util.TreeMap<>();
        s.put("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        s.put("fs.s3a.endpoint.region", "us-east-1");
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        s.put("fs.s3a.access.key", "test-access");
        s.put("fs.s3a.secret.key", "test-secret");
        return s;
    }

    private static Configuration s3a() {
        Configuration c = new Configuration();
        settings().forEach(c::set);
        return c;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-cp",
                tmp.resolve("conf") + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                "org.sea.pli.cli.PlImpactCommand"));
        command.addAll(List.of(args));
        command.add("--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobs") + ";WRITE_DELAY=0");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        tmp.resolve(name + ".log").toFile()));
        pb.environment().put("PLI_PSEUDONYM_KEY", "s3-test-key");
        return pb.start();
    }

    private static String log(String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private static int finish(Process p) throws Exception {
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    private static Process run(String name) throws IOException {
        return start(name, "run", "--inbox", "sample-data", "--warehouse", WAREHOUSE, "--as-of", "2026-06-30");
    }

    @Test
    void runVerifyAndARunKilledMidPublishOnS3() throws Exception {
        assertThat(finish(run("first"))).as(log("first")).isZero();
        Process verify =
                start("verify", "verify", "--warehouse", WAREHOUSE, "--run", "2026-06-30_1", "--inbox", "sample-data");
        assertThat(finish(verify)).as(log("verify")).isZero();
        assertThat(log("verify")).contains("the tag run-2026-06-30_1 of all 11 tables lists them");

        // the second run is killed once current/ is switched, while it commits the tables
        Process second = run("second");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!log("second").contains("published to " + WAREHOUSE)) {
            assertThat(second.isAlive()).as(log("second")).isTrue();
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        second.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        second.waitFor(1, TimeUnit.MINUTES);
        assertThat(log("second")).doesNotContain("11 tables tagged run-2026-06-30_2");

        int moved = 0;
        try (Warehouse w = Warehouse.open(WAREHOUSE, s3a());
                JdbcCatalog catalog = connection().open(w.fs())) {
            for (String mart : MartCatalog.NAMES) {
                Table t = catalog.loadTable(MartTables.identifier(mart));
                String at = t.currentSnapshot().summary().get(MartTables.RUN_ID);
                assertThat(at).as(mart).isIn("2026-06-30_1", "2026-06-30_2");
                // whichever run a table is at, it holds exactly that run's files, with its tag
                assertThat(t.refs().get("run-" + at).snapshotId())
                        .isEqualTo(t.currentSnapshot().snapshotId());
                assertThat(files(t))
                        .as(mart)
                        .allMatch(f -> f.startsWith(WAREHOUSE + "/runs/" + at + "/marts/" + mart + "/"));
                moved += at.equals("2026-06-30_2") ? 1 : 0;
            }
        }
        System.out.println("tables committed before the kill: " + moved + " of 11");

        assertThat(finish(run("second"))).as(log("second")).isZero(); // the same command resumes it
        try (Warehouse w = Warehouse.open(WAREHOUSE, s3a());
                JdbcCatalog catalog = connection().open(w.fs())) {
            for (String mart : MartCatalog.NAMES) {
                Table t = catalog.loadTable(MartTables.identifier(mart));
                assertThat(t.currentSnapshot().summary()).containsEntry(MartTables.RUN_ID, "2026-06-30_2");
                assertThat(t.snapshots()).as(mart).hasSize(2); // the restart committed nothing twice
                assertThat(t.refs().keySet()).contains("run-2026-06-30_1", "run-2026-06-30_2");
            }
        }
    }

    private static CatalogConnection connection() {
        return new CatalogConnection(
                "jdbc:h2:file:" + tmp.resolve("jobs"), "sa", "", "pl_impact", WAREHOUSE + "/iceberg");
    }

    private static Set<String> files(Table t) throws IOException {
        Set<String> files = new TreeSet<>();
        try (CloseableIterable<FileScanTask> tasks = t.newScan().planFiles()) {
            tasks.forEach(task -> files.add(task.file().location()));
        }
        return files;
    }
}
