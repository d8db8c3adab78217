package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.sea.pli.cli.PlImpactCommand;

/**
 * The committed sample inbox run once per test JVM through the whole nightly job (as
 * {@code SampleRunTest} does), shared by the report tests: the warehouse, the run id and its report.
 */
final class SampleReport {

    static final String RUN_ID = "2026-06-30_1";

    private static Path work;

    private SampleReport() {}

    static synchronized Path warehouse() throws Exception {
        if (work == null) {
            Path dir = Files.createTempDirectory("pli-report-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new PlImpactCommand(
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            Map.of("PLI_PSEUDONYM_KEY", "report-test-key"))
                    .execute(new String[] {
                        "run",
                        "--inbox",
                        "sample-data",
                        "--warehouse",
                        dir.resolve("warehouse").toString(),
                        "--as-of",
                        "2026-06-30",
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobs"),
                        "--logging.file.name=" + dir.resolve("run.log")
                    });
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            work = dir;
        }
        return work.resolve("warehouse");
    }

    static Path runDir() throws Exception {
        return warehouse().resolve("runs").resolve(RUN_ID);
    }

    static Path reportDir() throws Exception {
        return runDir().resolve("report");
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // best effort on exit
        }
    }

    /** The files below {@code root} with their SHA-256, by '/'-separated path: as a run's manifest records its pages. */
    static Map<String, String> pageHashes(Path root) throws java.io.IOException {
        Map<String, String> pages = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                pages.put(
                        root.relativize(p).toString().replace('\\', '/'),
                        org.sea.pli.storage.Sha256.of(Files.readAllBytes(p)));
            }
        }
        return pages;
    }
}
