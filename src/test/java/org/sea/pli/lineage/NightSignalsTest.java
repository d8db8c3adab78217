package org.sea.pli.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.stage.ManifestStage;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.testing.CommandRun;

/**
 * A night's signals end to end: the sample run with the metrics file and a lineage endpoint (a local
 * HTTP server), then a failed night (a broken state registry) into the same metrics file, then a
 * night whose lineage endpoint is dead. The metrics file must say each night's exit code and carry
 * the last success; lineage.jsonl and the endpoint must hold START then COMPLETE (or FAIL), valid
 * against the OpenLineage JSON schema, every mart as an output with its schema and rows.
 */
@org.sea.pli.cli.SuppressForbidden(
        reason = "the JDK's own HTTP server stands in for a lineage endpoint or a Pushgateway on loopback")
class NightSignalsTest {

    @TempDir
    static Path tmp;

    static HttpServer server;
    static final List<String> posted = Collections.synchronizedList(new ArrayList<>());
    static Path metrics;
    static Path warehouse;
    static CommandRun good;
    static String metricsAfterGood;
    static CommandRun failed;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void twoNights() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/lineage", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                posted.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        metrics = tmp.resolve("textfile/pl_impact.prom");
        Files.createDirectories(metrics.getParent());
        warehouse = tmp.resolve("warehouse");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/lineage";
        good = run(Path.of("sample-data"), "--pli.metrics-file=" + metrics, "--pli.lineage-url=" + url);
        metricsAfterGood = Files.readString(metrics);

        Path broken = tmp.resolve("broken-inbox");
        copyTree(Path.of("sample-data"), broken);
        Files.writeString(broken.resolve("_state/leas.csv"), "not,a,registry\n");
        failed = run(broken, "--pli.metrics-file=" + metrics, "--pli.lineage-url=" + url);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static CommandRun run(Path inbox, String... settings) {
        return runInto(warehouse, inbox, settings);
    }

    private static CommandRun runInto(Path warehouse, Path inbox, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                "2026-06-30",
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobs")));
        args.addAll(List.of(settings));
        return CommandRun.execute(CommandRun.KEY_ENV, args);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The run's events, each checked against the OpenLineage JSON schema on the way in. */
    private static List<JsonNode> events(String runId) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line :
                Files.readAllLines(warehouse.resolve("runs").resolve(runId).resolve(LineageLog.FILE))) {
            assertThat(OpenLineageSchema.violations(line)).as(line).isEmpty();
            events.add(JSON.readTree(line));
        }
        return events;
    }

    @Test
    void aGoodNightWritesItsMetrics() throws IOException {
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(metricsAfterGood).contains("pl_impact_exit_code 0.0\n");
        assertThat(metricsAfterGood).containsPattern("pl_impact_last_success_timestamp_seconds \\d\\.\\d+E9\n");
        // files by status add up to every entry under the sample's LEA folders
        long entries;
        try (Stream<Path> s = Files.walk(Path.of("sample-data"))) {
            entries = s.filter(p ->
                            p.getNameCount() == 3 && !p.getName(1).toString().equals("_state"))
                    .count();
        }
        double files = metricsAfterGood
                .lines()
                .filter(l -> l.startsWith("pl_impact_files{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(files).isEqualTo((double) entries);
        assertThat(metricsAfterGood).contains("pl_impact_phase_duration_seconds{phase=\"changes\"}");
        assertThat(metricsAfterGood).contains("pl_impact_mart_rows{mart=\"submission_status\"}");
        // lea-0004's attendance in force for 2025-26 is dated 2026-06-30: 0 days before the as-of date
        assertThat(metricsAfterGood)
                .contains("pl_impact_lea_extract_age_seconds{extract=\"attendance\",lea_id=\"lea-0004\"} 0.0\n");
        assertThat(metricsAfterGood).doesNotContain("student_id").doesNotContain("educator_id");
    }

    /** The metrics file of the real sample night, not a hand-made one, as node_exporter's parser reads it. */
    @Test
    void promtoolAcceptsTheSampleNightsMetricsFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path promtool = org.sea.pli.ops.Promtool.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                promtool != null || org.sea.pli.ops.Promtool.required(),
                "promtool is not installed (Debian package prometheus)");
        assertThat(promtool).as("promtool, required under CI").isNotNull();
        Path file = dir.resolve("pl_impact.prom");
        Files.writeString(file, metricsAfterGood);
        org.sea.pli.ops.Promtool.Result check = org.sea.pli.ops.Promtool.run(dir, "check", "metrics", file);
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void aFailedNightSaysSoAndCarriesTheLastSuccess() {
        assertThat(failed.code()).isEqualTo(1);
        String text = readMetrics();
        assertThat(text).contains("pl_impact_exit_code 1.0\n");
        String success = line(metricsAfterGood, "pl_impact_last_success_timestamp_seconds ");
        assertThat(line(text, "pl_impact_last_success_timestamp_seconds ")).isEqualTo(success);
        assertThat(line(text, "pl_impact_last_run_timestamp_seconds "))
                .isNotEqualTo(line(metricsAfterGood, "pl_impact_last_run_timestamp_seconds "));
    }

    @Test
    void theGoodNightsEventsAreStartThenCompleteWithEveryMart() throws IOException {
        List<JsonNode> events = events("2026-06-30_1");
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("START", "COMPLETE");
        for (JsonNode e : events) {
            assertThat(e.at("/job/name").asText()).isEqualTo("pl-impact.nightly");
            assertThat(e.at("/run/runId").asText())
                    .isEqualTo(events.get(0).at("/run/runId").asText());
            assertThat(e.at("/run/facets/plImpact_run/run_id").asText()).isEqualTo("2026-06-30_1");
        }
        JsonNode complete = events.get(1);
        RunManifest manifest = RunManifest.parse(
                Files.readAllBytes(warehouse.resolve("runs/2026-06-30_1").resolve(RunManifest.FILE)));
        // inputs: every input the manifest records (the state files and every file considered)
        assertThat(complete.get("inputs")).hasSize(manifest.inputs().size());
        // outputs: the eleven marts, each with its schema and the rows the manifest records for it
        assertThat(complete.get("outputs")).hasSize(11);
        for (JsonNode out : complete.get("outputs")) {
            String mart = out.get("name").asText().replaceAll(".*/current/", "");
            long rows = manifest.outputs().stream()
                    .filter(o -> o.path().startsWith("marts/" + mart + "/"))
                    .mapToLong(RunManifest.Output::rows)
                    .sum();
            assertThat(out.at("/outputFacets/outputStatistics/rowCount").asLong())
                    .as(mart)
                    .isEqualTo(rows);
            assertThat(out.at("/facets/schema/fields")).as(mart).isNotEmpty();
        }
        JsonNode cohort = null;
        for (JsonNode out : complete.get("outputs")) {
            cohort = out.get("name").asText().endsWith("/current/cohort_impact") ? out : cohort;
        }
        assertThat(cohort).isNotNull();
        assertThat(cohort.at("/facets/schema/fields/0/name").asText()).isEqualTo("school_year");
        assertThat(cohort.get("namespace").asText()).isEqualTo("file");
    }

    @Test
    void theEndpointGotTheSameEventsAndTheFailedNightsFail() throws IOException {
        List<JsonNode> failedEvents = events("2026-06-30_2");
        assertThat(failedEvents).extracting(e -> e.get("eventType").asText()).containsExactly("START", "FAIL");
        assertThat(failedEvents.get(1).at("/run/facets/errorMessage/message").asText())
                .contains("leas.csv");
        List<String> expected = new ArrayList<>();
        for (String run : List.of("2026-06-30_1", "2026-06-30_2")) {
            expected.addAll(
                    Files.readAllLines(warehouse.resolve("runs").resolve(run).resolve(LineageLog.FILE)));
        }
        assertThat(posted).containsExactlyElementsOf(expected);
        for (String event : posted) {
            assertThat(OpenLineageSchema.violations(event)).as(event).isEmpty();
        }
    }

    @Test
    void lineageIsNotAnOutputOfTheManifest() throws IOException {
        assertThat(ManifestStage.NOT_OUTPUTS).contains(LineageLog.FILE);
        RunManifest manifest = RunManifest.parse(
                Files.readAllBytes(warehouse.resolve("runs/2026-06-30_1").resolve(RunManifest.FILE)));
        assertThat(manifest.outputs()).noneMatch(o -> o.path().contains("lineage"));
    }

    @Test
    void aDeadEndpointIsLoggedAndNeverFailsTheNight() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path log = tmp.resolve("dead.log");
        CommandRun run = runInto(
                tmp.resolve("other-warehouse"),
                Path.of("sample-data"),
                "--pli.lineage-url=http://127.0.0.1:" + port + "/api/v1/lineage",
                "--logging.file.name=" + log);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(log))
                .contains("lineage endpoint http://127.0.0.1:" + port + "/api/v1/lineage unreachable");
    }

    @Test
    void anUnknownOrBadSettingIsAUsageError() {
        CommandRun typo = run(Path.of("sample-data"), "--pli.metrics-fil=" + metrics);
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("pli.metrics-fil").doesNotContain("\tat ");
        CommandRun ftp = run(Path.of("sample-data"), "--pli.lineage-url=ftp://example.org/x");
        assertThat(ftp.code()).isEqualTo(2);
        assertThat(ftp.err())
                .contains("pli.lineage-url must be an http:// or https:// URL")
                .doesNotContain("\tat ");
    }

    private static String readMetrics() {
        try {
            return Files.readString(metrics);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix));
    }
}
