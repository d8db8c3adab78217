package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;
import org.sea.pli.stage.RunManifest;

/**
 * SPEC.md §6 across real JVMs, on a district-scale inbox: the same bytes whatever the thread
 * count, time zone and locale; and a run killed with SIGKILL resumes, by the same command, to the
 * bytes of an uninterrupted run.
 */
class ProcessLevelTest {

    @TempDir
    static Path tmp;

    static Path inbox;
    static RunManifest reference;

    @BeforeAll
    static void generateAndRunOnce() throws Exception {
        inbox = tmp.resolve("district");
        new InboxGenerator(Scale.DISTRICT, 7).generate(inbox);
        Process p = start(tmp.resolve("w-reference"), "reference", Map.of("TZ", "UTC", "LANG", "C"), "--pli.threads=1");
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log("reference")).isZero();
        reference = manifest(tmp.resolve("w-reference"));
    }

    private static Process start(Path warehouse, String name, Map<String, String> env, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.sea.pli.cli.PlImpactCommand",
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                "2026-06-30",
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve(name + "-jobs") + ";WRITE_DELAY=0"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        tmp.resolve(name + ".log").toFile()));
        pb.environment().put("PLI_PSEUDONYM_KEY", "process-test-key");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String log(String name) {
        try {
            return Files.readString(tmp.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static RunManifest manifest(Path warehouse) throws IOException {
        return RunManifest.parse(Files.readAllBytes(warehouse.resolve("runs/2026-06-30_1/manifest.json")));
    }

    /** Every output but the timing-free manifest itself: path → SHA-256. */
    private static Map<String, String> outputs(RunManifest m) {
        return m.outputs().stream()
                .collect(Collectors.toMap(
                        RunManifest.Output::path, RunManifest.Output::sha256, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void sameBytesWhateverTheThreadCountTimeZoneAndLocale() throws Exception {
        Process p = start(
                tmp.resolve("w-other"),
                "other",
                Map.of("TZ", "Pacific/Chatham", "LANG", "de_DE.UTF-8", "LC_ALL", "de_DE.UTF-8"),
                "--pli.threads=2");
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log("other")).isZero();
        RunManifest other = manifest(tmp.resolve("w-other"));
        assertThat(outputs(other)).isEqualTo(outputs(reference)).hasSizeGreaterThan(20);
        assertThat(other.inputs()).isEqualTo(reference.inputs());
    }

    @Test
    void aRunKilledWithSigkillResumesToTheSameBytes() throws Exception {
        Path warehouse = tmp.resolve("w-killed");
        Process p = start(warehouse, "killed", Map.of());
        waitForLine(tmp.resolve("killed.log"), "files from", p);
        Path checkpoints = warehouse.resolve("runs/2026-06-30_1/work/lea");
        while (!hasCheckpoint(checkpoints) && p.isAlive()) { // named by a hash of the LEA folder name
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL in the middle of the load: no shutdown hooks, no cleanup
        p.waitFor(1, TimeUnit.MINUTES);
        assertThat(warehouse.resolve("runs/2026-06-30_1/manifest.json"))
                .as("killed before it finished")
                .doesNotExist();
        assertThat(warehouse.resolve("_LOCK"))
                .as("a lock left by the dead process")
                .exists();

        Process again = start(warehouse, "killed", Map.of()); // the same command, the same job repository
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(log("killed")).isZero();
        assertThat(log("killed"))
                .contains("recovering it to restart")
                .containsPattern("[1-9][0-9]* of 21 LEAs restored from the checkpoints of an earlier attempt");
        assertThat(outputs(manifest(warehouse))).isEqualTo(outputs(reference));
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_1");
    }

    private static boolean hasCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".bin"));
        }
    }

    private static void waitForLine(Path log, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(log)
                    && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run never logged '" + text + "': " + Files.readString(log));
    }
}
