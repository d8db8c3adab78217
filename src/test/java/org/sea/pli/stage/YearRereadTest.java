package org.sea.pli.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.FileResult;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.InboxFile;

/**
 * Which files of a changed LEA are read again (docs/spec.md §6.1). School years are written as
 * their first calendar year: 2024 is 2024-25. Every file's claims are given by hand; the stored
 * LEA holds 2024 and 2025.
 */
class YearRereadTest {

    private static final Set<Integer> STORED_YEARS = Set.of(2024, 2025);

    private final Map<String, FileOutcome> stored = new HashMap<>();
    private final Map<String, SortedSet<Integer>> newClaims = new HashMap<>();
    private final Map<String, String> sha = new HashMap<>();

    /** Last year's and this year's file of two extracts, each claiming its own school year. */
    private List<InboxFile> twoYears() {
        List<InboxFile> files = new ArrayList<>();
        files.add(storedFile("pl_activities_2025-06-30.csv", years(2024)));
        files.add(storedFile("pl_activities_2026-06-30.csv", years(2025)));
        files.add(storedFile("attendance_2025-06-30.csv", years(2024)));
        files.add(storedFile("attendance_2026-06-30.csv", years(2025)));
        return files;
    }

    @Test
    void aNewCurrentYearFileRereadsThatYearsFilesOfItsExtractOnly() {
        List<InboxFile> files = twoYears();
        files.add(newFile("attendance_2026-07-01.csv", years(2025)));

        YearReread.Plan plan = plan(files).orElseThrow();

        // (attendance, 2025) is touched by the new file: the attendance file claiming 2025 is read
        // again with it; the activities of 2025, the 2024 files and the 2024 tallies stand
        assertThat(names(plan.read())).containsExactly("attendance_2026-06-30.csv", "attendance_2026-07-01.csv");
        assertThat(names(plan.kept()))
                .containsExactly(
                        "pl_activities_2025-06-30.csv", "pl_activities_2026-06-30.csv", "attendance_2025-06-30.csv");
        assertThat(plan.keptYears()).containsExactly(2024);
        assertThat(plan.keptExtracts()).containsOnlyKeys(2025);
        assertThat(plan.keptExtracts().get(2025))
                .as("every extract's 2025 tallies but attendance's")
                .containsExactly(
                        "artifact_ratings",
                        "enrollments",
                        "pl_activities",
                        "pl_funding",
                        "satisfaction",
                        "student_outcomes");
    }

    @Test
    void aNewActivitiesFileTouchesThatYearOfEveryExtract() {
        List<InboxFile> files = twoYears();
        files.add(newFile("pl_activities_2026-07-01.csv", years(2025)));

        YearReread.Plan plan = plan(files).orElseThrow();

        // what every extract accepts for 2025 is checked against 2025's activities (§2, §3)
        assertThat(names(plan.read()))
                .containsExactly(
                        "pl_activities_2026-06-30.csv", "attendance_2026-06-30.csv", "pl_activities_2026-07-01.csv");
        assertThat(names(plan.kept())).containsExactly("pl_activities_2025-06-30.csv", "attendance_2025-06-30.csv");
        assertThat(plan.keptYears()).containsExactly(2024);
        assertThat(plan.keptExtracts()).as("nothing of 2025 stands").isEmpty();
    }

    @Test
    void aFileClaimingATouchedYearTouchesItsOtherYearsToo() {
        List<InboxFile> files = twoYears();
        // a late attendance file with rows of both years: read again with 2025, it touches 2024 of
        // attendance (its status depends on the files of both years); a late file of another
        // extract is not touched
        files.add(storedFile("attendance_2025-09-01.csv", years(2024, 2025)));
        files.add(storedFile("satisfaction_2025-09-01.csv", years(2024, 2025)));
        files.add(newFile("attendance_2026-07-01.csv", years(2025)));

        YearReread.Plan plan = plan(files).orElseThrow();

        assertThat(names(plan.read()))
                .containsExactly(
                        "attendance_2025-06-30.csv",
                        "attendance_2026-06-30.csv",
                        "attendance_2025-09-01.csv",
                        "attendance_2026-07-01.csv");
        assertThat(names(plan.kept()))
                .containsExactly(
                        "pl_activities_2025-06-30.csv", "pl_activities_2026-06-30.csv", "satisfaction_2025-09-01.csv");
        assertThat(plan.keptYears()).isEmpty();
        assertThat(plan.keptExtracts()).containsOnlyKeys(2024, 2025);
        assertThat(plan.keptExtracts().get(2024))
                .contains("satisfaction", "pl_activities")
                .doesNotContain("attendance");
    }

    @Test
    void anUnchangedFileWithoutSchoolYearIsReadWithTheTouchedYearsButTouchesNone() throws Exception {
        List<InboxFile> files = twoYears();
        files.add(storedFile("enrollments_2026-05-01.csv", null)); // rejected: no school_year column
        files.add(storedFile("attendance_2026-05-01.csv", null)); // so is this one
        assertThat(plan(files).orElseThrow().read())
                .as("nothing touched: nothing read")
                .isEmpty();

        files.add(newFile("attendance_2026-07-01.csv", years(2025)));
        YearReread.Plan plan = plan(files).orElseThrow();

        // the rejected attendance file marks the 2025 attendance file in force stale (§1.1), so
        // their statuses are decided with it; rejected whatever the activities, it leaves 2024 as
        // it was; the rejected enrollments file concerns no touched extract
        assertThat(names(plan.read()))
                .containsExactly("attendance_2026-06-30.csv", "attendance_2026-05-01.csv", "attendance_2026-07-01.csv");
        assertThat(names(plan.kept())).contains("enrollments_2026-05-01.csv");
        assertThat(plan.keptYears()).containsExactly(2024);
    }

    @Test
    void aNewFileWithoutSchoolYearReadsAll() {
        List<InboxFile> files = twoYears();
        files.add(newFile("enrollments_2026-07-01.csv", null));

        assertThat(plan(files))
                .as("it makes the files in force of every year stale")
                .isEmpty();
    }

    @Test
    void aNewFileThatCannotBeScannedClaimsEveryYear() {
        List<InboxFile> files = twoYears();
        files.add(newFile("attendance_2026-07-01.csv", null));

        assertThat(plan(files)).isEmpty();
    }

    @Test
    void aVanishedFileTouchesWhatItClaimed() {
        List<InboxFile> files = twoYears();
        InboxFile gone = files.remove(2); // attendance_2025-06-30.csv, claiming 2024

        YearReread.Plan plan = plan(files).orElseThrow();

        // (attendance, 2024) touched: no other attendance file claims 2024, so nothing is read and
        // 2024 has no attendance tallies, as a read of every file finds
        assertThat(gone.fileName()).isEqualTo("attendance_2025-06-30.csv");
        assertThat(plan.read()).isEmpty();
        assertThat(plan.keptYears()).containsExactly(2025);
        assertThat(plan.keptExtracts().get(2024)).doesNotContain("attendance").contains("pl_activities");
    }

    @Test
    void aChangedFileTouchesWhatItClaimedAndWhatItClaimsNow() {
        List<InboxFile> files = twoYears();
        InboxFile changed = files.get(3); // attendance_2026-06-30.csv claimed 2025; now rows of 2024
        sha.put(changed.relativePath(), "other bytes");
        newClaims.put(changed.relativePath(), years(2024));

        YearReread.Plan plan = plan(files).orElseThrow();

        // both years of attendance touched: every attendance file read, the activities kept
        assertThat(names(plan.read())).containsExactly("attendance_2025-06-30.csv", "attendance_2026-06-30.csv");
        assertThat(plan.keptYears()).isEmpty();
        assertThat(plan.keptExtracts()).containsOnlyKeys(2024, 2025);
    }

    @Test
    void anIgnoredNewFileIsOnlyHashedAndTouchesNothing() {
        List<InboxFile> files = twoYears();
        InboxFile later = new InboxFile(
                "lea-1",
                "attendance_2026-08-01.csv",
                "lea-1/attendance_2026-08-01.csv",
                null,
                "attendance",
                LocalDate.parse("2026-08-01"),
                false,
                FileReason.AFTER_AS_OF);
        files.add(later);

        YearReread.Plan plan = plan(files).orElseThrow();

        assertThat(names(plan.read())).containsExactly("attendance_2026-08-01.csv");
        assertThat(plan.kept()).hasSize(4);
        assertThat(plan.keptYears()).containsExactly(2024, 2025);
    }

    private Optional<YearReread.Plan> plan(List<InboxFile> files) {
        return YearReread.of(
                stored,
                files,
                f -> sha.getOrDefault(f.relativePath(), "sha of " + f.fileName()),
                f -> newClaims.get(f.relativePath()),
                STORED_YEARS);
    }

    private InboxFile storedFile(String name, SortedSet<Integer> claims) {
        InboxFile f = file(name);
        FileResult result = new FileResult(
                "sha of " + name,
                100,
                2,
                claims == null ? 0 : 2,
                claims == null ? 2 : 0,
                Map.of(),
                null,
                claims == null ? FileReason.MISSING_COLUMN : null,
                new TreeMap<>(),
                claims,
                1);
        stored.put(
                f.relativePath(),
                new FileOutcome(
                        f,
                        "sha of " + name,
                        100,
                        result,
                        claims == null ? FileStatus.REJECTED : FileStatus.IN_FORCE,
                        result.rejected()));
        return f;
    }

    private InboxFile newFile(String name, SortedSet<Integer> claims) {
        InboxFile f = file(name);
        newClaims.put(f.relativePath(), claims);
        return f;
    }

    private static InboxFile file(String name) {
        String extract = name.substring(0, name.lastIndexOf('_'));
        LocalDate date = LocalDate.parse(name.substring(name.lastIndexOf('_') + 1, name.indexOf(".csv")));
        return new InboxFile("lea-1", name, "lea-1/" + name, null, extract, date, false, null);
    }

    private static SortedSet<Integer> years(Integer... years) {
        return new TreeSet<>(List.of(years));
    }

    private static List<String> names(List<InboxFile> files) {
        return files.stream().map(InboxFile::fileName).toList();
    }
}
