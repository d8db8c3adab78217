package org.sea.pli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.FileResult;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.parquet.WrittenFile;

/**
 * The metrics file of a night: the families and values a hand-made run must give, the text format
 * as {@code promtool check metrics} reads it, the atomic write, and the last success carried from
 * one night's file to the next.
 */
class RunMetricsTest {

    @TempDir
    Path dir;

    private static FileOutcome file(
            String lea, String name, String extract, FileStatus status, long read, long rejected) {
        FileResult result = new FileResult(
                "00",
                10,
                read,
                read - rejected,
                rejected,
                Map.of(),
                null,
                status == FileStatus.REJECTED ? FileReason.MISSING_COLUMN : null,
                new TreeMap<>(),
                new TreeSet<>(),
                1_000_000);
        return new FileOutcome(
                new InboxFile(
                        lea, name, lea + "/" + name, Path.of(name), extract, LocalDate.of(2026, 6, 30), false, null),
                "00",
                10,
                result,
                status,
                status == FileStatus.REJECTED ? FileReason.MISSING_COLUMN : null);
    }

    private static RunSummary.Facts run() {
        return new RunSummary.Facts(
                "2026-06-30_2",
                "2026-06-30",
                "file:/w",
                "file:/w/current",
                true,
                List.of(
                        file("lea-0001", "attendance_2026-06-30.csv", "attendance", FileStatus.IN_FORCE, 100, 4),
                        file("lea-0001", "roster_2026-06-30.csv", "roster", FileStatus.REJECTED, 7, 7),
                        file("lea-0002", "attendance_2026-06-30.csv", "attendance", FileStatus.IN_FORCE, 50, 0)),
                List.of(
                        new WrittenFile("cohort_impact/school_year=2025-26/part-00000.parquet", "00", 12),
                        new WrittenFile("cohort_impact/school_year=2024-25/part-00000.parquet", "00", 8),
                        new WrittenFile("load_report/part-00000.parquet", "00", 3)),
                List.of(new Phase("load", Duration.ofMillis(1500)), Phase.skipped("marts")));
    }

    private static final Instant FINISHED = Instant.parse("2026-07-01T02:00:05Z");

    private static String text(RunMetrics.Night night) throws IOException {
        return new String(MetricsFile.text(RunMetrics.of(night)), StandardCharsets.UTF_8);
    }

    @Test
    void aNightGivesEachFamilyItsHandCountedValues() throws IOException {
        String text = text(new RunMetrics.Night(
                FINISHED,
                0,
                Duration.ofMillis(61_500),
                FINISHED,
                run(),
                List.of(
                        new RunMetrics.Submission("lea-0001", "attendance", "in_force", 3),
                        new RunMetrics.Submission("lea-0001", "roster", "rejected", null))));
        // 2026-07-01T02:00:05Z = 1782871205 s since the epoch (20635 days × 86400 + 7205)
        assertThat(text).contains("pl_impact_last_run_timestamp_seconds 1.782871205E9\n");
        assertThat(text).contains("pl_impact_last_success_timestamp_seconds 1.782871205E9\n");
        assertThat(text).contains("pl_impact_exit_code 0.0\n");
        assertThat(text).contains("pl_impact_run_duration_seconds 61.5\n");
        assertThat(text).contains("pl_impact_phase_duration_seconds{phase=\"load\"} 1.5\n");
        assertThat(text).doesNotContain("phase=\"marts\""); // skipped by a restart: no time to report
        // files: 2 in force, 1 rejected, the other statuses 0
        assertThat(text).contains("pl_impact_files{status=\"in_force\"} 2.0\n");
        assertThat(text).contains("pl_impact_files{status=\"rejected\"} 1.0\n");
        assertThat(text).contains("pl_impact_files{status=\"ignored\"} 0.0\n");
        // attendance: read 100 + 50 = 150, rejected 4 + 0 = 4, accepted 96 + 50 = 146
        assertThat(text).contains("pl_impact_rows_read{extract=\"attendance\"} 150.0\n");
        assertThat(text).contains("pl_impact_rows_accepted{extract=\"attendance\"} 146.0\n");
        assertThat(text).contains("pl_impact_rows_rejected{extract=\"attendance\"} 4.0\n");
        assertThat(text).contains("pl_impact_rows_rejected{extract=\"roster\"} 7.0\n");
        assertThat(text).contains("pl_impact_rows_read{extract=\"pl_funding\"} 0.0\n");
        assertThat(text).contains("pl_impact_lea_rejected_files{lea_id=\"lea-0001\"} 1.0\n");
        assertThat(text).contains("pl_impact_lea_rejected_files{lea_id=\"lea-0002\"} 0.0\n");
        // cohort_impact: 12 + 8 rows over its two partitions
        assertThat(text).contains("pl_impact_mart_rows{mart=\"cohort_impact\"} 20.0\n");
        assertThat(text).contains("pl_impact_mart_rows{mart=\"load_report\"} 3.0\n");
        // 3 days = 3 × 86400 = 259200 s
        assertThat(text)
                .contains("pl_impact_lea_extract_age_seconds{extract=\"attendance\",lea_id=\"lea-0001\"} 259200.0\n");
        assertThat(text).doesNotContain("pl_impact_lea_extract_age_seconds{extract=\"roster\"");
        assertThat(text).contains("pl_impact_lea_extract_in_force{extract=\"roster\",lea_id=\"lea-0001\"} 0.0\n");
        assertThat(text).contains("# TYPE pl_impact_files gauge\n");
    }

    @Test
    void aNightWithoutARunIdStillSaysItFailedAndWhen() throws IOException {
        String text = text(new RunMetrics.Night(FINISHED, 1, Duration.ofSeconds(2), null, null, List.of()));
        assertThat(text).contains("pl_impact_exit_code 1.0\n");
        assertThat(text).contains("pl_impact_last_run_timestamp_seconds 1.782871205E9\n");
        assertThat(text).doesNotContain("pl_impact_last_success_timestamp_seconds");
        assertThat(text).doesNotContain("pl_impact_files");
    }

    @Test
    void theFileIsReplacedWholeAndCarriesTheLastSuccessToAFailedNight() throws IOException {
        Path file = dir.resolve("pl_impact.prom");
        MetricsFile.write(
                file,
                RunMetrics.of(new RunMetrics.Night(FINISHED, 0, Duration.ofSeconds(60), FINISHED, run(), List.of())));
        assertThat(MetricsFile.lastSuccess(file)).isEqualTo(FINISHED);

        Instant nextNight = FINISHED.plus(Duration.ofDays(1));
        Instant carried = MetricsFile.lastSuccess(file);
        MetricsFile.write(
                file,
                RunMetrics.of(new RunMetrics.Night(nextNight, 1, Duration.ofSeconds(3), carried, null, List.of())));
        String text = Files.readString(file);
        assertThat(text).contains("pl_impact_exit_code 1.0\n");
        assertThat(text).contains("pl_impact_last_success_timestamp_seconds 1.782871205E9\n");
        assertThat(text).doesNotContain("pl_impact_files"); // nothing of the earlier night is left
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pl_impact.prom"); // no temp left
        }
        assertThat(MetricsFile.lastSuccess(dir.resolve("absent.prom"))).isNull();
    }

    @Test
    void thePushIsAPutOfTheSameTextToTheGroupingUrl() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics/job/pl_impact", exchange -> {
            seen.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            var metrics =
                    RunMetrics.of(new RunMetrics.Night(FINISHED, 1, Duration.ofSeconds(2), null, null, List.of()));
            MetricsFile.push(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics/job/pl_impact"),
                    metrics);
            assertThat(seen)
                    .containsExactly(
                            "PUT text/plain; version=0.0.4; charset=utf-8",
                            new String(MetricsFile.text(metrics), StandardCharsets.UTF_8));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void promtoolAcceptsTheFile() throws Exception {
        Path promtool = Promtool.find();
        assumeTrue(promtool != null || Promtool.required(), "promtool is not installed (Debian package prometheus)");
        assertThat(promtool).as("promtool, required under CI").isNotNull();
        Path file = dir.resolve("pl_impact.prom");
        MetricsFile.write(
                file,
                RunMetrics.of(new RunMetrics.Night(
                        FINISHED,
                        0,
                        Duration.ofSeconds(60),
                        FINISHED,
                        run(),
                        List.of(new RunMetrics.Submission("lea-0001", "attendance", "in_force", 3)))));
        Promtool.Result check = Promtool.run(dir, "check", "metrics", file);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).isBlank(); // promtool prints nothing for a clean file (lint problems otherwise)
    }
}
