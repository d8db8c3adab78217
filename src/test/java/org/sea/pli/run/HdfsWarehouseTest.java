package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;

/**
 * The nightly run and publish on a real HDFS (docs/spec.md §7: "URI is a local path or any Hadoop
 * FileSystem URI"): a {@link MiniDFSCluster} in this JVM, the warehouse given as {@code hdfs://},
 * the published marts copied back and read with DuckDB as a BI tool would.
 */
class HdfsWarehouseTest {

    @TempDir
    static java.nio.file.Path tmp;

    static MiniDFSCluster cluster;
    static String warehouse;
    static CommandRun run;

    @BeforeAll
    static void runTheSampleOnHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        warehouse = "hdfs://localhost:" + cluster.getNameNodePort() + "/pli/warehouse";
        run = CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "run",
                        "--inbox",
                        "sample-data",
                        "--warehouse",
                        warehouse,
                        "--as-of",
                        "2026-06-30",
                        "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobs")));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void theRunPublishesEveryMartOnHdfs() throws Exception {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        FileSystem fs = cluster.getFileSystem();
        Path current = new Path("/pli/warehouse/current");
        for (String mart : org.sea.pli.mart.MartCatalog.NAMES) {
            assertThat(fs.getFileStatus(new Path(current, mart)).isDirectory())
                    .as(mart)
                    .isTrue();
        }
        assertThat(fs.exists(new Path("/pli/warehouse/runs/2026-06-30_1/marts/load_report/part-00000.parquet")))
                .isTrue();
        assertThat(fs.exists(new Path(current, "_PUBLISHED"))).isTrue();

        java.nio.file.Path local = tmp.resolve("copied");
        fs.copyToLocalFile(false, current, new org.apache.hadoop.fs.Path(local.toUri()), true);
        long sampleFiles;
        try (Stream<java.nio.file.Path> s = Files.walk(java.nio.file.Path.of("sample-data"))) {
            sampleFiles = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals("_state"))
                    .count();
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            assertThat(count(st, "read_parquet('" + local.resolve("load_report/part-00000.parquet") + "')"))
                    .isEqualTo(sampleFiles);
            assertThat(count(
                            st,
                            "read_parquet('" + local.resolve("cohort_impact") + "/**/*.parquet',"
                                    + " hive_partitioning = true)"))
                    .isPositive();
            assertThat(count(
                            st,
                            "read_parquet('" + local.resolve("cohort_impact") + "/**/*.parquet',"
                                    + " hive_partitioning = true) WHERE school_year = '2025-26'"))
                    .isPositive();
        }
    }

    @Test
    void quarantineIsWrittenOnHdfsToo() throws IOException {
        assertThat(run.code()).isZero();
        FileSystem fs = cluster.getFileSystem();
        assertThat(fs.listStatus(new Path("/pli/warehouse/runs/2026-06-30_1/quarantine")))
                .isNotEmpty();
    }

    @Test
    void anUnreachableHdfsFailsFastWithOneLine() {
        long started = System.nanoTime();
        CommandRun r = CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "run",
                        "--inbox",
                        "sample-data",
                        "--warehouse",
                        "hdfs://127.0.0.1:1/pli/warehouse",
                        "--as-of",
                        "2026-06-30",
                        "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobs-unreachable")));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err())
                .startsWith("pl-impact: run failed: cannot open warehouse hdfs://127.0.0.1:1/pli/warehouse")
                .contains("Connection refused")
                .doesNotContain("\tat ");
        assertThat(seconds).as("seconds to fail").isLessThan(15);
    }

    private static long count(Statement st, String from) throws Exception {
        try (ResultSet r = st.executeQuery("SELECT count(*) FROM " + from)) {
            r.next();
            return r.getLong(1);
        }
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
