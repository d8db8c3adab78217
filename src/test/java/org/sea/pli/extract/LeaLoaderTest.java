package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supersede rule and file statuses of docs/spec.md §1.1, and the in-force activity check of §2. */
class LeaLoaderTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    private static final String ENROLLMENTS = "educator_id,activity_id,school_year,role,enrolled_on\n";

    @TempDir
    Path dir;

    private InboxFixture inbox;
    private final InboxFixture.MemoryQuarantine quarantine = new InboxFixture.MemoryQuarantine();
    private final RecordingFolds folds = new RecordingFolds();

    @BeforeEach
    void setUp() throws IOException {
        inbox = new InboxFixture(dir);
    }

    /**
     * Records what each fold commits as {@code extract year marker}, the marker being the row's
     * {@code title} (pl_activities) or {@code educator_id} (other extracts): tests give every file
     * its own markers, so the commits say which file is in force for which year.
     */
    static final class RecordingFolds implements FoldFactory {
        final Set<String> committed = new TreeSet<>();
        final List<String> opened = new ArrayList<>();

        @Override
        public ExtractFold open(String leaId, ExtractSchema schema) {
            opened.add(leaId + " " + schema.name());
            int year = schema.index("school_year");
            int marker = schema.name().equals("pl_activities") ? schema.index("title") : schema.index("educator_id");
            Map<Integer, List<String>> pending = new TreeMap<>();
            return new ExtractFold() {
                @Override
                public void accept(ExtractRow row) {
                    pending.computeIfAbsent(row.schoolYear(year), y -> new ArrayList<>())
                            .add(row.text(marker));
                }

                @Override
                public void commit(int schoolYear) {
                    for (String m : pending.getOrDefault(schoolYear, List.of())) {
                        committed.add(leaId + " " + schema.name() + " " + schoolYear + " " + m);
                    }
                }
            };
        }
    }

    private static String activity(String id, String schoolYear, String title) {
        int start = Integer.parseInt(schoolYear.substring(0, 4));
        return id + "," + schoolYear + "," + title + ",c-1,coaching,udl,false,udl," + start + "-08-01," + start
                + "-08-02,5\n";
    }

    private Map<String, FileOutcome> load(String lea) throws IOException {
        List<InboxFile> files = Inbox.scan(dir, AS_OF).files().stream()
                .filter(f -> f.leaId().equals(lea))
                .toList();
        List<FileOutcome> outcomes = new LeaLoader(
                        new ExtractFileReader(Set.of("engagement", "tech_use"), 0.05, quarantine), folds)
                .load(lea, files);
        assertThat(outcomes).extracting(FileOutcome::file).containsExactlyElementsOf(files);
        Map<String, FileOutcome> byName = new TreeMap<>();
        outcomes.forEach(o -> byName.put(o.file().fileName(), o));
        return byName;
    }

    @Test
    void theLaterFileOfTheSameExtractAndSchoolYearIsInForceTheEarlierSuperseded() throws IOException {
        inbox.write(
                "lea-1/pl_activities_2026-01-15.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26", "old-1")
                        + activity("a-2", "2025-26", "old-2"));
        inbox.write(
                "lea-1/pl_activities_2026-03-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26", "new-1"));

        Map<String, FileOutcome> out = load("lea-1");

        assertThat(out.get("pl_activities_2026-01-15.csv").status()).isEqualTo(FileStatus.SUPERSEDED);
        assertThat(out.get("pl_activities_2026-01-15.csv").reason()).isNull();
        assertThat(out.get("pl_activities_2026-01-15.csv").result().rowsAccepted())
                .isEqualTo(2);
        assertThat(out.get("pl_activities_2026-03-01.csv").status()).isEqualTo(FileStatus.IN_FORCE);
        // the newer file replaces every row of the year, a-2 included
        assertThat(folds.committed).containsExactly("lea-1 pl_activities 2025 new-1");
    }

    @Test
    void aNewerFileWithOneSchoolYearLeavesTheOlderInForceForTheOtherYear() throws IOException {
        inbox.write(
                "lea-1/pl_activities_2026-01-15.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2024-25", "old-24")
                        + activity("a-1", "2025-26", "old-25"));
        inbox.write(
                "lea-1/pl_activities_2026-03-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26", "new-25"));

        Map<String, FileOutcome> out = load("lea-1");

        assertThat(out.get("pl_activities_2026-01-15.csv").status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(out.get("pl_activities_2026-03-01.csv").status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(folds.committed)
                .containsExactly("lea-1 pl_activities 2024 old-24", "lea-1 pl_activities 2025 new-25");
    }

    @Test
    void aNewerRejectedFileNeverSupersedesAndMakesTheOlderStaleForTheYearsItClaims() throws IOException {
        String older = InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26", "old-25");
        // lea-1: the newer file is rejected (2 of 3 rows bad) and claims 2025-26
        inbox.write("lea-1/pl_activities_2026-01-15.csv", older);
        inbox.write(
                "lea-1/pl_activities_2026-03-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n"
                        + activity("a-1", "2025-26", "new-25")
                        + activity("a-2", "2025-26", "new-bad").replace("coaching", "lecture")
                        + activity("a-3", "2025-26", "new-bad2").replace(",5\n", ",0\n"));
        // lea-2: the newer rejected file (missing columns) claims only 2024-25
        inbox.write("lea-2/pl_activities_2026-01-15.csv", older);
        inbox.write("lea-2/pl_activities_2026-03-01.csv", "activity_id,school_year,title\na-1,2024-25,new-24\n");

        Map<String, FileOutcome> lea1 = load("lea-1");
        Map<String, FileOutcome> lea2 = load("lea-2");

        FileOutcome rejected = lea1.get("pl_activities_2026-03-01.csv");
        assertThat(rejected.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo(FileReason.REJECT_RATE_EXCEEDED);
        assertThat(rejected.result().rowsAccepted()).isEqualTo(1);
        assertThat(rejected.result().reasons()).containsOnly(Map.entry("bad_enum", 1L), Map.entry("out_of_range", 1L));
        assertThat(lea1.get("pl_activities_2026-01-15.csv").status()).isEqualTo(FileStatus.STALE_IN_FORCE);
        assertThat(lea1.get("pl_activities_2026-01-15.csv").reason()).isNull();

        assertThat(lea2.get("pl_activities_2026-03-01.csv").status()).isEqualTo(FileStatus.REJECTED);
        assertThat(lea2.get("pl_activities_2026-03-01.csv").reason()).isEqualTo(FileReason.MISSING_COLUMN);
        assertThat(lea2.get("pl_activities_2026-01-15.csv").status()).isEqualTo(FileStatus.IN_FORCE);

        // the rejected file's accepted row new-25 is never committed: the older file stays in force
        assertThat(folds.committed)
                .containsExactly("lea-1 pl_activities 2025 old-25", "lea-2 pl_activities 2025 old-25");
    }

    @Test
    void aRejectedFileWithoutSchoolYearClaimsEveryYearButAnIgnoredLaterFileClaimsNothing() throws IOException {
        inbox.write("lea-1/enrollments_2026-01-15.csv", ENROLLMENTS + "e-old,a-1,2025-26,teacher,2025-09-01\n");
        inbox.write(
                "lea-1/enrollments_2026-03-01.csv",
                "educator_id,activity_id,role,enrolled_on\n" + "e-new,a-1,teacher,2025-09-01\n");
        inbox.activities("lea-1", "2025-07-01");
        // lea-2: the only newer file is dated after the as-of date, so it is ignored, not rejected
        inbox.write("lea-2/enrollments_2026-01-15.csv", ENROLLMENTS + "e-old,a-1,2025-26,teacher,2025-09-01\n");
        inbox.write("lea-2/enrollments_2026-07-01.csv", "educator_id,activity_id,role,enrolled_on\n");
        inbox.activities("lea-2", "2025-07-01");

        Map<String, FileOutcome> lea1 = load("lea-1");
        Map<String, FileOutcome> lea2 = load("lea-2");

        assertThat(lea1.get("enrollments_2026-03-01.csv").reason()).isEqualTo(FileReason.MISSING_COLUMN);
        assertThat(lea1.get("enrollments_2026-01-15.csv").status()).isEqualTo(FileStatus.STALE_IN_FORCE);
        assertThat(lea2.get("enrollments_2026-07-01.csv").status()).isEqualTo(FileStatus.IGNORED);
        assertThat(lea2.get("enrollments_2026-07-01.csv").reason()).isEqualTo(FileReason.AFTER_AS_OF);
        assertThat(lea2.get("enrollments_2026-07-01.csv").result()).isNull();
        assertThat(lea2.get("enrollments_2026-07-01.csv").sha256()).hasSize(64);
        assertThat(lea2.get("enrollments_2026-01-15.csv").status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(folds.committed)
                .contains("lea-1 enrollments 2025 e-old", "lea-2 enrollments 2025 e-old")
                .doesNotContain("lea-1 enrollments 2025 e-new");
    }

    @Test
    void unknownActivityIsCheckedAgainstTheInForceActivitiesAndCountsTowardTheRejectRate() throws IOException {
        // a-2 exists only in the superseded pl_activities file
        inbox.write(
                "lea-1/pl_activities_2026-01-15.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26", "old-1")
                        + activity("a-2", "2025-26", "old-2"));
        inbox.write(
                "lea-1/pl_activities_2026-03-01.csv",
                InboxFixture.ACTIVITIES_HEADER + "\n" + activity("a-1", "2025-26", "new-1"));
        // 19 rows of a-1 and 1 of a-2: 1/20 = 5%, not more than the 5% allowed
        inbox.write("lea-1/enrollments_2026-04-01.csv", enrollments("old", 19, 1));
        inbox.write("lea-1/enrollments_2026-05-01.csv", enrollments("new", 19, 1));
        // 19 rows of a-1 and 2 of a-2: 2/21 > 5%, rejected
        inbox.write(
                "lea-1/satisfaction_2026-05-01.csv",
                "educator_id,activity_id,school_year,responded_on,relevance\n"
                        + rows("s", 19, "a-1,2025-26,2025-10-01,4") + rows("s-x", 2, "a-2,2025-26,2025-10-01,4"));

        Map<String, FileOutcome> out = load("lea-1");

        FileOutcome superseded = out.get("enrollments_2026-04-01.csv");
        assertThat(superseded.status()).isEqualTo(FileStatus.SUPERSEDED);
        assertThat(superseded.result().reasons()).containsExactly(Map.entry("unknown_activity", 1L));
        FileOutcome inForce = out.get("enrollments_2026-05-01.csv");
        assertThat(inForce.status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(inForce.result().rowsAccepted()).isEqualTo(19);
        assertThat(inForce.result().rowsRejected()).isEqualTo(1);
        assertThat(inForce.result().reasons()).containsExactly(Map.entry("unknown_activity", 1L));
        FileOutcome tooMany = out.get("satisfaction_2026-05-01.csv");
        assertThat(tooMany.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(tooMany.reason()).isEqualTo(FileReason.REJECT_RATE_EXCEEDED);
        assertThat(tooMany.result().reasons()).containsExactly(Map.entry("unknown_activity", 2L));

        assertThat(folds.committed)
                .filteredOn(c -> c.contains(" enrollments "))
                .hasSize(19)
                .allSatisfy(c -> assertThat(c).startsWith("lea-1 enrollments 2025 new-"));
        assertThat(folds.committed)
                .filteredOn(c -> c.contains(" satisfaction "))
                .isEmpty();
        // the quarantine holds the a-2 rows of every file read, superseded ones too
        assertThat(quarantine.text("lea-1/enrollments_2026-04-01.csv")).contains("old-x-0,a-2,");
        assertThat(quarantine.text("lea-1/satisfaction_2026-05-01.csv").lines()).hasSize(3);
    }

    private static String enrollments(String tag, int good, int unknown) {
        return ENROLLMENTS
                + rows(tag, good, "a-1,2025-26,teacher,2025-09-01")
                + rows(tag + "-x", unknown, "a-2,2025-26,teacher,2025-09-01");
    }

    private static String rows(String educatorPrefix, int n, String rest) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(educatorPrefix)
                    .append("-")
                    .append(i)
                    .append(',')
                    .append(rest)
                    .append('\n');
        }
        return s.toString();
    }
}
