package org.sea.pli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/pl-impact}: the JVM options it gives for a small and a large inbox, the locale it
 * sets, and where the caller's own options go. A stand-in {@code java} prints what it was given.
 */
class LauncherTest {

    static final Path SCRIPT = Path.of("jobs/pl-impact").toAbsolutePath();

    @TempDir
    Path tmp;

    Path jar;
    Path fakeJava;

    @BeforeEach
    void stage() throws IOException {
        jar = Files.writeString(tmp.resolve("pl-impact.jar"), "not a real jar");
        Files.writeString(tmp.resolve("pl-impact.jsa"), "not a real archive");
        fakeJava = tmp.resolve("java");
        Files.writeString(
                fakeJava, "#!/bin/sh\necho \"LANG=$LANG LC_ALL=$LC_ALL\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * A JDK home whose bin/java is the stand-in and whose release file names {@code version}, and
     * the AOT cache beside the jar naming it.
     */
    private Path aotCacheMadeBy(String jdkName, String version) throws IOException {
        Path jdk = Files.createDirectories(tmp.resolve(jdkName).resolve("bin")).getParent();
        Files.copy(fakeJava, jdk.resolve("bin/java"));
        Files.setPosixFilePermissions(jdk.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(tmp.resolve("pl-impact.aot"), "not a real cache");
        Files.writeString(tmp.resolve("pl-impact.aot.jdk"), jdk + "\n");
        return jdk;
    }

    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        return launch(env, true, args);
    }

    private List<String> launch(Map<String, String> env, boolean givenJava, String... args) throws Exception {
        return launch(List.of(), env, givenJava, args);
    }

    /** The launcher on the first core only: {@code nproc} follows the CPU affinity that taskset gives. */
    private List<String> launchOnOneCore(String... args) throws Exception {
        return launch(List.of("taskset", "-c", "0"), Map.of(), true, args);
    }

    private List<String> launch(List<String> wrapper, Map<String, String> env, boolean givenJava, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_OPTS"));
        pb.environment().put("PLI_JAR", jar.toString());
        pb.environment().remove("JAVA_HOME");
        if (givenJava) {
            pb.environment().put("JAVA", fakeJava.toString());
        } else {
            pb.environment().remove("JAVA");
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void anAotCacheBesideTheJarRunsOnTheJdkThatMadeItWithItsOptionsInsteadOfTheArchive() throws Exception {
        Path jdk = aotCacheMadeBy("jdk-25", "25.0.3");
        Path inbox = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(inbox.resolve("a.csv"), "x\n1\n");
        // the stand-in prints its own path first when it is the cache's JDK: tell the two apart
        Files.writeString(
                jdk.resolve("bin/java"), "#!/bin/sh\necho \"jdk-25 java\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
        List<String> args = launch(Map.of(), false, "run", "--inbox", inbox.toString(), "--as-of", "2026-06-30");
        assertThat(args.get(0)).isEqualTo("jdk-25 java");
        assertThat(args)
                .contains(
                        "-XX:AOTCache=" + tmp.resolve("pl-impact.aot").toRealPath(),
                        "-XX:+UseCompactObjectHeaders",
                        "-XX:TieredStopAtLevel=1")
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        // a verb without an inbox (verify) gets the cache too: it runs the same code
        assertThat(launch(Map.of(), false, "verify", "--warehouse", "w"))
                .contains("-XX:AOTCache=" + tmp.resolve("pl-impact.aot").toRealPath());
        // a JAVA given wins, and runs without the cache, which belongs to the JDK that made it
        assertThat(launch(Map.of(), true, "run", "--inbox", inbox.toString()))
                .doesNotContain("jdk-25 java")
                .noneMatch(a -> a.startsWith("-XX:AOTCache") || a.equals("-XX:+UseCompactObjectHeaders"))
                .contains(
                        "-XX:SharedArchiveFile=" + tmp.resolve("pl-impact.jsa").toRealPath());
    }

    @Test
    void anAotCacheWhoseJdkIsGoneOrOlderThan25IsPassedOverForTheDefaultJava() throws Exception {
        Path jdk = aotCacheMadeBy("jdk-removed", "25.0.3");
        Files.delete(jdk.resolve("bin/java"));
        assertDefaultJavaWithTheArchive();
        // a JDK 17 where the cache's JDK was (a folder replaced): it would refuse -XX:AOTCache
        aotCacheMadeBy("jdk-17", "17.0.15");
        assertDefaultJavaWithTheArchive();
    }

    private void assertDefaultJavaWithTheArchive() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("path-bin"));
        Files.copy(fakeJava, bin.resolve("java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path inbox = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(inbox.resolve("a.csv"), "x\n1\n");
        List<String> args =
                launch(Map.of("PATH", bin + ":" + System.getenv("PATH")), false, "run", "--inbox", inbox.toString());
        assertThat(args)
                .noneMatch(a -> a.startsWith("-XX:AOTCache"))
                .contains(
                        "-XX:SharedArchiveFile=" + tmp.resolve("pl-impact.jsa").toRealPath());
    }

    @Test
    void aSmallInboxGetsTheArchiveAndTheQuickCompilerAndAUtf8Locale() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(inbox.resolve("a.csv"), "x\n1\n");
        List<String> args = launch(Map.of(), "run", "--inbox", inbox.toString(), "--as-of", "2026-06-30");
        assertThat(args.get(0)).isEqualTo("LANG=C.UTF-8 LC_ALL=C.UTF-8"); // none given: UTF-8
        assertThat(args)
                .contains(
                        "-XX:SharedArchiveFile=" + tmp.resolve("pl-impact.jsa").toRealPath(), "-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:+UseParallelGC");
        // the JVM options come before -jar, pl-impact's own arguments after it, unchanged
        assertThat(args.subList(args.indexOf("-jar"), args.size()))
                .containsExactly(
                        "-jar",
                        jar.toRealPath().toString(),
                        "run",
                        "--inbox",
                        inbox.toString(),
                        "--as-of",
                        "2026-06-30");
    }

    @Test
    void aLargeInboxKeepsTheOptimizingCompilerAndGetsTheParallelCollectorACappedHeapAndTheArchiveUnlessFull()
            throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("large"));
        try (RandomAccessFile f = new RandomAccessFile(inbox.resolve("big.csv").toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // one byte over the small class (sparse: nothing written)
        }
        List<String> args = launch(Map.of("LANG", "en_US.UTF-8"), "run", "--inbox=" + inbox);
        assertThat(args.get(0)).startsWith("LANG=en_US.UTF-8 "); // a UTF-8 locale given is kept
        assertThat(args)
                .contains("-XX:+UseParallelGC")
                // 2 × (64 MiB + 1 byte) is 128 MiB: below the 1 GiB floor
                .contains("-Xmx1024m")
                .contains(
                        "-XX:SharedArchiveFile=" + tmp.resolve("pl-impact.jsa").toRealPath())
                .noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel"));
        // a run that computes everything: the archive cost a large run a few percent
        assertThat(launch(Map.of(), "run", "--inbox", inbox.toString(), "--full"))
                .contains("-Xmx1024m")
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aLargeInboxGetsMetadataRoomAndOnAtMostTwoCoresShallowerInlining() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("large"));
        try (RandomAccessFile f = new RandomAccessFile(inbox.resolve("big.csv").toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // sparse: nothing written
        }
        List<String> oneCore = launchOnOneCore("run", "--inbox", inbox.toString());
        assertThat(oneCore).contains("-XX:MetaspaceSize=160m", "-XX:InlineSmallCode=500", "-XX:MaxInlineLevel=4");
        if (Runtime.getRuntime().availableProcessors() > 2) {
            assertThat(launch(Map.of(), "run", "--inbox", inbox.toString()))
                    .contains("-XX:MetaspaceSize=160m")
                    .noneMatch(a -> a.startsWith("-XX:InlineSmallCode") || a.startsWith("-XX:MaxInlineLevel"));
        }
        // a small inbox keeps the quick compiler alone
        Path small = Files.createDirectories(tmp.resolve("small"));
        assertThat(launchOnOneCore("run", "--inbox", small.toString()))
                .noneMatch(a -> a.startsWith("-XX:InlineSmallCode") || a.startsWith("-XX:MetaspaceSize"));
    }

    @Test
    void theHeapIsTwiceTheInboxUpTo1600MibThenFourFifthsOfIt() throws Exception {
        // (inbox MiB, expected -Xmx): 2 × 700 = 1400 under the cap; 2 × 1000 = 2000 capped at 1600
        // (4/5 × 1000 = 800 is less); 2 × 2500 = 5000 capped at 4/5 × 2500 = 2000
        for (long[] c : new long[][] {{700, 1400}, {1000, 1600}, {2500, 2000}}) {
            Path inbox = Files.createDirectories(tmp.resolve("inbox-" + c[0]));
            try (RandomAccessFile f =
                    new RandomAccessFile(inbox.resolve("big.csv").toFile(), "rw")) {
                f.setLength(c[0] << 20); // sparse: nothing written
            }
            assertThat(launch(Map.of(), "run", "--inbox", inbox.toString()))
                    .as(c[0] + " MiB")
                    .contains("-Xmx" + c[1] + "m");
        }
    }

    @Test
    void theCallersOptionsComeLastSoTheyWinAndAVerbWithoutInboxGetsNone() throws Exception {
        List<String> args = launch(Map.of("JAVA_OPTS", "-Xmx2g -XX:TieredStopAtLevel=4"), "generate", "--out", "x");
        assertThat(args).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.equals("-XX:+UseParallelGC"));
        assertThat(args.subList(1, args.indexOf("-jar"))).containsExactly("-Xmx2g", "-XX:TieredStopAtLevel=4");
    }
}
