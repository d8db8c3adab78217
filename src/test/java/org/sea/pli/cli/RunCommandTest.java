package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.InboxFixture;

/**
 * The {@code run} verb end to end (docs/spec.md §1–§3, §5.7, §6, §7): a small inbox with every
 * file-level problem goes through {@link PlImpactCommand#execute}, and the published
 * {@code load_report} is read back with DuckDB as a BI tool would. Each full run starts a Spring
 * context (seconds), so the class makes three: the main run in {@link #runOnce}, a second
 * {@code --strict} run of the same as-of, and a run on an inbox without {@code leas.csv}.
 */
class RunCommandTest {

    private static final String AS_OF = "2026-06-30";
    private static final Map<String, String> ENV = Map.of("PLI_PSEUDONYM_KEY", "test-key-not-secret");

    @TempDir
    static Path tmp;

    private static Path inbox;
    private static Path warehouse;
    private static Result first;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Result execute(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PlImpactCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env)
                .execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A full run with its own job repository under the class's temp dir. */
    private static Result run(Path inboxDir, Path warehouseDir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--inbox",
                inboxDir.toString(),
                "--warehouse",
                warehouseDir.toString(),
                "--as-of",
                AS_OF,
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobrepo")));
        args.addAll(Arrays.asList(extra));
        return execute(ENV, args.toArray(String[]::new));
    }

    @BeforeAll
    static void runOnce() throws IOException {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        InboxFixture f = new InboxFixture(inbox); // leas.csv: lea-1, lea-2
        // lea-1: the good LEA, plus a few problems of its own
        f.activities("lea-1", "2026-06-01"); // a-1, a-2 of 2025-26
        f.write(
                "lea-1/enrollments_2026-06-01.csv",
                "educator_id,activity_id,school_year,role,enrolled_on\n"
                        + "e-0,a-1,2025-26,teacher,2025-09-01\n"
                        + "e-1,a-1,2025-26,instructional_coach,2025-09-01\n"
                        + "e-2,a-2,2025-26,teacher,2025-09-10\n");
        f.write(
                "lea-1/enrollments_2026-07-01.csv",
                "educator_id,activity_id,school_year,role,enrolled_on\n"
                        + "e-9,a-1,2025-26,teacher,2025-09-01\n"); // after the as-of date
        StringBuilder attendance = new StringBuilder("educator_id,activity_id,school_year,session_date,minutes\n");
        for (int i = 0; i < 20; i++) {
            attendance.append("e-").append(i).append(",a-1,2025-26,2025-10-01,60\n");
        }
        attendance.append("e-0,a-1,2025-26,2025-10-01,45\n"); // duplicate_key: 1 of 21
        f.gzip("lea-1/attendance_2026-06-01.csv.gz", attendance.toString());
        f.write("lea-1/pl_funding_2026-06-01.csv", "activity_id,school_year,funding_source,amount_usd\n");
        // a few bad rows (2 of 40 = 5%, not more); an extra column whose quoted values span lines
        StringBuilder sat = new StringBuilder(
                "educator_id,activity_id,school_year,responded_on,relevance,quality,intent_to_apply,Comment\n");
        sat.append("e-0,a-1,2025-26,2025-10-01,5,4,4,\"two\nlines\"\n"); // lines 2-3
        for (int i = 1; i <= 37; i++) { // lines 4-40
            sat.append("e-").append(i).append(",a-1,2025-26,2025-10-01,4,,,ok\n");
        }
        sat.append("e-38,a-1,2025-26,2025-10-01,6,4,4,\"bad\nagain\"\n"); // line 41: out_of_range
        sat.append("e-39,a-9,2025-26,2025-10-01,3,3,3,\n"); // line 43: unknown_activity
        f.write("lea-1/satisfaction_2026-06-01.csv", sat.toString());
        String ratingsHeader = "artifact_id,educator_id,activity_id,school_year,artifact_type,phase,rated_on,"
                + "rater_id,dimension,score\n";
        StringBuilder ratings = new StringBuilder(ratingsHeader);
        for (int i = 0; i < 7; i++) {
            ratings.append("art-")
                    .append(i)
                    .append(",e-0,a-1,2025-26,lesson_plan,baseline,2025-09-15,r-1,engagement,3\n");
        }
        ratings.append("art-7,e-0,a-1,2025-26,lesson_plan,baseline,2025-09-15,r-1,curiosity,3\n"); // bad_enum
        ratings.append("art-8,e-0,a-1,2025-26,lesson_plan,baseline,2025-09-15,r-1,engagement,5\n"); // out_of_range
        ratings.append("art-9,e-0,a-1,2025-26,lesson_plan,baseline,2025-09-15,r-1,engagement,x\n"); // bad_type
        f.write("lea-1/artifact_ratings_2026-06-01.csv", ratings.toString()); // 3 of 10: rejected
        f.write("lea-1/README.txt", "not an extract\n");
        // lea-2: only problems
        f.bytes(
                "lea-2/pl_activities_2026-06-01.csv",
                (InboxFixture.ACTIVITIES_HEADER
                                + "\na-1,2025-26,Caf\u00e9,c-1,coaching,udl,false,udl,2025-08-01,2025-08-01,1\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        f.write(
                "lea-2/enrollments_2026-06-01.csv",
                "educator_id,activity_id,school_year,enrolled_on\n"
                        + "e-0,a-1,2025-26,2025-09-01\ne-1,a-1,2025-26,2025-09-01\n"); // no role
        f.write("lea-2/attendance_2026-06-01.csv", "educator_id,activity_id,school_year,session_date,minutes\n");
        f.gzip("lea-2/attendance_2026-06-01.csv.gz", "educator_id,activity_id,school_year,session_date,minutes\n");
        // lea-9: not in leas.csv
        f.write("lea-9/pl_activities_2026-06-01.csv", InboxFixture.ACTIVITIES_HEADER + "\n");
        f.write("lea-9/notes.txt", "hello\n");

        first = run(inbox, warehouse);
    }

    @Test
    void theRunSucceedsDespiteRejectedFiles() {
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(warehouse.resolve("runs/" + AS_OF + "_1")).isDirectory();
    }

    @Test
    void loadReportHasTheExactColumnsAndTypesOfSection5_7() throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + loadReport() + "')")) {
            while (rs.next()) {
                columns.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        assertThat(columns)
                .containsExactly(
                        entry("lea_id", "VARCHAR"),
                        entry("extract", "VARCHAR"),
                        entry("file", "VARCHAR"),
                        entry("extract_date", "DATE"),
                        entry("sha256", "VARCHAR"),
                        entry("rows_read", "BIGINT"),
                        entry("rows_accepted", "BIGINT"),
                        entry("rows_rejected", "BIGINT"),
                        entry("status", "VARCHAR"),
                        entry("reason", "VARCHAR"),
                        entry("reject_reasons", "VARCHAR"),
                        entry("unknown_columns", "VARCHAR"));
    }

    @Test
    void loadReportHasOneRowPerFileInKeyOrderWithEachStatusAndReason() throws Exception {
        List<Map<String, Object>> rows = readLoadReport();

        // key: lea_id, extract (nulls first), file
        assertThat(rows)
                .extracting(r -> r.get("lea_id") + "/" + r.get("file"))
                .containsExactly(
                        "lea-1/README.txt",
                        "lea-1/artifact_ratings_2026-06-01.csv",
                        "lea-1/attendance_2026-06-01.csv.gz",
                        "lea-1/enrollments_2026-06-01.csv",
                        "lea-1/enrollments_2026-07-01.csv",
                        "lea-1/pl_activities_2026-06-01.csv",
                        "lea-1/pl_funding_2026-06-01.csv",
                        "lea-1/satisfaction_2026-06-01.csv",
                        "lea-2/attendance_2026-06-01.csv",
                        "lea-2/attendance_2026-06-01.csv.gz",
                        "lea-2/enrollments_2026-06-01.csv",
                        "lea-2/pl_activities_2026-06-01.csv",
                        "lea-9/notes.txt",
                        "lea-9/pl_activities_2026-06-01.csv");
        Map<String, Map<String, Object>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.put(r.get("lea_id") + "/" + r.get("file"), r));

        // columns: extract, extract_date, rows_read, rows_accepted, rows_rejected, status, reason,
        // reject_reasons, unknown_columns
        expect(by, "lea-1/README.txt", null, null, null, null, null, "ignored", "unknown_file", null, null);
        expect(
                by,
                "lea-1/artifact_ratings_2026-06-01.csv",
                "artifact_ratings",
                "2026-06-01",
                10L,
                7L,
                3L,
                "rejected",
                "reject_rate_exceeded",
                "{\"bad_enum\":1,\"bad_type\":1,\"out_of_range\":1}",
                null);
        expect(
                by,
                "lea-1/attendance_2026-06-01.csv.gz",
                "attendance",
                "2026-06-01",
                21L,
                20L,
                1L,
                "in_force",
                null,
                "{\"duplicate_key\":1}",
                null);
        expect(
                by,
                "lea-1/enrollments_2026-06-01.csv",
                "enrollments",
                "2026-06-01",
                3L,
                3L,
                0L,
                "in_force",
                null,
                "{}",
                null);
        expect(
                by,
                "lea-1/enrollments_2026-07-01.csv",
                "enrollments",
                "2026-07-01",
                null,
                null,
                null,
                "ignored",
                "after_as_of",
                null,
                null);
        expect(
                by,
                "lea-1/pl_activities_2026-06-01.csv",
                "pl_activities",
                "2026-06-01",
                2L,
                2L,
                0L,
                "in_force",
                null,
                "{}",
                null);
        // header only: accepted, but in force for no school year (§1.1)
        expect(
                by,
                "lea-1/pl_funding_2026-06-01.csv",
                "pl_funding",
                "2026-06-01",
                0L,
                0L,
                0L,
                "superseded",
                null,
                "{}",
                null);
        expect(
                by,
                "lea-1/satisfaction_2026-06-01.csv",
                "satisfaction",
                "2026-06-01",
                40L,
                38L,
                2L,
                "in_force",
                null,
                "{\"out_of_range\":1,\"unknown_activity\":1}",
                "comment");
        expect(
                by,
                "lea-2/attendance_2026-06-01.csv",
                "attendance",
                "2026-06-01",
                null,
                null,
                null,
                "ignored",
                "ambiguous_file",
                null,
                null);
        expect(
                by,
                "lea-2/attendance_2026-06-01.csv.gz",
                "attendance",
                "2026-06-01",
                null,
                null,
                null,
                "ignored",
                "ambiguous_file",
                null,
                null);
        expect(
                by,
                "lea-2/enrollments_2026-06-01.csv",
                "enrollments",
                "2026-06-01",
                2L,
                0L,
                0L,
                "rejected",
                "missing_column",
                "{}",
                null);
        expect(by, "lea-9/notes.txt", null, null, null, null, null, "ignored", "unknown_lea", null, null);
        expect(
                by,
                "lea-9/pl_activities_2026-06-01.csv",
                "pl_activities",
                "2026-06-01",
                null,
                null,
                null,
                "ignored",
                "unknown_lea",
                null,
                null);
        // not UTF-8: no row is validated (§3.2); how many rows were read before the bad byte is not specified
        Map<String, Object> latin1 = by.get("lea-2/pl_activities_2026-06-01.csv");
        assertThat(latin1)
                .contains(
                        entry("extract", "pl_activities"),
                        entry("extract_date", "2026-06-01"),
                        entry("rows_accepted", 0L),
                        entry("rows_rejected", 0L),
                        entry("status", "rejected"),
                        entry("reason", "unreadable"),
                        entry("reject_reasons", "{}"),
                        entry("unknown_columns", null));
    }

    private static void expect(
            Map<String, Map<String, Object>> by,
            String file,
            String extract,
            String date,
            Long read,
            Long accepted,
            Long rejected,
            String status,
            String reason,
            String rejectReasons,
            String unknownColumns) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("extract", extract);
        expected.put("extract_date", date);
        expected.put("rows_read", read);
        expected.put("rows_accepted", accepted);
        expected.put("rows_rejected", rejected);
        expected.put("status", status);
        expected.put("reason", reason);
        expected.put("reject_reasons", rejectReasons);
        expected.put("unknown_columns", unknownColumns);
        Map<String, Object> actual = new LinkedHashMap<>(by.get(file));
        actual.keySet().retainAll(expected.keySet());
        assertThat(actual).as(file).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everyFileIsHashedWithTheSha256OfItsBytes() throws Exception {
        for (Map<String, Object> row : readLoadReport()) {
            Path file = inbox.resolve(row.get("lea_id") + "/" + row.get("file"));
            String expected = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(row.get("sha256")).as(file.toString()).isEqualTo(expected);
        }
    }

    @Test
    void rowsRejectedEqualsTheRecordsOfEachQuarantineFile() throws Exception {
        Path quarantine = warehouse.resolve("runs/" + AS_OF + "_1/quarantine");
        long total = 0;
        for (Map<String, Object> row : readLoadReport()) {
            String name = (String) row.get("file");
            Path q = quarantine.resolve(
                    row.get("lea_id") + "/" + (name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name));
            long rejected = row.get("rows_rejected") == null ? 0 : (Long) row.get("rows_rejected");
            List<CsvRecord> records = Files.exists(q) ? records(q) : List.of();
            long dataRecords = Math.max(0, records.size() - 1);
            assertThat(dataRecords).as(q.toString()).isEqualTo(rejected);
            total += dataRecords;
        }
        assertThat(total).isEqualTo(3 + 1 + 2);

        // §3.1: the original record plus _line (physical line where it starts) and _reason
        List<CsvRecord> sat = records(quarantine.resolve("lea-1/satisfaction_2026-06-01.csv"));
        assertThat(sat.get(0).getFields())
                .startsWith("educator_id")
                .endsWith("_line", "_reason")
                .hasSize(10);
        assertThat(sat.get(1).getFields())
                .containsExactly(
                        "e-38", "a-1", "2025-26", "2025-10-01", "6", "4", "4", "bad\nagain", "41", "out_of_range");
        assertThat(sat.get(2).getFields())
                .containsExactly("e-39", "a-9", "2025-26", "2025-10-01", "3", "3", "3", "", "43", "unknown_activity");
        assertThat(records(quarantine.resolve("lea-1/attendance_2026-06-01.csv"))
                        .get(1)
                        .getFields())
                .containsExactly("e-0", "a-1", "2025-26", "2025-10-01", "45", "22", "duplicate_key");
    }

    @Test
    void aSecondRunOfTheSameAsOfIsRunTwoAndStrictFailsAfterWritingTheReport() {
        assertThat(first.code()).isZero();

        Result strict = run(inbox, warehouse, "--strict");

        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).doesNotContain("\tat ");
        Path second = warehouse.resolve("runs/" + AS_OF + "_2");
        assertThat(second).isDirectory();
        assertThat(second.resolve("marts/load_report/part-00000.parquet")).isRegularFile();
        assertThat(warehouse.resolve("runs/" + AS_OF + "_3")).doesNotExist();
    }

    @Test
    void aMissingLeasCsvFailsTheRunWithOneLine() throws IOException {
        Path broken = tmp.resolve("broken-inbox");
        new InboxFixture(broken).activities("lea-1", "2026-06-01");
        Files.delete(broken.resolve("_state/leas.csv"));

        Result r = run(broken, tmp.resolve("broken-warehouse"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("_state/leas.csv").doesNotContain("\tat ");
        assertThat(tmp.resolve("broken-warehouse/current/load_report")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwoWithOneErrorLineFirstAndNoStackTrace() throws IOException {
        Path emptyInbox = Files.createDirectories(tmp.resolve("usage-inbox"));
        String in = emptyInbox.toString();
        String wh = tmp.resolve("usage-warehouse").toString();
        Map<String, Result> cases = new LinkedHashMap<>();
        cases.put("--inbox", execute(ENV, "run", "--warehouse", wh, "--as-of", AS_OF));
        cases.put("--as-of", execute(ENV, "run", "--inbox", in, "--warehouse", wh, "--as-of", "2026-02-30"));
        cases.put("--bogus", execute(ENV, "run", "--inbox", in, "--warehouse", wh, "--as-of", AS_OF, "--bogus"));
        cases.put("PLI_PSEUDONYM_KEY", execute(Map.of(), "run", "--inbox", in, "--warehouse", wh, "--as-of", AS_OF));
        cases.put("frobnicate", execute(ENV, "frobnicate", "--inbox", in));
        cases.forEach((what, r) -> {
            assertThat(r.code()).as(what).isEqualTo(2);
            List<String> lines = r.errLines();
            assertThat(lines).as(what).isNotEmpty();
            assertThat(lines.get(0)).as(what).startsWith("pl-impact: ").contains(what);
            assertThat(lines.subList(1, lines.size())).as(what).noneMatch(l -> l.startsWith("pl-impact:"));
            assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception");
        });
        assertThat(tmp.resolve("usage-warehouse")).doesNotExist();
    }

    @Test
    void runHelpExitsZero() {
        Result r = execute(Map.of(), "run", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run --inbox DIR --warehouse URI --as-of YYYY-MM-DD");
        assertThat(r.err()).isEmpty();
    }

    private String loadReport() {
        Path p = warehouse.resolve("current/load_report/part-00000.parquet");
        assertThat(p).isRegularFile();
        return p.toString().replace("'", "''");
    }

    private List<Map<String, Object>> readLoadReport() throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        // no ORDER BY: rows must already be in key order in the file (§5)
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + loadReport() + "')")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnName(i);
                    row.put(name, name.equals("extract_date") ? rs.getString(i) : rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<CsvRecord> records(Path csv) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv);
                Stream<CsvRecord> s = reader.stream()) {
            return s.toList();
        }
    }
}
