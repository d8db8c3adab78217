package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.FaultyFileSystem;
import org.sea.pli.storage.Sha256;
import org.sea.pli.testing.CommandRun;

/**
 * Runs an auditor can trust (SPEC.md §6, §7): manifest, byte-identical reruns, verify, rerun,
 * the inbox as archive (file_changed), one run at a time, publish rules and a failed write.
 */
class AuditTest {

    @TempDir
    static Path tmp;

    static Cli cli;
    static Path inbox;

    @BeforeAll
    static void copySampleInbox() throws IOException {
        cli = new Cli(tmp.resolve("jobs"));
        inbox = tmp.resolve("inbox");
        copyTree(Path.of("sample-data"), inbox);
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

    private static CommandRun run(Path warehouse, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--as-of", "2026-06-30"));
        args.addAll(List.of(extra));
        return cli.execute(args.toArray(String[]::new));
    }

    /** SHA-256 of every file under a run's marts/, by relative path. */
    static Map<String, String> martHashes(Path runDir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        Path marts = runDir.resolve("marts");
        try (Stream<Path> s = Files.walk(marts)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                hashes.put(marts.relativize(p).toString(), Sha256.of(Files.newInputStream(p)));
            }
        }
        return hashes;
    }

    /**
     * The manifest less what may differ between two runs of one load: the run id, the timing, and
     * the report pages, which show the run id, and changes.json, which names the previous run.
     */
    private static String withoutTiming(Path manifest) throws IOException {
        RunManifest m = RunManifest.parse(Files.readAllBytes(manifest));
        RunManifest comparable = new RunManifest(
                "",
                m.asOf(),
                m.toolVersion(),
                m.parquetJavaVersion(),
                m.configuration(),
                m.inputs(),
                m.outputs().stream()
                        .filter(o ->
                                !o.path().startsWith("report/") && !o.path().equals("changes.json"))
                        .toList(),
                new RunManifest.Timing(java.time.Instant.EPOCH, java.time.Instant.EPOCH));
        return new String(comparable.toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void twoRunsOfOneAsOfGiveIdenticalBytesAndManifestsThatDifferOnlyInTiming() throws IOException {
        Path warehouse = tmp.resolve("twice");
        assertThat(run(warehouse).code()).isZero();
        assertThat(run(warehouse).code()).isZero();
        Path first = warehouse.resolve("runs/2026-06-30_1");
        Path second = warehouse.resolve("runs/2026-06-30_2");
        assertThat(martHashes(second)).isEqualTo(martHashes(first)).hasSizeGreaterThan(10);
        assertThat(withoutTiming(second.resolve("manifest.json")))
                .isEqualTo(withoutTiming(first.resolve("manifest.json")));

        RunManifest manifest = RunManifest.parse(Files.readAllBytes(first.resolve("manifest.json")));
        assertThat(manifest.runId()).isEqualTo("2026-06-30_1");
        assertThat(manifest.toolVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(manifest.configuration().minCellSize()).isEqualTo(10);
        // the key itself is never written, only its fingerprint
        assertThat(Files.readString(first.resolve("manifest.json"))).doesNotContain(Cli.ENV.get("PLI_PSEUDONYM_KEY"));
        // every file under an LEA folder plus the two _state files is an input
        long leaFiles;
        try (Stream<Path> s = Files.walk(inbox)) {
            leaFiles = s.filter(Files::isRegularFile).count();
        }
        assertThat(manifest.inputs()).hasSize((int) leaFiles);
        assertThat(manifest.inputs())
                .filteredOn(i -> i.status().equals("state"))
                .hasSize(2);
        // outputs: every file of the run, hashed as on disk, with Parquet row counts
        assertThat(manifest.outputs())
                .extracting(RunManifest.Output::path)
                .contains("marts/load_report/part-00000.parquet")
                .anyMatch(p -> p.startsWith("quarantine/"));
        for (RunManifest.Output o : manifest.outputs()) {
            assertThat(Sha256.of(Files.newInputStream(first.resolve(o.path()))))
                    .as(o.path())
                    .isEqualTo(o.sha256());
        }
        assertThat(manifest.outputs())
                .filteredOn(o -> o.path().equals("marts/load_report/part-00000.parquet"))
                .singleElement()
                .extracting(RunManifest.Output::rows)
                .isEqualTo((long) leaFiles - 2);
    }

    @Test
    void verifyPassesOnAPublishedRunAndNamesAByteChangedAfterwards() throws IOException {
        Path warehouse = tmp.resolve("verify");
        assertThat(run(warehouse).code()).isZero();
        CommandRun ok = cli.execute(
                "verify", "--warehouse", warehouse.toString(), "--run", "2026-06-30_1", "--inbox", inbox.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("verified: run 2026-06-30_1");

        Path mart = warehouse.resolve("runs/2026-06-30_1/marts/cohort_impact/school_year=2025-26/part-00000.parquet");
        byte[] bytes = Files.readAllBytes(mart);
        bytes[bytes.length / 2] ^= 1;
        Files.write(mart, bytes);
        CommandRun bad = cli.execute(
                "verify", "--warehouse", warehouse.toString(), "--run", "2026-06-30_1", "--inbox", inbox.toString());
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.out())
                .contains("differs: marts/cohort_impact/school_year=2025-26/part-00000.parquet (as recorded")
                .doesNotContain("(reproduced");
    }

    @Test
    void rerunReproducesARecordedRunElsewhereFromExactlyItsInputs() throws IOException {
        Path warehouse = tmp.resolve("rerun-source");
        assertThat(run(warehouse).code()).isZero();
        Path laterInbox = tmp.resolve("later-inbox");
        copyTree(inbox, laterInbox);
        // a file arriving after the recorded run is not one of its inputs
        Files.copy(
                laterInbox.resolve("lea-0002/attendance_2026-06-30.csv"),
                laterInbox.resolve("lea-0002/attendance_2026-06-20.csv"));
        Path out = tmp.resolve("rerun-out");
        CommandRun r = cli.execute(
                "rerun",
                "--warehouse",
                warehouse.toString(),
                "--run",
                "2026-06-30_1",
                "--inbox",
                laterInbox.toString(),
                "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(martHashes(out.resolve("runs/2026-06-30_1")))
                .isEqualTo(martHashes(warehouse.resolve("runs/2026-06-30_1")));
    }

    @Test
    void reproductionFailsClearlyOnBadRunsManifestsAndInputs() throws IOException {
        Path warehouse = tmp.resolve("bad-verify");
        assertThat(run(warehouse).code()).isZero();
        CommandRun unknown = cli.execute(
                "verify", "--warehouse", warehouse.toString(), "--run", "2026-06-30_9", "--inbox", inbox.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err())
                .contains("has no run 2026-06-30_9")
                .contains("2026-06-30_1")
                .doesNotContain("\tat ");

        Path otherInbox = tmp.resolve("bad-inbox");
        copyTree(inbox, otherInbox);
        Files.delete(otherInbox.resolve("lea-0003/satisfaction_2026-06-29.csv"));
        Files.writeString(otherInbox.resolve("lea-0001/enrollments_2026-06-30.csv"), "x\n", StandardOpenOption.APPEND);
        CommandRun inputs = cli.execute(
                "rerun",
                "--warehouse",
                warehouse.toString(),
                "--run",
                "2026-06-30_1",
                "--inbox",
                otherInbox.toString(),
                "--out",
                tmp.resolve("never").toString());
        assertThat(inputs.code()).isEqualTo(1);
        assertThat(inputs.err())
                .contains("missing lea-0003/satisfaction_2026-06-29.csv")
                .contains("changed (SHA-256 differs) lea-0001/enrollments_2026-06-30.csv");
        assertThat(tmp.resolve("never/runs")).doesNotExist();

        Files.writeString(warehouse.resolve("runs/2026-06-30_1/manifest.json"), "{ not json");
        CommandRun invalid = cli.execute(
                "verify", "--warehouse", warehouse.toString(), "--run", "2026-06-30_1", "--inbox", inbox.toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err().lines().toList()).singleElement().asString().contains("is not valid");
    }

    @Test
    void aChangedInboxFileFailsTheRunUnlessAllowed() throws IOException {
        Path warehouse = tmp.resolve("changed");
        Path ownInbox = tmp.resolve("changed-inbox");
        copyTree(inbox, ownInbox);
        CommandRun first = cli.execute(
                "run", "--inbox", ownInbox.toString(), "--warehouse", warehouse.toString(), "--as-of", "2026-06-30");
        assertThat(first.code()).isZero();
        Path file = ownInbox.resolve("lea-0002/pl_funding_2026-06-30.csv");
        Files.writeString(file, Files.readString(file).replaceFirst("\n([^\n]*)\n", "\n$1\n"), StandardCharsets.UTF_8);
        Files.writeString(file, "\n", StandardOpenOption.APPEND); // same rows, different bytes
        String[] again = {
            "run", "--inbox", ownInbox.toString(), "--warehouse", warehouse.toString(), "--as-of", "2026-06-30"
        };
        CommandRun refused = cli.execute(again);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .contains("file_changed")
                .contains("lea-0002/pl_funding_2026-06-30.csv")
                .contains("recorded by run 2026-06-30_1")
                .contains("--allow-changed-files");
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_1");

        String[] allowed = java.util.Arrays.copyOf(again, again.length + 1);
        allowed[again.length] = "--allow-changed-files";
        CommandRun accepted = cli.execute(allowed);
        assertThat(accepted.code()).as(accepted.err()).isZero();
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_2");
        assertThat(loadReportReason(warehouse, "pl_funding_2026-06-30.csv", "lea-0002"))
                .isEqualTo("file_changed");
    }

    private static String loadReportReason(Path warehouse, String file, String lea) {
        try (var c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT reason FROM read_parquet('"
                        + warehouse.resolve("current/load_report/part-00000.parquet") + "') WHERE file = '" + file
                        + "' AND lea_id = '" + lea + "'")) {
            r.next();
            return r.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneRunAtATimeAndALockLeftByADeadProcessDoesNotBlock() throws IOException {
        Path warehouse = tmp.resolve("locked");
        Files.createDirectories(warehouse);
        Files.writeString(
                warehouse.resolve("_LOCK"),
                "purpose=run as of 2026-06-30\nhost="
                        + java.net.InetAddress.getLocalHost().getHostName() + "\npid="
                        + ProcessHandle.current().pid()
                        + "\nsince=" + java.time.Instant.now() + "\n");
        CommandRun busy = run(warehouse);
        assertThat(busy.code()).isEqualTo(1);
        assertThat(busy.err())
                .contains("is in use by run as of 2026-06-30 (pid "
                        + ProcessHandle.current().pid());
        assertThat(warehouse.resolve("runs")).doesNotExist();

        long dead = new ProcessBuilder("true").start().pid(); // exits at once: its pid names no live process
        Files.writeString(
                warehouse.resolve("_LOCK"),
                "purpose=run\nhost="
                        + java.net.InetAddress.getLocalHost().getHostName() + "\npid=" + dead + "\nsince="
                        + java.time.Instant.now() + "\n");
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CommandRun taken = run(warehouse);
        assertThat(taken.code()).as(taken.err()).isZero();
        assertThat(warehouse.resolve("_LOCK")).doesNotExist(); // released at the end
    }

    @Test
    void anOlderAsOfWritesItsRunButLeavesCurrentAlone() throws IOException {
        Path warehouse = tmp.resolve("older");
        assertThat(run(warehouse).code()).isZero();
        CommandRun older = cli.execute(
                "run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--as-of", "2025-06-30");
        assertThat(older.code()).isZero();
        assertThat(warehouse.resolve("runs/2025-06-30_1/manifest.json")).exists();
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2026-06-30_1");
    }

    @Test
    void anIoErrorWritingAMartFailsTheRunLeavesCurrentAndTheSameCommandCompletesIt() throws IOException {
        Path reference = tmp.resolve("reference");
        assertThat(run(reference).code()).isZero();
        Path warehouse = tmp.resolve("faulty");
        String uri = "faulty://" + warehouse;
        CommandRun before =
                cli.execute("run", "--inbox", inbox.toString(), "--warehouse", uri, "--as-of", "2025-06-30");
        assertThat(before.code()).as(before.err()).isZero();

        FaultyFileSystem.failOn = "cohort_impact";
        CommandRun failed;
        try {
            failed = cli.execute("run", "--inbox", inbox.toString(), "--warehouse", uri, "--as-of", "2026-06-30");
        } finally {
            FaultyFileSystem.failOn = null;
        }
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err().lines().toList())
                .singleElement()
                .asString()
                .contains("No space left on device")
                .contains("start the same command again");
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=2025-06-30_1");
        assertThat(warehouse.resolve("runs/2026-06-30_1/manifest.json")).doesNotExist();

        CommandRun resumed =
                cli.execute("run", "--inbox", inbox.toString(), "--warehouse", uri, "--as-of", "2026-06-30");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(warehouse.resolve("current/_PUBLISHED"))
                .content()
                .contains("run_id=2026-06-30_1"); // same run, restarted
        assertThat(martHashes(warehouse.resolve("runs/2026-06-30_1")))
                .isEqualTo(martHashes(reference.resolve("runs/2026-06-30_1")));
        // finished work is not redone: the restart ran only the steps that had not completed
        assertThat(stepsOfLastExecution())
                .containsExactly("writeMarts", "compareRuns", "writeReport", "writeManifest", "publish");
        assertThat(warehouse.resolve("runs/2026-06-30_1/work"))
                .as("checkpoints removed once finished")
                .doesNotExist();
    }

    private static List<String> stepsOfLastExecution() {
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("jobs"), "sa", "");
                var s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT step_name FROM batch_step_execution WHERE job_execution_id ="
                        + " (SELECT max(job_execution_id) FROM batch_job_execution) ORDER BY step_execution_id")) {
            List<String> steps = new java.util.ArrayList<>();
            while (r.next()) {
                steps.add(r.getString(1));
            }
            return steps;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWarehouseThatCannotBeWrittenFailsWithOneLine() throws IOException {
        Path blocker = tmp.resolve("a-file");
        Files.writeString(blocker, "not a directory");
        CommandRun r = run(blocker.resolve("warehouse"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement().asString().contains("a-file");
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
