package org.sea.pli.lakehouse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The built pl-impact of the checkout at {@code home}, started as a user starts it
 * ({@code jobs/pl-impact}, which runs {@code target/pl-impact.jar}), in a child process: its own
 * class path, none of Spark's jars.
 */
final class PlImpactProcess {

    private final Path home;
    private final Path workDir;

    PlImpactProcess(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
    }

    Path launcher() {
        return home.resolve("jobs/pl-impact");
    }

    Path jar() {
        return home.resolve("target/pl-impact.jar");
    }

    /**
     * {@code pl-impact run} of {@code inbox} into {@code warehouse} as of {@code asOf}, with its job
     * repository (and so the tables' catalog) in the H2 file database {@code jobRepository}; the run
     * must succeed. Returns the run id {@code current/_PUBLISHED} names afterwards.
     */
    String run(Path inbox, Path warehouse, String asOf, String jobRepositoryUrl) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                launcher().toString(),
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                asOf,
                "--spring.datasource.url=" + jobRepositoryUrl));
        Path log = workDir.resolve("pl-impact-" + asOf + ".log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PLI_PSEUDONYM_KEY", "spark-it-key");
        pb.environment().put("PLI_JAR", jar().toString());
        Process p = pb.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("pl-impact run --as-of %s finished within 5 minutes:%n%s", asOf, output)
                .isTrue();
        assertThat(p.exitValue())
                .as("exit code of pl-impact run --as-of %s:%n%s", asOf, output)
                .isZero();
        return publishedRun(warehouse);
    }

    /** The run id of {@code <warehouse>/current/_PUBLISHED} ({@code run_id=…}). */
    static String publishedRun(Path warehouse) throws IOException {
        Properties published = new Properties();
        try (var in = Files.newBufferedReader(warehouse.resolve("current/_PUBLISHED"), StandardCharsets.UTF_8)) {
            published.load(in);
        }
        String runId = published.getProperty("run_id");
        assertThat(runId).as("run_id in current/_PUBLISHED").isNotBlank();
        return runId;
    }
}
