package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.ExtractFileReader;
import org.sea.pli.extract.ExtractFold;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.InboxFixture;
import org.sea.pli.extract.LeaLoader;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.extract.SchoolYear;

/**
 * spec §5.11 on hand-made inboxes loaded through the real load (Inbox, LeaLoader, reader), so the
 * claims and statuses are the ones a run computes; expected values are derived by hand below.
 */
class SubmissionStatusMartTest {

    private static final String ENROLLMENTS = "educator_id,activity_id,school_year,role,enrolled_on\n";
    private static final String FUNDING = "activity_id,school_year,funding_source,amount_usd\n";
    /** §5 key order of the extract column: alphabetical, not §2's order. */
    private static final List<String> EXTRACTS = List.of(
            "artifact_ratings",
            "attendance",
            "enrollments",
            "pl_activities",
            "pl_funding",
            "satisfaction",
            "student_outcomes");

    @TempDir
    Path dir;

    private static String activity(String id, String schoolYear) {
        int start = Integer.parseInt(schoolYear.substring(0, 4));
        return id + "," + schoolYear + ",Title,c-1,coaching,udl,false,udl," + start + "-08-01," + start + "-08-02,5\n";
    }

    /** Scans and loads the inbox as a run does, then computes the mart into memory. */
    private List<Marts.Row> run(LocalDate asOf) throws IOException {
        Inbox inbox = Inbox.scan(dir, asOf);
        QuarantineStore nowhere = new QuarantineStore() {
            @Override
            public OutputStream create(String relativePath) {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void delete(String relativePath) {}
        };
        LeaLoader loader = new LeaLoader(
                new ExtractFileReader(inbox.state().dimensions(), 0.05, nowhere), (lea, schema) -> ExtractFold.NONE);
        Map<String, List<InboxFile>> byLea = inbox.files().stream()
                .collect(Collectors.groupingBy(InboxFile::leaId, TreeMap::new, Collectors.toList()));
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<InboxFile>> e : byLea.entrySet()) {
            outcomes.addAll(loader.load(e.getKey(), e.getValue()));
        }
        List<Marts.Row> rows = new ArrayList<>();
        new SubmissionStatusMart()
                .write(
                        new SubmissionStatusMart.Input(inbox.state().leas().keySet(), asOf, outcomes),
                        (mart, year, values) -> rows.add(new Marts.Row(mart, year, values.clone())));
        return rows;
    }

    private static Marts.Row row(List<Marts.Row> rows, String year, String lea, String extract) {
        List<Marts.Row> found = rows.stream()
                .filter(r -> r.schoolYear().equals(year)
                        && r.get("lea_id").equals(lea)
                        && r.get("extract").equals(extract))
                .toList();
        assertThat(found).as(year + " " + lea + " " + extract).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyRegisteredLeaExtractAndYearGetsItsStatus() throws IOException {
        InboxFixture inbox = new InboxFixture(dir); // registers lea-1 and lea-2; lea-2 has no folder at all
        // pl_activities: 2 accepted rows of 2024-25, dated a year before as-of
        inbox.write(
                "lea-1/pl_activities_2025-06-30.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2024-25") + activity("a-2", "2024-25"));
        // 3 accepted rows of 2025-26: in force for 2025-26
        inbox.write(
                "lea-1/pl_activities_2026-03-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26") + activity("a-2", "2025-26")
                        + activity("a-3", "2025-26"));
        // newer, rejected (1 bad of 2 rows > 5%): claims 2025-26 only, so 2026-03-01 is stale_in_force
        inbox.write(
                "lea-1/pl_activities_2026-05-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26")
                        + activity("a-2", "2025-26").replace("coaching", "lecture"));
        // dated after as-of: ignored (after_as_of), claims nothing although its rows are of 2025-26
        inbox.write(
                "lea-1/pl_activities_2026-07-15.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26"));
        // enrollments: rejected (missing_column) and without a school_year column: claims every year of the run
        inbox.write("lea-1/enrollments_2026-04-01.csv", "educator_id,activity_id,role\ne-1,a-1,teacher\n");
        // pl_funding: rejected (2 of 2 rows bad_enum); only 2025-26 is a well-formed school_year of its rows
        inbox.write("lea-1/pl_funding_2026-02-01.csv", FUNDING + "a-1,2025-26,lottery,100\na-1,2025-2026,lottery,5\n");
        // an unregistered folder: unknown_lea, claims nothing, and its 2023-24 is no year of the run
        inbox.write(
                "lea-9/pl_activities_2026-06-30.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2023-24"));

        List<Marts.Row> rows = run(LocalDate.parse("2026-06-30"));

        // years of the run: 2024-25 and 2025-26 have in-force rows; 2025-26 also holds the as-of date.
        // 2 years × 2 registered LEAs × 7 extracts = 28 rows, in key order (school_year, lea_id, extract).
        List<String> keys = new ArrayList<>();
        for (String y : List.of("2024-25", "2025-26")) {
            for (String lea : List.of("lea-1", "lea-2")) {
                EXTRACTS.forEach(e -> keys.add(y + " " + lea + " " + e));
            }
        }
        assertThat(rows)
                .extracting(r -> r.schoolYear() + " " + r.get("lea_id") + " " + r.get("extract"))
                .containsExactlyElementsOf(keys);

        // stale in force: 2026-03-01 in force (3 rows of 2025-26), 2026-06-30 − 2026-03-01 = 30 + 30 + 31 + 30
        // = 121 days (rest of March, April, May, June); the newest claimant is the rejected 2026-05-01.
        // Claiming files: 2026-03-01 and 2026-05-01 (2025-06-30 has no 2025-26 row; 2026-07-15 is ignored).
        assertRow(
                row(rows, "2025-26", "lea-1", "pl_activities"),
                "lea_id",
                "lea-1",
                "extract",
                "pl_activities",
                "status",
                "in_force",
                "files",
                2,
                "in_force_file",
                "pl_activities_2026-03-01.csv",
                "in_force_extract_date",
                LocalDate.of(2026, 3, 1),
                "rows_in_force",
                3L,
                "days_since_in_force",
                121,
                "latest_file",
                "pl_activities_2026-05-01.csv",
                "latest_extract_date",
                LocalDate.of(2026, 5, 1),
                "latest_status",
                "rejected");
        // 2024-25: only 2025-06-30 claims it (2 rows); 2026-06-30 − 2025-06-30 = 365 days (no Feb 29 between);
        // the rejected 2026-05-01 claims only 2025-26, so 2025-06-30 is plainly in_force in the load report
        assertRow(
                row(rows, "2024-25", "lea-1", "pl_activities"),
                "lea_id",
                "lea-1",
                "extract",
                "pl_activities",
                "status",
                "in_force",
                "files",
                1,
                "in_force_file",
                "pl_activities_2025-06-30.csv",
                "in_force_extract_date",
                LocalDate.of(2025, 6, 30),
                "rows_in_force",
                2L,
                "days_since_in_force",
                365,
                "latest_file",
                "pl_activities_2025-06-30.csv",
                "latest_extract_date",
                LocalDate.of(2025, 6, 30),
                "latest_status",
                "in_force");
        // rejected only, no school_year column: it claims both years of the run
        for (String year : List.of("2024-25", "2025-26")) {
            assertRow(
                    row(rows, year, "lea-1", "enrollments"),
                    "lea_id",
                    "lea-1",
                    "extract",
                    "enrollments",
                    "status",
                    "rejected",
                    "files",
                    1,
                    "in_force_file",
                    null,
                    "in_force_extract_date",
                    null,
                    "rows_in_force",
                    null,
                    "days_since_in_force",
                    null,
                    "latest_file",
                    "enrollments_2026-04-01.csv",
                    "latest_extract_date",
                    LocalDate.of(2026, 4, 1),
                    "latest_status",
                    "rejected");
        }
        // rejected only, claiming 2025-26 (2025-2026 is malformed and claims nothing): 2024-25 is missing
        assertRow(
                row(rows, "2025-26", "lea-1", "pl_funding"),
                "lea_id",
                "lea-1",
                "extract",
                "pl_funding",
                "status",
                "rejected",
                "files",
                1,
                "in_force_file",
                null,
                "in_force_extract_date",
                null,
                "rows_in_force",
                null,
                "days_since_in_force",
                null,
                "latest_file",
                "pl_funding_2026-02-01.csv",
                "latest_extract_date",
                LocalDate.of(2026, 2, 1),
                "latest_status",
                "rejected");
        assertMissing(row(rows, "2024-25", "lea-1", "pl_funding"));
        // no file of the extract at all
        assertMissing(row(rows, "2025-26", "lea-1", "attendance"));
        // an LEA of the registry without a folder: every extract of every year missing
        rows.stream().filter(r -> r.get("lea_id").equals("lea-2")).forEach(SubmissionStatusMartTest::assertMissing);
        assertThat(rows).noneMatch(r -> r.get("lea_id").equals("lea-9"));
    }

    @Test
    void theAsOfSchoolYearIsARowEvenWithoutData() throws IOException {
        InboxFixture inbox = new InboxFixture(dir);
        inbox.write(
                "lea-1/pl_activities_2025-06-30.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2024-25"));
        // as-of 2025-08-15 lies in 2025-26 (July 1 2025 – June 30 2026); the only data is of 2024-25.
        // Years: 2024-25 (in force) and 2025-26 (as-of) — 2 × 2 LEAs × 7 = 28 rows.
        List<Marts.Row> rows = run(LocalDate.parse("2025-08-15"));
        assertThat(rows).hasSize(28);
        assertThat(rows.stream().map(Marts.Row::schoolYear).distinct()).containsExactly("2024-25", "2025-26");
        rows.stream().filter(r -> r.schoolYear().equals("2025-26")).forEach(SubmissionStatusMartTest::assertMissing);
        // 2025-08-15 − 2025-06-30 = 1 (June 30→July 1) + 31 (July) + 14 = 46 days
        assertRow(
                row(rows, "2024-25", "lea-1", "pl_activities"),
                "lea_id",
                "lea-1",
                "extract",
                "pl_activities",
                "status",
                "in_force",
                "files",
                1,
                "in_force_file",
                "pl_activities_2025-06-30.csv",
                "in_force_extract_date",
                LocalDate.of(2025, 6, 30),
                "rows_in_force",
                1L,
                "days_since_in_force",
                46,
                "latest_file",
                "pl_activities_2025-06-30.csv",
                "latest_extract_date",
                LocalDate.of(2025, 6, 30),
                "latest_status",
                "in_force");
        // a date on June 30 still belongs to the school year that began the July before
        assertThat(SchoolYear.containing(LocalDate.parse("2026-06-30"))).isEqualTo(2025);
        assertThat(SchoolYear.containing(LocalDate.parse("2026-07-01"))).isEqualTo(2026);
    }

    @Test
    void aSupersededFileStillClaimsItsYear() throws IOException {
        InboxFixture inbox = new InboxFixture(dir);
        inbox.write(
                "lea-1/pl_activities_2026-01-15.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26"));
        inbox.write(
                "lea-1/pl_activities_2026-03-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26") + activity("a-2", "2025-26"));
        // both have an accepted 2025-26 row, so both claim it: files = 2; the newer is in force with 2 rows,
        // 2026-06-30 − 2026-03-01 = 121 days
        assertRow(
                row(run(LocalDate.parse("2026-06-30")), "2025-26", "lea-1", "pl_activities"),
                "lea_id",
                "lea-1",
                "extract",
                "pl_activities",
                "status",
                "in_force",
                "files",
                2,
                "in_force_file",
                "pl_activities_2026-03-01.csv",
                "in_force_extract_date",
                LocalDate.of(2026, 3, 1),
                "rows_in_force",
                2L,
                "days_since_in_force",
                121,
                "latest_file",
                "pl_activities_2026-03-01.csv",
                "latest_extract_date",
                LocalDate.of(2026, 3, 1),
                "latest_status",
                "in_force");
    }

    private static void assertMissing(Marts.Row r) {
        assertRow(
                r,
                "lea_id",
                r.get("lea_id"),
                "extract",
                r.get("extract"),
                "status",
                "missing",
                "files",
                0,
                "in_force_file",
                null,
                "in_force_extract_date",
                null,
                "rows_in_force",
                null,
                "days_since_in_force",
                null,
                "latest_file",
                null,
                "latest_extract_date",
                null,
                "latest_status",
                null);
    }
}
