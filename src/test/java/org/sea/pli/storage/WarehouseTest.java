package org.sea.pli.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec §6 Publish: current/ switches to a run's marts only once all are in place. */
class WarehouseTest {
    @TempDir
    Path tmp;

    Warehouse w;

    @BeforeEach
    void open() throws IOException {
        w = Warehouse.open(tmp.resolve("wh").toString());
    }

    @AfterEach
    void close() throws IOException {
        w.close();
    }

    private void fakeMart(String runId, String mart, String partition, String content) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(w.martsDir(runId), mart);
        if (partition != null) {
            dir = new org.apache.hadoop.fs.Path(dir, "school_year=" + partition);
        }
        try (OutputStream out = w.fs().create(new org.apache.hadoop.fs.Path(dir, "part-00000.parquet"))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private Path local(org.apache.hadoop.fs.Path p) {
        return Path.of(p.toUri());
    }

    @Test
    void locationsResolve() throws IOException {
        assertThat(w.root().toUri().getScheme()).isEqualTo("file");
        assertThat(local(w.root())).isEqualTo(tmp.resolve("wh"));
        assertThat(w.martsDir("2026-06-30_1").toString()).endsWith("/wh/runs/2026-06-30_1/marts");
        assertThat(w.currentDir().toString()).endsWith("/wh/current");
        // a relative path is made absolute and never ends in '/', whatever the working directory holds
        String relative = WarehouseLocation.toUri("./warehouse").toString();
        assertThat(relative).startsWith("file:/").endsWith("/warehouse");
        // the same URI whether the directory exists yet or not: it identifies the run's job instance
        Path existing = Files.createDirectories(tmp.resolve("existing"));
        Path missing = tmp.resolve("missing");
        assertThat(WarehouseLocation.toUri(existing.toString()).toString())
                .isEqualTo("file://" + existing.toAbsolutePath());
        assertThat(WarehouseLocation.toUri(missing.toString()).toString())
                .isEqualTo("file://" + missing.toAbsolutePath());
        assertThat(WarehouseLocation.toUri("hdfs://nn:8020/pli").toString()).isEqualTo("hdfs://nn:8020/pli");
        assertThat(WarehouseLocation.toUri("s3a://bucket/pli").getScheme()).isEqualTo("s3a");
        try (Warehouse viaUri = Warehouse.open(tmp.resolve("wh").toUri().toString())) {
            assertThat(viaUri.root()).isEqualTo(w.root());
        }
        assertThatThrownBy(() -> w.runDir("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Warehouse.open(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runIdsSortByAsOfThenNumber() throws IOException {
        assertThat(RunIds.list(w)).isEmpty();
        for (String id : List.of("2026-06-30_10", "2026-06-30_2", "2026-05-31_1", "2026-06-30_1")) {
            w.fs().mkdirs(w.runDir(id));
        }
        assertThat(RunIds.list(w)).containsExactly("2026-05-31_1", "2026-06-30_1", "2026-06-30_2", "2026-06-30_10");
    }

    @Test
    void publishSwitchesCurrentToExactlyTheRunsMarts() throws IOException {
        assertThat(new Publisher(w).publishedRunId()).isEmpty();
        fakeMart("2026-06-30_1", "cohort_impact", "2025-26", "run1-ci");
        fakeMart("2026-06-30_1", "cohort_impact", "2024-25", "run1-ci-old");
        fakeMart("2026-06-30_1", "load_report", null, "run1-lr");

        new Publisher(w).publish("2026-06-30_1", List.of("cohort_impact", "load_report"));

        Path current = local(w.currentDir());
        assertThat(filesUnder(current))
                .containsExactly(
                        "_PUBLISHED",
                        "cohort_impact/school_year=2024-25/part-00000.parquet",
                        "cohort_impact/school_year=2025-26/part-00000.parquet",
                        "load_report/part-00000.parquet");
        assertThat(Files.readString(current.resolve("load_report/part-00000.parquet")))
                .isEqualTo("run1-lr");
        assertThat(Files.readString(current.resolve("_PUBLISHED")))
                .isEqualTo("run_id=2026-06-30_1\nas_of=2026-06-30\n");
        assertThat(new Publisher(w).publishedRunId()).contains("2026-06-30_1");
        // the run's own marts stay (audit, spec §6)
        assertThat(filesUnder(local(w.martsDir("2026-06-30_1")))).hasSize(3);
        // on a local disk current/ holds the run's files themselves (hard links), not copies
        Path runs = local(w.martsDir("2026-06-30_1"));
        assertThat(Files.isSameFile(
                        current.resolve("load_report/part-00000.parquet"),
                        runs.resolve("load_report/part-00000.parquet")))
                .isTrue();
        assertThat(Files.getAttribute(runs.resolve("load_report/part-00000.parquet"), "unix:nlink"))
                .isEqualTo(2);

        fakeMart("2026-07-01_1", "cohort_impact", "2025-26", "run2-ci");
        new Publisher(w).publish("2026-07-01_1", List.of("cohort_impact"));

        assertThat(filesUnder(current))
                .containsExactly("_PUBLISHED", "cohort_impact/school_year=2025-26/part-00000.parquet");
        assertThat(Files.readString(current.resolve("cohort_impact/school_year=2025-26/part-00000.parquet")))
                .isEqualTo("run2-ci");
        assertThat(new Publisher(w).publishedRunId()).contains("2026-07-01_1");
        // the previous current/ is gone, its links with it: the first run's files are whole and alone again
        assertThat(Files.readString(runs.resolve("load_report/part-00000.parquet")))
                .isEqualTo("run1-lr");
        assertThat(Files.getAttribute(runs.resolve("load_report/part-00000.parquet"), "unix:nlink"))
                .isEqualTo(1);
        try (Stream<Path> top = Files.list(tmp.resolve("wh"))) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs", "current");
        }
    }

    @Test
    void aRunMissingAMartDoesNotTouchCurrent() throws IOException {
        fakeMart("2026-06-30_1", "load_report", null, "run1-lr");
        new Publisher(w).publish("2026-06-30_1", List.of("load_report"));

        fakeMart("2026-07-01_1", "load_report", null, "run2-lr");
        assertThatThrownBy(() -> new Publisher(w).publish("2026-07-01_1", List.of("load_report", "cohort_impact")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cohort_impact");

        assertThat(new Publisher(w).publishedRunId()).contains("2026-06-30_1");
        assertThat(Files.readString(local(w.currentDir()).resolve("load_report/part-00000.parquet")))
                .isEqualTo("run1-lr");
    }

    @Test
    void leftoversOfACrashedPublishAreCleanedUp() throws IOException {
        Files.createDirectories(tmp.resolve("wh/current.staging-2026-06-29_1/load_report"));
        Files.createDirectories(tmp.resolve("wh/current.previous-2026-06-29_1/load_report"));
        fakeMart("2026-06-30_1", "load_report", null, "run1-lr");

        new Publisher(w).publish("2026-06-30_1", List.of("load_report"));

        try (Stream<Path> top = Files.list(tmp.resolve("wh"))) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs", "current");
        }
    }

    private void fakeRunFile(String runId, String relative, String content) throws IOException {
        try (OutputStream out = w.fs().create(new org.apache.hadoop.fs.Path(w.runDir(runId), relative))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void publishCarriesRunDirectoriesInTheSameSwitch() throws IOException {
        fakeMart("2026-06-30_1", "a", null, "a1");
        fakeRunFile("2026-06-30_1", "report/index.html", "state");
        fakeRunFile("2026-06-30_1", "report/lea/lea-1.html", "lea");
        new Publisher(w).publish("2026-06-30_1", List.of("a"), List.of("report"));
        Path current = local(w.currentDir());
        assertThat(filesUnder(current))
                .containsExactly("_PUBLISHED", "a/part-00000.parquet", "report/index.html", "report/lea/lea-1.html");
        assertThat(current.resolve("report/lea/lea-1.html")).hasContent("lea");

        // the next run replaces the report with its own, whole
        fakeMart("2026-07-01_1", "a", null, "a2");
        fakeRunFile("2026-07-01_1", "report/index.html", "state 2");
        new Publisher(w).publish("2026-07-01_1", List.of("a"), List.of("report"));
        assertThat(filesUnder(current)).containsExactly("_PUBLISHED", "a/part-00000.parquet", "report/index.html");
        assertThat(current.resolve("report/index.html")).hasContent("state 2");
    }

    @Test
    void aMissingRunDirectoryLeavesCurrentAsItWas() throws IOException {
        fakeMart("2026-06-30_1", "a", null, "a1");
        new Publisher(w).publish("2026-06-30_1", List.of("a"));
        fakeMart("2026-07-01_1", "a", null, "a2");
        assertThatThrownBy(() -> new Publisher(w).publish("2026-07-01_1", List.of("a"), List.of("report")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("report");
        assertThat(new Publisher(w).publishedRunId()).contains("2026-06-30_1");
        assertThat(local(w.currentDir()).resolve("a/part-00000.parquet")).hasContent("a1");
        assertThatThrownBy(() -> new Publisher(w).publish("2026-07-01_1", List.of("a"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Publisher(w).publish("2026-07-01_1", List.of("a"), List.of("../x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
