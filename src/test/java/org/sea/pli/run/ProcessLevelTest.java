package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;
import org.sea.pli.stage.RunManifest;

/**
 * docs/spec.md §6 across real JVMs, on a district-scale inbox: the same bytes whatever the thread
 * count, time zone and default locale (C, de_DE, tr_TR, ar_EG); and a run killed with SIGKILL resumes, by the same command, to the
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
        Process p = start(
                tmp.resolve("w-reference"),
                "reference",
                Map.of("TZ", "UTC", "LANG", "C", "LC_ALL", "C"),
                "--pli.threads=1");
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log("reference")).isZero();
        reference = manifest(tmp.resolve("w-reference"));
    }

    private static Process start(Path warehouse, String name, Map<String, String> env, String... extra)
            throws IOException {
        return start(warehouse, name, env, List.of(), extra);
    }

    private static Process start(
            Path warehouse, String name, Map<String, String> env, List<String> jvmOptions, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
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

    /** Every file of the run's marts, quarantine and report: path → SHA-256, read from the disk itself. */
    private static Map<String, String> files(Path warehouse) throws IOException {
        Path run = warehouse.resolve("runs/2026-06-30_1");
        Map<String, String> files = new TreeMap<>();
        for (String dir : List.of("marts", "quarantine", "report")) {
            try (Stream<Path> walk = Files.walk(run.resolve(dir))) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files.put(run.relativize(f).toString(), sha256(f));
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JVM's default locale set through user.language/user.country, which the JVM honours whether
     * or not the operating system has the locale installed (LANG alone falls back to C when it has
     * not). ar_EG formats digits as Arabic-Indic ones, tr_TR upper-cases i to İ, de_DE writes a
     * decimal comma.
     */
    @ParameterizedTest
    @CsvSource({"de,DE,Pacific/Chatham", "tr,TR,Europe/Istanbul", "ar,EG,Africa/Cairo"})
    void sameBytesWhateverTheThreadCountTimeZoneAndLocale(String language, String country, String zone)
            throws Exception {
        String name = "locale-" + language + "_" + country;
        Path warehouse = tmp.resolve("w-" + name);
        Process p = start(
                warehouse,
                name,
                Map.of("TZ", zone),
                List.of("-Duser.language=" + language, "-Duser.country=" + country),
                "--pli.threads=2");
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log(name)).isZero();
        RunManifest other = manifest(warehouse);
        assertThat(outputs(other)).isEqualTo(outputs(reference)).hasSizeGreaterThan(20);
        assertThat(other.inputs()).isEqualTo(reference.inputs());
        Map<String, String> files = files(warehouse);
        assertThat(files.keySet())
                .anyMatch(f -> f.startsWith("marts/"))
                .anyMatch(f -> f.startsWith("quarantine/"))
                .anyMatch(f -> f.startsWith("report/"));
        assertThat(files).isEqualTo(files(tmp.resolve("w-reference")));
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
                .containsPattern("of 21 LEAs, [1-9][0-9]* restored from the checkpoints of an earlier attempt")
                .containsPattern("reused     0 of 21 LEAs unchanged since the last finished run,"
                        + " [1-9][0-9]* restored from this run's checkpoints");
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
