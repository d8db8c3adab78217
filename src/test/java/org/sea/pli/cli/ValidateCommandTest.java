package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.InboxFixture;
import org.sea.pli.testing.CommandRun;

/**
 * The {@code validate} verb (spec §7): one LEA's folder through the §1–§3 load of a run. The LEA
 * {@code lea-1} of the fixture holds every kind of bad file; {@code validate} must print exactly
 * the {@code load_report} rows and write exactly the quarantine files a {@code run} of the same
 * inbox does, so the class makes one run (a Spring context, seconds) and compares.
 */
class ValidateCommandTest {

    private static final String AS_OF = "2026-06-30";
    private static final List<String> COLUMNS = List.of(
            "file",
            "status",
            "reason",
            "rows_read",
            "rows_accepted",
            "rows_rejected",
            "reject_reasons",
            "unknown_columns");

    @TempDir
    static Path tmp;

    private static Path inbox;
    private static Path warehouse;
    private static CommandRun validated;

    @BeforeAll
    static void runAndValidate() throws IOException {
        inbox = tmp.resolve("inbox");
        InboxFixture f = new InboxFixture(inbox);
        f.write(
                "_state/leas.csv",
                "lea_id,lea_name,region\nlea-1,First LEA,north\nlea-2,Second LEA,south\n" + "lea-3,Third LEA,east\n");
        // pl_activities: 05-01 superseded by 06-01 for 2025-26 (§1.1)
        f.activities("lea-1", "2026-05-01");
        f.activities("lea-1", "2026-06-01");
        // attendance: 05-01 stays in force for 2025-26 because the newer 06-01 is rejected: stale_in_force
        StringBuilder att = new StringBuilder("educator_id,activity_id,school_year,session_date,minutes\n");
        for (int i = 0; i < 20; i++) {
            att.append("e-").append(i).append(",a-1,2025-26,2025-10-01,60\n");
        }
        f.gzip("lea-1/attendance_2026-05-01.csv.gz", att.toString());
        // 3 of 10 rows rejected > 5%: reject_rate_exceeded (§3.2); it claims 2025-26
        f.write(
                "lea-1/attendance_2026-06-01.csv",
                "educator_id,activity_id,school_year,session_date,minutes\n"
                        + "e-0,a-1,2025-26,2025-10-02,60\n"
                        + "e-1,a-1,2025-26,2025-10-02,45.5\n" // line 3: bad_type
                        + "e-2,a-1,2025-26,2025-10-02,0\n" // line 4: out_of_range
                        + "e-3,a-1,2025-26,2025-10-02,30,see attached\n" // line 5: malformed_row
                        + "e-4,a-1,2025-26,2025-10-02,60\ne-5,a-1,2025-26,2025-10-02,60\ne-6,a-1,2025-26,2025-10-02,60\n"
                        + "e-7,a-1,2025-26,2025-10-02,60\ne-8,a-1,2025-26,2025-10-02,60\ne-9,a-1,2025-26,2025-10-02,60\n");
        // satisfaction: 2 of 40 rejected (5%, not more): in force, both rows quarantined; an unknown column
        StringBuilder sat = new StringBuilder(
                "educator_id,activity_id,school_year,responded_on,relevance,quality,intent_to_apply,Comment\n");
        sat.append("e-0,a-1,2025-26,2025-10-01,5,4,4,\"two\nlines\"\n"); // lines 2-3
        for (int i = 1; i <= 37; i++) { // lines 4-40
            sat.append("e-").append(i).append(",a-1,2025-26,2025-10-01,4,,,ok\n");
        }
        sat.append("e-38,a-1,2025-26,2025-10-01,6,4,4,\"=1+1\"\n"); // line 41: out_of_range
        sat.append("e-39,a-9,2025-26,2025-10-01,3,3,3,\n"); // line 42: unknown_activity
        f.write("lea-1/satisfaction_2026-06-01.csv", sat.toString());
        f.write("lea-1/satisfaction_2026-05-01.csv", ""); // no header: unreadable
        f.write(
                "lea-1/enrollments_2026-06-01.csv",
                "educator_id,activity_id,school_year,enrolled_on\n"
                        + "e-0,a-1,2025-26,2025-09-01\n"); // no role: missing_column
        f.write(
                "lea-1/enrollments_2026-07-01.csv",
                "educator_id,activity_id,school_year,role,enrolled_on\n"
                        + "e-9,a-1,2025-26,teacher,2025-09-01\n"); // after_as_of
        f.bytes(
                "lea-1/pl_funding_2026-06-01.csv",
                ("activity_id,school_year,funding_source,amount_usd,note\n" + "a-1,2025-26,title_ii_a,100,Caf\u00e9\n")
                        .getBytes(StandardCharsets.ISO_8859_1)); // not UTF-8
        f.write("lea-1/artifact_ratings_2026-06-01.csv", "artifact_id\n");
        f.gzip("lea-1/artifact_ratings_2026-06-01.csv.gz", "artifact_id\n"); // both: ambiguous_file
        f.write(
                "lea-1/student_outcomes_2026-06-01.csv",
                "student_id,student_id,educator_id,school_year,"
                        + "assessment_id,subject,grade,prior_score,score\ns-1,s-1,e-0,2025-26,m-1,math,3,200,210\n");
        f.write("lea-1/README.txt", "not an extract\n"); // unknown_file
        f.write("lea-1/old/pl_activities_2025-06-01.csv", InboxFixture.ACTIVITIES_HEADER + "\n"); // a subfolder
        Files.createDirectories(inbox.resolve("lea-2")); // an empty folder; lea-3 has none
        f.write("lea-9/pl_activities_2026-06-01.csv", InboxFixture.ACTIVITIES_HEADER + "\n"); // not in leas.csv

        warehouse = tmp.resolve("warehouse");
        CommandRun run = CommandRun.execute(
                CommandRun.KEY_ENV,
                List.of(
                        "run",
                        "--inbox",
                        inbox.toString(),
                        "--warehouse",
                        warehouse.toString(),
                        "--as-of",
                        AS_OF,
                        "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobrepo")));
        assertThat(run.code()).as(run.err()).isZero();

        validated = validate(
                "--inbox",
                inbox.toString(),
                "--lea",
                "lea-1",
                "--as-of",
                AS_OF,
                "--quarantine",
                tmp.resolve("q").toString());
    }

    private static CommandRun validate(String... args) {
        List<String> all = new ArrayList<>(List.of("validate"));
        all.addAll(Arrays.asList(args));
        return CommandRun.execute(Map.of(), all); // no PLI_PSEUDONYM_KEY: validate needs none
    }

    @Test
    void aFileThatWouldBeRejectedExitsFour() {
        assertThat(validated.code()).as(validated.err()).isEqualTo(4);
        assertThat(validated.err()).isEmpty();
        List<List<String>> table = table(validated.out());
        // four of the files below are rejected today; a duplicated header column (student_outcomes) may add one
        long rejected = table.stream().filter(r -> r.get(1).equals("rejected")).count();
        assertThat(rejected).isGreaterThanOrEqualTo(4);
        assertThat(validated.out())
                .contains("lea-1: " + rejected + " of " + table.size()
                        + " files would be rejected: fix them and validate again before sending");
    }

    @Test
    void theTableIsTheLoadReportOfTheRunForThatLea() throws SQLException {
        List<List<String>> printed = table(validated.out());
        List<List<String>> loadReport = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + String.join(", ", COLUMNS) + " FROM read_parquet('"
                        + warehouse.resolve("current/load_report/part-00000.parquet") + "') WHERE lea_id = 'lea-1'")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (String column : COLUMNS) {
                    Object v = rs.getObject(column);
                    row.add(v == null ? "-" : v.toString());
                }
                loadReport.add(row);
            }
        }
        assertThat(loadReport)
                .extracting(r -> r.get(0))
                .contains(
                        "README.txt",
                        "artifact_ratings_2026-06-01.csv",
                        "artifact_ratings_2026-06-01.csv.gz",
                        "attendance_2026-05-01.csv.gz",
                        "attendance_2026-06-01.csv",
                        "enrollments_2026-06-01.csv",
                        "enrollments_2026-07-01.csv",
                        "pl_activities_2026-05-01.csv",
                        "pl_activities_2026-06-01.csv",
                        "pl_funding_2026-06-01.csv",
                        "satisfaction_2026-05-01.csv",
                        "satisfaction_2026-06-01.csv",
                        "student_outcomes_2026-06-01.csv");
        assertThat(printed).containsExactlyElementsOf(loadReport); // same rows, same key order (§5.7)
    }

    @Test
    void eachKindOfBadFileGetsItsStatusAndReason() {
        Map<String, List<String>> by = new TreeMap<>();
        table(validated.out()).forEach(r -> by.put(r.get(0), r.subList(1, r.size())));
        // status, reason, rows read, accepted, rejected, reject_reasons, unknown_columns — from spec §1, §1.1, §3.2
        assertThat(by.get("pl_activities_2026-05-01.csv")).containsExactly("superseded", "-", "2", "2", "0", "{}", "-");
        assertThat(by.get("pl_activities_2026-06-01.csv")).containsExactly("in_force", "-", "2", "2", "0", "{}", "-");
        assertThat(by.get("attendance_2026-05-01.csv.gz"))
                .containsExactly("stale_in_force", "-", "20", "20", "0", "{}", "-");
        // 3 > 0.05 × 10 rejected
        assertThat(by.get("attendance_2026-06-01.csv"))
                .containsExactly(
                        "rejected",
                        "reject_rate_exceeded",
                        "10",
                        "7",
                        "3",
                        "{\"bad_type\":1,\"malformed_row\":1,\"out_of_range\":1}",
                        "-");
        // 2 = 0.05 × 40 is not more than the rate
        assertThat(by.get("satisfaction_2026-06-01.csv"))
                .containsExactly(
                        "in_force", "-", "40", "38", "2", "{\"out_of_range\":1,\"unknown_activity\":1}", "comment");
        assertThat(by.get("satisfaction_2026-05-01.csv").subList(0, 2)).containsExactly("rejected", "unreadable");
        assertThat(by.get("pl_funding_2026-06-01.csv").subList(0, 2)).containsExactly("rejected", "unreadable");
        assertThat(by.get("enrollments_2026-06-01.csv"))
                .containsExactly("rejected", "missing_column", "1", "0", "0", "{}", "-");
        assertThat(by.get("enrollments_2026-07-01.csv"))
                .containsExactly("ignored", "after_as_of", "-", "-", "-", "-", "-");
        assertThat(by.get("artifact_ratings_2026-06-01.csv").subList(0, 2))
                .containsExactly("ignored", "ambiguous_file");
        assertThat(by.get("artifact_ratings_2026-06-01.csv.gz").subList(0, 2))
                .containsExactly("ignored", "ambiguous_file");
        assertThat(by.get("README.txt")).containsExactly("ignored", "unknown_file", "-", "-", "-", "-", "-");
    }

    @Test
    void theQuarantineFilesAreByteForByteTheRunsQuarantine() throws IOException {
        Path runQuarantine = warehouse.resolve("runs/" + AS_OF + "_1/quarantine/lea-1");
        Map<String, byte[]> expected = files(runQuarantine);
        Map<String, byte[]> actual = files(tmp.resolve("q/lea-1"));
        assertThat(expected).containsOnlyKeys("attendance_2026-06-01.csv", "satisfaction_2026-06-01.csv");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void theFirstRejectedRowsOfEachFileAreShownWithLineAndReason() {
        List<String> lines = validated.out().lines().toList();
        int sat = lines.indexOf("satisfaction_2026-06-01.csv: 2 rejected rows (all in "
                + tmp.resolve("q/lea-1/satisfaction_2026-06-01.csv") + ")");
        assertThat(sat).isPositive();
        assertThat(lines.get(sat + 1)).startsWith("  line 41: out_of_range: e-38,a-1,2025-26,2025-10-01,6,4,4,");
        assertThat(lines.get(sat + 2)).isEqualTo("  line 42: unknown_activity: e-39,a-9,2025-26,2025-10-01,3,3,3,");
        int att = lines.indexOf("attendance_2026-06-01.csv: 3 rejected rows (all in "
                + tmp.resolve("q/lea-1/attendance_2026-06-01.csv") + ")");
        assertThat(lines.subList(att + 1, att + 4))
                .containsExactly(
                        "  line 3: bad_type: e-1,a-1,2025-26,2025-10-02,45.5",
                        "  line 4: out_of_range: e-2,a-1,2025-26,2025-10-02,0",
                        "  line 5: malformed_row: e-3,a-1,2025-26,2025-10-02,30,see attached");
    }

    @Test
    void noEducatorIdIsPrintedOutsideTheRejectedRows() {
        assertThat(validated.out().lines().filter(l -> !l.startsWith("  line ")))
                .isNotEmpty()
                .noneMatch(l -> l.matches(".*\\be-\\d+.*"));
    }

    @Test
    void settingsReachTheLoadAsForARun() {
        // 3 of 10 rejected is within a 0.5 rate: the attendance file is accepted and supersedes 05-01
        CommandRun lenient =
                validate("--inbox", inbox.toString(), "--lea", "lea-1", "--as-of", AS_OF, "--pli.max-reject-rate=0.5");
        Map<String, List<String>> by = new TreeMap<>();
        table(lenient.out()).forEach(r -> by.put(r.get(0), r.subList(1, 3)));
        assertThat(by.get("attendance_2026-06-01.csv")).containsExactly("in_force", "-");
        assertThat(by.get("attendance_2026-05-01.csv.gz")).containsExactly("superseded", "-");
        assertThat(lenient.out()).contains("max-reject-rate 0.5");
    }

    @Test
    void anEmptyLeaFolderOrNoFolderAtAllFindsNothingAndExitsZero() {
        for (String lea : List.of("lea-2", "lea-3")) {
            CommandRun r = validate("--inbox", inbox.toString(), "--lea", lea, "--as-of", AS_OF);
            assertThat(r.code()).as(lea).isZero();
            assertThat(r.out().lines().toList())
                    .as(lea)
                    .containsExactly(
                            "no files found for LEA " + lea + " in " + inbox.resolve(lea) + ": nothing to validate");
        }
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() throws IOException {
        Path noState = Files.createDirectories(tmp.resolve("no-state/lea-1"));
        Map<String, CommandRun> cases = new LinkedHashMap<>();
        cases.put(
                "LEA 'lea-9' is not in _state/leas.csv",
                validate("--inbox", inbox.toString(), "--lea", "lea-9", "--as-of", AS_OF));
        cases.put(
                "missing state file _state/leas.csv",
                validate("--inbox", noState.getParent().toString(), "--lea", "lea-1", "--as-of", AS_OF));
        cases.put(
                "--as-of must be a date YYYY-MM-DD, got '2026-13-01'",
                validate("--inbox", inbox.toString(), "--lea", "lea-1", "--as-of", "2026-13-01"));
        cases.put("missing required option --lea", validate("--inbox", inbox.toString()));
        cases.put(
                "is inside the inbox",
                validate(
                        "--inbox",
                        inbox.toString(),
                        "--lea",
                        "lea-1",
                        "--as-of",
                        AS_OF,
                        "--quarantine",
                        inbox.toString()));
        cases.forEach((what, r) -> {
            assertThat(r.code()).as(what).isEqualTo(2);
            assertThat(r.errLines()).as(what).hasSize(2);
            assertThat(r.errLines().get(0)).as(what).startsWith("pl-impact: ").contains(what);
            assertThat(r.errLines().get(1)).isEqualTo("see 'java -jar target/pl-impact.jar validate --help'");
            assertThat(r.out()).as(what).isEmpty();
        });
        // the inbox is the archive: --quarantine pointed at it wrote nothing there
        assertThat(inbox.resolve("lea-1/attendance_2026-06-01.csv")).content().startsWith("educator_id,");
    }

    /** The printed table: the rows under the header line, cells split on blanks, thousands separators dropped. */
    private static List<List<String>> table(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(
                lines.stream().filter(l -> l.startsWith("file ")).findFirst().orElseThrow());
        assertThat(lines.get(header).split("\\s+")).containsExactlyElementsOf(COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            rows.add(Stream.of(line.split("\\s+"))
                    .map(c -> c.matches("[\\d,]+") ? c.replace(",", "") : c)
                    .toList());
        }
        return rows;
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
