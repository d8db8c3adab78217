package org.sea.pli.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;
import org.sea.pli.storage.Sha256;

/**
 * The ahead-of-time cache that {@code mvn package} makes where a JDK 25 or later is installed
 * ({@code jobs/aot-cache}): {@code jobs/pl-impact} then runs on that JDK with it, and what it
 * publishes is byte for byte what Java 17 publishes — an auditor's {@code verify} on Java 17
 * reproduces a night run on JDK 25. On a machine without such a JDK there is no cache and nothing
 * to test (the launcher's choice is covered by {@link LauncherTest} either way).
 */
class AotCacheIT {

    static final Path CACHE = Path.of("target/pl-impact.aot").toAbsolutePath();
    static final Path LAUNCHER = Path.of("jobs/pl-impact").toAbsolutePath();
    static final String JAVA_17 =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    record Result(int code, String out) {}

    private Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.equals("JAVA") || k.equals("JAVA_HOME") || k.equals("JAVA_OPTS"));
        pb.environment().put("PLI_PSEUDONYM_KEY", "aot-cache-test-key");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private Result run(Map<String, String> env, Path inbox, String name) throws Exception {
        return launch(
                env,
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                tmp.resolve(name).toString(),
                "--as-of",
                "2026-06-30",
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve(name + "-jobs"));
    }

    /** Every file of the run's marts, quarantine and report: path → SHA-256. */
    private static Map<String, String> published(Path run) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String dir : List.of("marts", "quarantine", "report")) {
            try (Stream<Path> walk = Files.walk(run.resolve(dir))) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files.put(run.relativize(f).toString(), Sha256.of(Files.readAllBytes(f)));
                }
            }
        }
        return files;
    }

    /** Where the first file that differs between two runs first differs, for a failure worth reading. */
    private static String firstDifference(Path a, Path b, Map<String, String> inA, Map<String, String> inB) {
        for (Map.Entry<String, String> f : inA.entrySet()) {
            if (f.getValue().equals(inB.get(f.getKey())) || !inB.containsKey(f.getKey())) {
                continue;
            }
            try {
                byte[] x = Files.readAllBytes(a.resolve(f.getKey()));
                byte[] y = Files.readAllBytes(b.resolve(f.getKey()));
                int at = Math.max(0, java.util.Arrays.mismatch(x, y));
                int from = Math.max(0, at - 200);
                return f.getKey() + " differs from byte " + at + "\nJDK 25: "
                        + new String(x, from, Math.min(x.length, at + 300) - from, StandardCharsets.UTF_8)
                        + "\nJava 17: "
                        + new String(y, from, Math.min(y.length, at + 300) - from, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return f.getKey() + " differs (unreadable: " + e.getMessage() + ")";
            }
        }
        return "the runs publish different files";
    }

    @Test
    void aNightOnTheCachesJdkPublishesJava17sBytesAndJava17VerifiesIt() throws Exception {
        assumeTrue(Files.isRegularFile(CACHE), "no JDK 25 or later on this machine: package made no AOT cache");
        // not the training inbox: a district the cache never saw
        Path inbox = tmp.resolve("district");
        new InboxGenerator(Scale.DISTRICT, 23).generate(inbox);

        // the cache is used (its JVM log, which the launcher silences, switched back on)
        Result withCache = run(Map.of("JAVA_OPTS", "-Xlog:aot=info"), inbox, "jdk25");
        assertThat(withCache.code()).as(withCache.out()).isZero();
        assertThat(withCache.out()).contains("Opened AOT cache").doesNotContain("Unable to use AOT cache");
        // nor does the JDK warn about Hadoop's native library on every run
        assertThat(withCache.out()).doesNotContain("WARNING: A restricted method");

        Result java17 = run(Map.of("JAVA", JAVA_17), inbox, "jdk17");
        assertThat(java17.code()).as(java17.out()).isZero();
        Map<String, String> onJdk25 = published(tmp.resolve("jdk25/runs/2026-06-30_1"));
        assertThat(onJdk25).hasSizeGreaterThan(20);
        Map<String, String> onJava17 = published(tmp.resolve("jdk17/runs/2026-06-30_1"));
        assertThat(onJdk25)
                .as(() -> firstDifference(
                        tmp.resolve("jdk25/runs/2026-06-30_1"),
                        tmp.resolve("jdk17/runs/2026-06-30_1"),
                        onJdk25,
                        onJava17))
                .isEqualTo(onJava17);

        Result verify = launch(
                Map.of("JAVA", JAVA_17),
                "verify",
                "--warehouse",
                tmp.resolve("jdk25").toString(),
                "--run",
                "2026-06-30_1",
                "--inbox",
                inbox.toString(),
                // the job repository whose catalog holds the run's tables
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jdk25-jobs"));
        assertThat(verify.code()).as(verify.out()).isZero();
    }
}
