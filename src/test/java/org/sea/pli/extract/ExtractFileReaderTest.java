package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row rules of docs/spec.md §2 and file rules of §3, one file at a time. */
class ExtractFileReaderTest {

    @TempDir
    Path dir;

    private InboxFixture inbox;
    private final InboxFixture.MemoryQuarantine quarantine = new InboxFixture.MemoryQuarantine();
    private final ActivityCatalog activities = (year, id) -> year == 2025 && (id.equals("a-1") || id.equals("a-2"));

    @BeforeEach
    void setUp() throws IOException {
        inbox = new InboxFixture(dir);
    }

    private FileResult read(String relative, List<ExtractRow> kept) throws IOException {
        Inbox scanned = Inbox.scan(dir, LocalDate.parse("2026-06-30"));
        InboxFile file = scanned.files().stream()
                .filter(f -> f.relativePath().equals(relative))
                .findFirst()
                .orElseThrow();
        ExtractFold fold = new ExtractFold() {
            @Override
            public void accept(ExtractRow row) {
                kept.add(null);
            }

            @Override
            public void commit(int schoolYear) {}
        };
        return new ExtractFileReader(Set.of("engagement", "tech_use"), 0.05, quarantine).read(file, activities, fold);
    }

    private FileResult read(String relative) throws IOException {
        return read(relative, new ArrayList<>());
    }

    @Test
    void everyRowReasonOfSection2IsDetectedInPrecedenceOrder() throws IOException {
        // 40 good rows keep the 12 rejects at 12/52 — this test is about rows, so allow any rate.
        StringBuilder csv = new StringBuilder("educator_id,activity_id,school_year,session_date,minutes\n");
        for (int i = 0; i < 40; i++) {
            csv.append("e-").append(i).append(",a-1,2025-26,2025-10-01,60\n");
        }
        csv.append("e-x,a-1,2025-26,2025-10-01\n"); // malformed_row: 4 fields
        csv.append("e-x,a-1,2025-26,,60\n"); // missing_value
        csv.append("e-x,a-1,2025-26,,abc\n"); // missing_value beats bad_type
        csv.append("e x,a-1,2025-26,2025-10-02,60\n"); // bad_type: id with a space
        csv.append("e-y,a-1,2025-2026,2025-10-02,60\n"); // bad_type: school_year
        csv.append("e-y,a-1,2025-27,2025-10-02,60\n"); // bad_type: YY must be YYYY+1
        csv.append("e-y,a-1,2025-26,2025-02-30,60\n"); // bad_type: no such date
        csv.append("e-y,a-1,2025-26,2025-10-02,6.5\n"); // bad_type: int
        csv.append("e-y,a-1,2025-26,2025-10-02,0\n"); // out_of_range: minutes 1..720
        csv.append("e-y,a-1,2025-26,2026-07-01,60\n"); // out_of_range: after June 30
        csv.append("e-0,a-1,2025-26,2025-10-01,30\n"); // duplicate_key of the first row
        csv.append("e-z,a-9,2025-26,2025-10-01,30\n"); // unknown_activity
        inbox.write("lea-1/attendance_2026-06-30.csv", csv.toString());

        FileResult r = new ExtractFileReader(Set.of(), 1.0, quarantine)
                .read(
                        Inbox.scan(dir, LocalDate.parse("2026-06-30")).files().stream()
                                .filter(f -> f.extract().equals("attendance"))
                                .findFirst()
                                .orElseThrow(),
                        activities,
                        ExtractFold.NONE);

        assertThat(r.rowsRead()).isEqualTo(52);
        assertThat(r.rowsAccepted()).isEqualTo(40);
        assertThat(r.rowsRejected()).isEqualTo(12);
        assertThat(r.reasons())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "bad_type",
                        5L,
                        "duplicate_key",
                        1L,
                        "malformed_row",
                        1L,
                        "missing_value",
                        2L,
                        "out_of_range",
                        2L,
                        "unknown_activity",
                        1L)));
        assertThat(r.rejected()).isNull();
        String q = quarantine.text("lea-1/attendance_2026-06-30.csv");
        List<String> lines = q.lines().toList();
        assertThat(lines.get(0)).isEqualTo("educator_id,activity_id,school_year,session_date,minutes,_line,_reason");
        assertThat(lines).hasSize(13);
        assertThat(lines.get(1)).isEqualTo("e-x,a-1,2025-26,2025-10-01,42,malformed_row"); // header is line 1
        assertThat(lines.get(3)).endsWith(",44,missing_value");
        assertThat(lines.get(12)).isEqualTo("e-z,a-9,2025-26,2025-10-01,30,53,unknown_activity");
    }

    @Test
    void decimalAndEnumRulesOfTheOtherExtracts() throws IOException {
        String header = "activity_id,school_year,funding_source,amount_usd\n";
        StringBuilder csv = new StringBuilder(header);
        csv.append("a-1,2025-26,title_ii_a,12.500\n"); // fine: 12.5 once trailing zeros drop
        csv.append("a-1,2025-26,Title_IV_A , 1.2e3\n"); // fine: enum trimmed and lower-cased, scientific
        csv.append("a-1,2025-26,local,12.505\n"); // out_of_range: 3 decimals
        csv.append("a-1,2025-26,state,\"1,250.00\"\n"); // bad_type: thousands separator
        csv.append("a-1,2025-26,federal,5\n"); // bad_enum
        csv.append("a-1,2025-26,other,-1\n"); // out_of_range: negative
        csv.append("a-1,2025-26,perkins,NaN\n"); // out_of_range: non-finite
        csv.append("a-2,2025-26,perkins,-Infinity\n"); // out_of_range
        inbox.write("lea-1/pl_funding_2026-06-30.csv", csv.toString());
        List<ExtractRow> kept = new ArrayList<>();
        FileResult r = new ExtractFileReader(Set.of(), 1.0, quarantine)
                .read(Inbox.scan(dir, LocalDate.parse("2026-06-30")).files().get(0), activities, new ExtractFold() {
                    @Override
                    public void accept(ExtractRow row) {
                        kept.add(null);
                        assertThat(row.text(2)).isIn("title_ii_a", "title_iv_a");
                        assertThat(row.decimal(3))
                                .isIn(new java.math.BigDecimal("12.500"), new java.math.BigDecimal("1.2e3"));
                    }

                    @Override
                    public void commit(int schoolYear) {}
                });
        assertThat(kept).hasSize(2);
        assertThat(r.reasons())
                .containsEntry("out_of_range", 4L)
                .containsEntry("bad_type", 1L)
                .containsEntry("bad_enum", 1L);
    }

    /**
     * The validator takes a value equal to the one above it in the same column from the row above;
     * the verdict, the lower-cased enum and the parsed number must be those of a fresh parse, bad
     * values included.
     */
    @Test
    void aValueRepeatedFromTheRowAboveGetsTheVerdictAndValueOfAFreshParse() throws IOException {
        StringBuilder csv = new StringBuilder("activity_id,school_year,funding_source,amount_usd\n");
        csv.append("a-1,2025-26,Title_IV_A,12.50\n"); // accepted: enum lower-cased
        csv.append("a-2,2025-26,Title_IV_A,12.50\n"); // accepted: the same raw enum and amount again
        csv.append("a-1,2025-26,federal,5\n"); // bad_enum
        csv.append("a-2,2025-26,federal,5\n"); // bad_enum again, from the row above
        csv.append("a-1,2025-26,local,12.505\n"); // out_of_range: 3 decimals
        csv.append("a-2,2025-26,local,12.505\n"); // out_of_range again
        csv.append("a-1,2025-26,state,7\n"); // accepted
        csv.append("a-2,2025-26,state,7\n"); // accepted
        inbox.write("lea-1/pl_funding_2026-06-30.csv", csv.toString());
        List<String> enums = new ArrayList<>();
        List<java.math.BigDecimal> amounts = new ArrayList<>();
        FileResult r = new ExtractFileReader(Set.of(), 1.0, quarantine)
                .read(Inbox.scan(dir, LocalDate.parse("2026-06-30")).files().get(0), activities, new ExtractFold() {
                    @Override
                    public void accept(ExtractRow row) {
                        enums.add(row.text(2));
                        amounts.add(row.decimal(3));
                    }

                    @Override
                    public void commit(int schoolYear) {}
                });
        assertThat(r.rowsAccepted()).isEqualTo(4);
        assertThat(r.reasons())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("bad_enum", 2L, "out_of_range", 2L)));
        assertThat(enums).containsExactly("title_iv_a", "title_iv_a", "state", "state");
        assertThat(amounts)
                .containsExactly(
                        new java.math.BigDecimal("12.50"),
                        new java.math.BigDecimal("12.50"),
                        new java.math.BigDecimal("7"),
                        new java.math.BigDecimal("7"));
    }

    @Test
    void activityDatesRubricAndSatisfactionRules() throws IOException {
        inbox.write(
                "lea-1/pl_activities_2026-06-30.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n"
                        + "a-1,2025-26,Ok,c-1,coaching,udl,false,udl,2025-08-01,2025-08-01,0.5\n"
                        + "a-2,2025-26,Backwards,c-1,coaching,udl,false,udl,2025-09-01,2025-08-01,5\n"
                        + "a-3,2025-26,Zero hours,c-1,coaching,udl,false,udl,2025-08-01,2025-08-02,0\n"
                        + "a-4,2025-26,Too many,c-1,coaching,udl,false,udl,2025-08-01,2025-08-02,2000.01\n"
                        + "a-5,2025-26,Bad flag,c-1,coaching,udl,yes,udl,2025-08-01,2025-08-02,3\n");
        FileResult acts = read("lea-1/pl_activities_2026-06-30.csv");
        assertThat(acts.rowsAccepted()).isEqualTo(1);
        assertThat(acts.reasons()).containsEntry("out_of_range", 3L).containsEntry("bad_enum", 1L);

        inbox.write(
                "lea-1/artifact_ratings_2026-06-30.csv",
                "artifact_id,educator_id,activity_id,school_year,artifact_type,phase,rated_on,rater_id,dimension,score\n"
                        + "art-1,e-1,a-1,2025-26,lesson_plan,baseline,2025-09-01,r-1,engagement,3\n"
                        + "art-1,e-1,a-1,2025-26,lesson_plan,baseline,2025-09-01,r-1,curiosity,3\n"
                        + "art-1,e-1,a-1,2025-26,lesson_plan,baseline,2025-09-01,r-1,tech_use,5\n");
        FileResult ratings = read("lea-1/artifact_ratings_2026-06-30.csv");
        assertThat(ratings.reasons())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("bad_enum", 1L, "out_of_range", 1L)));

        inbox.write(
                "lea-1/satisfaction_2026-06-30.csv",
                "educator_id,activity_id,school_year,responded_on,relevance,quality,intent_to_apply\n"
                        + "e-1,a-1,2025-26,2025-10-01,5,,\n"
                        + "e-2,a-1,2025-26,2025-10-01,,,\n"
                        + "e-3,a-1,2025-26,2025-10-01,6,4,4\n");
        FileResult sat = read("lea-1/satisfaction_2026-06-30.csv");
        assertThat(sat.rowsAccepted()).isEqualTo(1);
        assertThat(sat.reasons()).containsEntry("out_of_range", 2L);

        // optional columns may be absent from the header altogether
        inbox.write(
                "lea-2/satisfaction_2026-06-30.csv",
                "educator_id,activity_id,school_year,responded_on,quality\ne-1,a-1,2025-26,2025-10-01,4\n");
        assertThat(read("lea-2/satisfaction_2026-06-30.csv").rowsAccepted()).isEqualTo(1);
    }

    @Test
    void csvDialectBomQuotesCrlfGzipAndTrailingEmptyLine() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = " Activity_ID ,school_year,title,cohort_id,pl_model,focus,tool_specific,framework,"
                + "start_date,end_date,planned_hours,Notes\r\n"
                + "a-1,2025-26,\"Coaching, with \"\"care\"\"\nand a second line\",c-1,coaching,udl,false,udl,"
                + "2025-08-01,2025-08-01,1,first note\r\n"
                + "a-2,2025-26,Plain,c-1,coaching,udl,false,udl,2025-08-01,2025-08-01,-1,x\r\n"
                + "\r\n";
        byte[] all = new byte[bom.length + body.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, all, 3, all.length - 3);
        inbox.bytes("lea-1/pl_activities_2026-06-30.csv", all);
        FileResult r = read("lea-1/pl_activities_2026-06-30.csv");
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(r.unknownColumns()).isEqualTo("notes");
        assertThat(r.bytes()).isEqualTo(all.length);
        // the rejected record starts on physical line 4: the quoted title spans lines 2 and 3
        assertThat(quarantine.text("lea-1/pl_activities_2026-06-30.csv")).contains(",4,out_of_range");

        inbox.gzip(
                "lea-2/pl_activities_2026-06-30.csv.gz",
                InboxFixture.ACTIVITIES_HEADER + "\n"
                        + "a-1,2025-26,Gz,c-1,coaching,udl,false,udl,2025-08-01,2025-08-01,1\n"
                        + "a-1,2025-26,Gz,c-1,coaching,udl,false,udl,2025-08-01,2025-08-01,1\n");
        FileResult gz = read("lea-2/pl_activities_2026-06-30.csv.gz");
        assertThat(gz.rowsAccepted()).isEqualTo(1);
        assertThat(gz.reasons()).containsEntry("duplicate_key", 1L);
        // quarantine file name drops .gz (§3.1)
        assertThat(quarantine.files).containsKey("lea-2/pl_activities_2026-06-30.csv");
    }

    @Test
    void fileReasonsOfSection3_2() throws IOException {
        inbox.write(
                "lea-1/pl_activities_2026-06-30.csv", "activity_id,school_year,title\na-1,2025-26,x\na-2,2025-26,y\n");
        FileResult missing = read("lea-1/pl_activities_2026-06-30.csv");
        assertThat(missing.rejected()).isEqualTo(FileReason.MISSING_COLUMN);
        assertThat(missing.rowsRead()).isEqualTo(2);
        assertThat(missing.rowsAccepted()).isZero();
        assertThat(missing.rowsRejected()).isZero();
        assertThat(missing.claimedYears()).containsExactly(2025);

        inbox.write("lea-1/pl_funding_2026-06-30.csv", "");
        FileResult empty = read("lea-1/pl_funding_2026-06-30.csv");
        assertThat(empty.rejected()).isEqualTo(FileReason.UNREADABLE);
        assertThat(empty.claimedYears()).isNull(); // no school_year column: claims every year

        byte[] latin1 = (InboxFixture.ACTIVITIES_HEADER + "\na-1,2025-26,Caf\u00e9,c-1,coaching,udl,false,udl,"
                        + "2025-08-01,2025-08-01,1\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        inbox.bytes("lea-2/pl_activities_2026-06-30.csv", latin1);
        FileResult notUtf8 = read("lea-2/pl_activities_2026-06-30.csv");
        assertThat(notUtf8.rejected()).isEqualTo(FileReason.UNREADABLE);
        assertThat(notUtf8.rowsAccepted()).isZero();
        assertThat(notUtf8.sha256()).hasSize(64);

        inbox.write("lea-2/enrollments_2026-06-30.csv", "educator_id,activity_id,school_year,role,enrolled_on\n");
        FileResult headerOnly = read("lea-2/enrollments_2026-06-30.csv");
        assertThat(headerOnly.rejected()).isNull();
        assertThat(headerOnly.rowsRead()).isZero();
        assertThat(headerOnly.acceptedYears()).isEmpty();

        StringBuilder many = new StringBuilder("educator_id,activity_id,school_year,role,enrolled_on\n");
        for (int i = 0; i < 19; i++) {
            many.append("e-").append(i).append(",a-1,2025-26,teacher,2025-09-01\n");
        }
        many.append("e-bad,a-1,2025-26,janitor,2025-09-01\n"); // 1 of 20 = 5%: not more than 5%
        inbox.write("lea-1/enrollments_2026-06-30.csv", many.toString());
        assertThat(read("lea-1/enrollments_2026-06-30.csv").rejected()).isNull();
        many.append("e-bad2,a-1,2025-26,janitor,2025-09-01\n"); // 2 of 21 > 5%
        inbox.write("lea-1/enrollments_2026-06-30.csv", many.toString());
        FileResult tooMany = read("lea-1/enrollments_2026-06-30.csv");
        assertThat(tooMany.rejected()).isEqualTo(FileReason.REJECT_RATE_EXCEEDED);
        assertThat(tooMany.rowsAccepted()).isEqualTo(19);
        assertThat(tooMany.rowsRejected()).isEqualTo(2);
        assertThat(tooMany.acceptedYears()).isEmpty(); // none of a rejected file's rows are in force
        assertThat(quarantine.text("lea-1/enrollments_2026-06-30.csv").lines()).hasSize(3);
    }

    @Test
    void acceptedRowsAreCountedPerSchoolYearAsTheRowsStreamBy() throws IOException {
        // spec §5.11 rows_in_force: accepted rows of each school year, counted in the one read.
        // Years interleave (2025, 2025, 2024, 2025) so runs of one year are added up, and the
        // rejected row (bad enum) counts for no year: 2025-26 → 3, 2024-25 → 1.
        inbox.write(
                "lea-1/enrollments_2026-06-30.csv",
                "educator_id,activity_id,school_year,role,enrolled_on\n"
                        + "e-1,a-1,2025-26,teacher,2025-09-01\n"
                        + "e-2,a-1,2025-26,teacher,2025-09-01\n"
                        + "e-3,a-1,2024-25,teacher,2024-09-01\n"
                        + "e-4,a-1,2025-26,janitor,2025-09-01\n"
                        + "e-5,a-1,2025-26,teacher,2025-09-01\n");
        FileResult r = new ExtractFileReader(Set.of(), 1.0, quarantine)
                .read(
                        Inbox.scan(dir, LocalDate.parse("2026-06-30")).files().get(0),
                        (year, id) -> id.equals("a-1"),
                        ExtractFold.NONE);
        assertThat(r.acceptedRows()).containsExactly(Map.entry(2024, 1L), Map.entry(2025, 3L));
        assertThat(r.acceptedYears()).containsExactly(2024, 2025);
        assertThat(r.rowsAccepted()).isEqualTo(4);
    }

    /**
     * §2: only an accepted row claims its key. artifact_ratings' key (school_year, artifact_id,
     * dimension, rater_id) leaves activity_id out, so a row with an unknown activity and a later
     * row with the same key can both occur: the first is unknown_activity, the second accepted, a
     * third with that key a duplicate_key — and duplicate_key wins over unknown_activity.
     */
    @Test
    void onlyAcceptedRowsClaimTheirKey() throws IOException {
        StringBuilder csv = new StringBuilder(
                "artifact_id,educator_id,activity_id,school_year,artifact_type,phase,rated_on,rater_id,dimension,score\n");
        for (int i = 0; i < 40; i++) { // 40 good rows keep the rejects under the 5% file threshold
            csv.append("art-").append(i).append(",e-1,a-1,2025-26,lesson_plan,baseline,2025-09-01,r-1,engagement,3\n");
        }
        csv.append("art-x,e-1,a-9,2025-26,lesson_plan,baseline,2025-09-01,r-1,engagement,3\n"); // unknown_activity
        csv.append(
                "art-x,e-1,a-1,2025-26,lesson_plan,baseline,2025-09-01,r-1,engagement,4\n"); // accepted: claims the key
        csv.append("art-x,e-1,a-9,2025-26,lesson_plan,baseline,2025-09-01,r-1,engagement,2\n"); // duplicate_key, not
        // unknown_activity
        inbox.write("lea-1/artifact_ratings_2026-06-30.csv", csv.toString());
        FileResult r = read("lea-1/artifact_ratings_2026-06-30.csv");
        assertThat(r.rowsAccepted()).isEqualTo(41); // 40 + the second art-x row
        assertThat(r.reasons())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("unknown_activity", 1L, "duplicate_key", 1L)));
    }
}
