package org.sea.pli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.PrivacyScan;

/**
 * {@code jobs/pl-impact-nightly}, the scheduler wrapper, run by bash against the packaged
 * {@code target/pl-impact.jar} (hence an integration test: it runs after {@code package}).
 */
class NightlyWrapperIT {

    static final Path SCRIPT = Path.of("jobs/pl-impact-nightly").toAbsolutePath();
    static final Path JAR = Path.of("target/pl-impact.jar").toAbsolutePath();

    @TempDir
    static Path tmp;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void jarIsBuilt() {
        assertThat(JAR)
                .as("mvn package builds the jar before integration tests")
                .isRegularFile();
    }

    /** An env file for the wrapper; {@code extra} lines are appended. */
    static Path envFile(String name, Path inbox, Path logDir, String... extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "PLI_PSEUDONYM_KEY=wrapper-test-key",
                "PLI_INBOX=" + inbox.toAbsolutePath(),
                "PLI_WAREHOUSE=" + tmp.resolve(name + "-warehouse"),
                "PLI_JAR=" + JAR,
                "PLI_LOG_DIR=" + logDir,
                "PLI_AS_OF=2026-06-30",
                "JAVA_OPTS=-Xmx512m",
                "PLI_RUN_ARGS=--spring.datasource.url=jdbc:h2:file:" + tmp.resolve(name + "-jobs")));
        lines.addAll(List.of(extra));
        Path env = tmp.resolve(name + ".env");
        Files.write(env, lines);
        return env;
    }

    static Result wrapper(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PLI_PSEUDONYM_KEY");
        pb.redirectOutput(tmp.resolve("wrapper.out").toFile());
        pb.redirectError(tmp.resolve("wrapper.err").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("wrapper finished").isTrue();
        return new Result(
                p.exitValue(),
                Files.readString(tmp.resolve("wrapper.out")),
                Files.readString(tmp.resolve("wrapper.err")));
    }

    static List<Path> logs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p ->
                            p.getFileName().toString().matches("pl-impact-\\d{4}-\\d{2}-\\d{2}-\\d{6}(-\\d+)?\\.log"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aGoodRunWritesADatedLogAndExitsZero() throws Exception {
        Path logDir = tmp.resolve("good-logs");
        Files.createDirectories(logDir);
        for (String old : List.of("2020-01-01-000000", "2020-01-02-000000", "2020-01-03-000000")) {
            Files.writeString(logDir.resolve("pl-impact-" + old + ".log"), "old\n");
        }
        Path env = envFile("good", Path.of("sample-data"), logDir, "PLI_LOG_KEEP=2");

        Result r = wrapper("--env", env.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<Path> logs = logs(logDir);
        assertThat(logs).as("rotated to the newest 2").hasSize(2);
        assertThat(logs.get(0).getFileName().toString()).isEqualTo("pl-impact-2020-01-03-000000.log");
        String log = Files.readString(logs.get(1), StandardCharsets.UTF_8);
        assertThat(log)
                .contains(
                        "starting pl-impact run --as-of 2026-06-30",
                        "run id",
                        "2026-06-30_1",
                        "finished with exit code 0");
        assertThat(log).doesNotContain("wrapper-test-key");
        assertThat(r.out()).contains(logs.get(1).toString());
        assertThat(tmp.resolve("good-warehouse/current/_PUBLISHED")).isRegularFile();
    }

    @Test
    void aFailingRunExitsOneAndTheLogSaysWhy() throws Exception {
        Path inbox = tmp.resolve("no-state-inbox");
        Files.createDirectories(inbox.resolve("lea-0001"));
        Path logDir = tmp.resolve("failing-logs");
        Path env = envFile("failing", inbox, logDir);

        Result r = wrapper("--env", env.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("failed with exit code 1");
        String log = Files.readString(logs(logDir).get(0));
        assertThat(log).contains("_state/leas.csv").contains("finished with exit code 1");
    }

    @Test
    void aSecondStartWhileTheLockIsHeldExitsOneAtOnce() throws Exception {
        Path logDir = Files.createDirectories(tmp.resolve("locked-logs"));
        Path lock = logDir.resolve("pl-impact-nightly.lock");
        Path env = envFile("locked", Path.of("sample-data"), logDir);
        Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "120").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (new ProcessBuilder("flock", "-n", lock.toString(), "true")
                            .start()
                            .waitFor()
                    == 0) {
                assertThat(System.nanoTime()).as("the holder took the lock").isLessThan(deadline);
                Thread.sleep(50);
            }
            long started = System.nanoTime();

            Result r = wrapper("--env", env.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("another pl-impact-nightly run holds the lock " + lock);
            assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(5);
            assertThat(tmp.resolve("locked-warehouse")).doesNotExist();
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLogDirectoryThatCannotBeWrittenExitsOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path env = envFile("unwritable", Path.of("sample-data"), file.resolve("logs"));

        Result r = wrapper("--env", env.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("cannot create log directory " + file.resolve("logs"));
        assertThat(tmp.resolve("unwritable-warehouse")).doesNotExist();
    }

    @Test
    void aMissingEnvFileOrSettingExitsOne() throws Exception {
        Result none = wrapper("--env", tmp.resolve("absent.env").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("cannot read environment file");

        Path env = tmp.resolve("partial.env");
        Files.writeString(env, "PLI_INBOX=/x\n");
        Result partial = wrapper("--env", env.toString());
        assertThat(partial.code()).isEqualTo(1);
        assertThat(partial.err()).contains("PLI_PSEUDONYM_KEY is not set");
    }

    /** README "Logs": JSON lines for log shippers; progress lines at the configured interval; no personal data. */
    @Test
    void jsonLogLinesParseAndHoldNoPersonalData() throws Exception {
        Path logDir = tmp.resolve("json-logs");
        Path env = envFile(
                "json",
                Path.of("sample-data"),
                logDir,
                "PLI_RUN_ARGS=\"--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("json-jobs")
                        + " --logging.structured.format.console=ecs --pli.progress-interval=100ms\"");

        Result r = wrapper("--env", env.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String log = Files.readString(logs(logDir).get(0));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        boolean inSummary = false;
        for (String line : log.lines().toList()) {
            if (line.startsWith("{")) {
                JsonNode event = json.readTree(line); // throws when not one JSON object per line
                assertThat(event.path("@timestamp").asText()).as(line).isNotEmpty();
                assertThat(event.path("log").path("level").asText()).as(line).isNotEmpty();
                events.add(event);
            } else if (line.equals("pl-impact run summary")) {
                inSummary = true;
            } else {
                assertThat(inSummary || line.contains("pl-impact-nightly: "))
                        .as("not JSON: " + line)
                        .isTrue();
            }
        }
        assertThat(events)
                .extracting(e -> e.path("message").asText())
                .anyMatch(m -> m.contains("published to"))
                .anyMatch(
                        m -> m.matches(
                                "run 2026-06-30_1: loadInbox: [\\d,]+ of 94 files, [\\d,]+ rows read, [\\d,]+ rows/s, .* s elapsed"));

        PrivacyScan scan = PrivacyScan.of(Path.of("sample-data"));
        assertThat(scan.leaksIn(log)).isEmpty();
        Path warehouse = tmp.resolve("json-warehouse");
        assertThat(scan.leaksInWarehouseFiles(warehouse)).isEmpty();
        assertThat(scan.leaksInMarts(warehouse)).isEmpty();
    }
}
