package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.InboxFixture;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Sha256;
import org.sea.pli.testing.CommandRun;

/**
 * What a hostile or careless LEA does to an inbox, end to end through the command line (docs/spec.md §1, §3.1, §5.7, §7): a
 * recorded file that disappears, names Hadoop or the platform charset cannot take, unknown
 * settings, and failures whose message must name their cause.
 */
class HostileInboxTest {

    private static final String AS_OF = "2026-06-30";
    private static final String ATTENDANCE = "educator_id,activity_id,school_year,session_date,minutes\n";

    @TempDir
    Path tmp;

    private CommandRun run(Path inbox, Path warehouse, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--as-of", AS_OF));
        args.addAll(List.of(extra));
        return new Cli(tmp.resolve("jobs")).execute(args.toArray(String[]::new));
    }

    /** load_report of a run, by "lea_id/file", read with DuckDB as a BI tool would. */
    static Map<String, Map<String, Object>> loadReport(Path runDir) throws Exception {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM read_parquet('"
                        + runDir.resolve("marts/load_report/part-00000.parquet") + "')")) {
            ResultSetMetaData m = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    row.put(m.getColumnName(i), r.getObject(i));
                }
                rows.put(row.get("lea_id") + "/" + row.get("file"), row);
            }
        }
        return rows;
    }

    private static InboxFixture smallInbox(Path root) throws IOException {
        InboxFixture f = new InboxFixture(root); // leas.csv: lea-1, lea-2
        f.activities("lea-1", "2026-06-01");
        f.write("lea-1/attendance_2026-06-01.csv", ATTENDANCE + "e-1,a-1,2025-26,2025-10-01,60\n");
        f.activities("lea-2", "2026-06-01");
        return f;
    }

    @Test
    void aRecordedFileThatIsGoneOrNoLongerARegularFileFailsTheRunUnlessAllowedAndIsThenReported() throws Exception {
        Path inbox = tmp.resolve("inbox");
        smallInbox(inbox);
        Path warehouse = tmp.resolve("w");
        assertThat(run(inbox, warehouse).code()).isZero();
        Path attendance = inbox.resolve("lea-1/attendance_2026-06-01.csv");
        String recorded = Sha256.of(Files.newInputStream(attendance));

        // the file replaced by a broken link, another one deleted
        Files.delete(attendance);
        Files.createSymbolicLink(attendance, inbox.resolve("nowhere.csv"));
        Files.delete(inbox.resolve("lea-2/pl_activities_2026-06-01.csv"));
        CommandRun refused = run(inbox, warehouse);

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err())
                .contains(
                        "file_missing",
                        "lea-1/attendance_2026-06-01.csv (recorded by run " + AS_OF + "_1)",
                        "lea-2/pl_activities_2026-06-01.csv",
                        "--allow-changed-files")
                .doesNotContain("start the same command again")
                .doesNotContain("\tat ");

        CommandRun allowed = run(inbox, warehouse, "--allow-changed-files");

        assertThat(allowed.code()).as(allowed.err()).isZero();
        // the same command with the flag resumes the failed run (a non-identifying job parameter)
        assertThat(warehouse.resolve("current/_PUBLISHED")).content().contains("run_id=" + AS_OF + "_2");
        Path runDir = warehouse.resolve("runs/" + AS_OF + "_2");
        Map<String, Object> gone = loadReport(runDir).get("lea-1/attendance_2026-06-01.csv");
        assertThat(gone)
                .containsEntry("status", "ignored")
                .containsEntry("reason", "file_missing")
                .containsEntry("sha256", recorded)
                .containsEntry("extract", "attendance")
                .containsEntry("extract_date", java.time.LocalDate.of(2026, 6, 1))
                .containsEntry("rows_read", null);
        assertThat(loadReport(runDir).get("lea-2/pl_activities_2026-06-01.csv"))
                .containsEntry("reason", "file_missing");
        // one row for the path, not a not_a_file row beside the file_missing one
        assertThat(loadReport(runDir).keySet())
                .containsExactly(
                        "lea-1/attendance_2026-06-01.csv",
                        "lea-1/pl_activities_2026-06-01.csv",
                        "lea-2/pl_activities_2026-06-01.csv");
        RunManifest manifest = RunManifest.parse(Files.readAllBytes(runDir.resolve("manifest.json")));
        assertThat(manifest.inputs())
                .filteredOn(i -> i.path().equals("lea-1/attendance_2026-06-01.csv"))
                .singleElement()
                .satisfies(i -> assertThat(i.sha256()).isNull());

        // accepted once: the next run has nothing new to say and succeeds without the flag
        assertThat(run(inbox, warehouse).code()).isZero();
    }

    @Test
    void colonsPercentSignsSpacesAndSubfoldersInNamesNeverFailTheRunAndAreReported() throws Exception {
        Path inbox = tmp.resolve("odd");
        InboxFixture f = new InboxFixture(inbox);
        f.write("_state/leas.csv", "lea_id,lea_name,region\nL00:1,Colon LEA,north\nlea-2,Second,south\n");
        f.activities("L00:1", "2026-06-01");
        // 1 of 2 rows rejected: quarantine/L00:1/attendance_2026-06-01.csv must be writable
        f.write(
                "L00:1/attendance_2026-06-01.csv",
                ATTENDANCE + "e-1,a-1,2025-26,2025-10-01,60\n" + "e-2,a-1,2025-26,2025-10-01,9999\n");
        f.write("L00:1/a%20b c:d#e?.csv", "x\n");
        f.write("L00:1/archive/attendance_2026-06-01.csv", "x\n");
        f.write("L%41 :x/attendance_2026-06-01.csv", "x\n");
        f.activities("lea-2", "2026-06-01");
        Path warehouse = tmp.resolve("w-odd");

        CommandRun r = run(inbox, warehouse, "--pli.max-reject-rate=0.5");

        assertThat(r.code()).as(r.err()).isZero();
        Path runDir = warehouse.resolve("runs/" + AS_OF + "_1");
        Map<String, Map<String, Object>> report = loadReport(runDir);
        assertThat(report.keySet())
                .containsExactly(
                        "L%41 :x/attendance_2026-06-01.csv",
                        "L00:1/a%20b c:d#e?.csv",
                        "L00:1/archive",
                        "L00:1/attendance_2026-06-01.csv",
                        "L00:1/pl_activities_2026-06-01.csv",
                        "lea-2/pl_activities_2026-06-01.csv");
        assertThat(report.get("L%41 :x/attendance_2026-06-01.csv")).containsEntry("reason", "unknown_lea");
        assertThat(report.get("L00:1/a%20b c:d#e?.csv")).containsEntry("reason", "unknown_file");
        assertThat(report.get("L00:1/archive"))
                .containsEntry("reason", "not_a_file")
                .containsEntry("sha256", null);
        assertThat(report.get("L00:1/attendance_2026-06-01.csv")).containsEntry("rows_rejected", 1L);
        assertThat(runDir.resolve("quarantine/L00:1/attendance_2026-06-01.csv"))
                .content()
                .contains("e-2,a-1,2025-26,2025-10-01,9999,3,out_of_range");
        // every odd path is in the manifest, which verify reproduces byte for byte
        CommandRun verify = new Cli(tmp.resolve("jobs"))
                .execute(
                        "verify",
                        "--warehouse",
                        warehouse.toString(),
                        "--run",
                        AS_OF + "_1",
                        "--inbox",
                        inbox.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void anUnknownPliSettingIsAConfigurationErrorNamingItAndTheNearestKnownKey() throws Exception {
        Path inbox = tmp.resolve("inbox-typo");
        smallInbox(inbox);

        CommandRun r = run(inbox, tmp.resolve("w-typo"), "--pli.min-cel-size=3");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .isEqualTo("pl-impact: configuration error: unknown setting "
                        + "pli.min-cel-size (did you mean pli.min-cell-size?)");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(tmp.resolve("w-typo")).doesNotExist();
    }

    @Test
    void aMissingStateFileDoesNotPromiseThatARestartHelps() throws Exception {
        Path inbox = tmp.resolve("inbox-state");
        smallInbox(inbox);
        Files.delete(inbox.resolve("_state/rubric.csv"));

        CommandRun r = run(inbox, tmp.resolve("w-state"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("_state/rubric.csv").doesNotContain("start the same command again");
    }

    @Test
    void aWarehouseThatCannotBeCreatedNamesTheCause() throws Exception {
        Path inbox = tmp.resolve("inbox-proc");
        smallInbox(inbox);
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");

        CommandRun proc = run(inbox, Path.of("/proc/pl-impact-x"));
        CommandRun underAFile = run(inbox, file.resolve("w"));

        assertThat(proc.code()).isEqualTo(1);
        assertThat(proc.err()).contains("/proc/pl-impact-x").containsIgnoringCase("no such file or directory");
        assertThat(underAFile.code()).isEqualTo(1);
        assertThat(underAFile.err()).containsIgnoringCase("not a directory");
    }

    /**
     * §1 "whatever the locale": with LANG unset (cron, containers) the JVM decodes file names as
     * ASCII; a non-ASCII LEA folder used to become the checkpoint {@code .L00??.bin.tmp}, which
     * cannot be created. In a child JVM, because the platform charset is fixed at JVM start.
     */
    @Test
    void nonAsciiNamesDoNotFailARunWithoutALocale() throws Exception {
        Path inbox = tmp.resolve("inbox-ascii");
        InboxFixture f = smallInbox(inbox);
        // L00ü/… and asistencia_ñ.csv, written by the shell: this JVM may have no locale either
        org.sea.pli.testing.NativeNames.write(inbox, "L00\\303\\274/attendance_2026-06-01.csv", "x\n");
        org.sea.pli.testing.NativeNames.write(inbox, "lea-1/asistencia_\\303\\261.csv", "x\n");
        Path warehouse = tmp.resolve("w-ascii");
        List<String> command = List.of(
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
                AS_OF,
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("ascii-jobs"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("ascii.log").toFile());
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().put("PLI_PSEUDONYM_KEY", "ascii-test-key");
        Process p = pb.start();

        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(tmp.resolve("ascii.log"));
        assertThat(p.exitValue()).as(log).isZero();
        Map<String, Map<String, Object>> report = loadReport(warehouse.resolve("runs/" + AS_OF + "_1"));
        assertThat(report).hasSize(5); // 3 files of smallInbox + the two oddly named ones, garbled or not
        assertThat(report.values())
                .filteredOn(row -> "unknown_lea".equals(row.get("reason")))
                .hasSize(1);
    }
}
