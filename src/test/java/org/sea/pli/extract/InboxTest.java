package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inbox discovery of docs/spec.md §1: which files under LEA folders are read, which are ignored and why. */
class InboxTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    private static final String ENROLLMENTS = "educator_id,activity_id,school_year,role,enrolled_on\n";

    @TempDir
    Path dir;

    private InboxFixture inbox;

    @BeforeEach
    void setUp() throws IOException {
        inbox = new InboxFixture(dir); // leas.csv lists lea-1 and lea-2
    }

    private InboxFile file(Inbox scanned, String relative) {
        return scanned.files().stream()
                .filter(f -> f.relativePath().equals(relative))
                .findFirst()
                .orElseThrow(() -> new AssertionError(relative + " not in " + scanned.files()));
    }

    @Test
    void anLeaFolderNotInLeasCsvIsIgnoredFileByFileWithTheNameFieldsWhereValid() throws IOException {
        inbox.write("lea-9/attendance_2026-01-15.csv", "whatever\n");
        inbox.gzip("lea-9/pl_activities_2025-12-01.csv.gz", "whatever\n");
        inbox.write("lea-9/notes.txt", "hello\n");
        inbox.write("lea-9/attendance_2026-13-01.csv", "x\n"); // month 13: not a date

        Inbox scanned = Inbox.scan(dir, AS_OF);

        assertThat(scanned.files()).extracting(InboxFile::leaId).containsOnly("lea-9");
        assertThat(scanned.files()).allSatisfy(f -> assertThat(f.ignored()).isEqualTo(FileReason.UNKNOWN_LEA));
        InboxFile valid = file(scanned, "lea-9/attendance_2026-01-15.csv");
        assertThat(valid.extract()).isEqualTo("attendance");
        assertThat(valid.extractDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        InboxFile gz = file(scanned, "lea-9/pl_activities_2025-12-01.csv.gz");
        assertThat(gz.extract()).isEqualTo("pl_activities");
        assertThat(gz.extractDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        InboxFile notes = file(scanned, "lea-9/notes.txt");
        assertThat(notes.extract()).isNull();
        assertThat(notes.extractDate()).isNull();
        InboxFile badDate = file(scanned, "lea-9/attendance_2026-13-01.csv");
        assertThat(badDate.extract()).isNull();
        assertThat(badDate.extractDate()).isNull();
    }

    @Test
    void anyOtherFileNameUnderAKnownLeaIsUnknownFile() throws IOException {
        inbox.write("lea-1/readme.txt", "x\n");
        inbox.write("lea-1/attendance.csv", ENROLLMENTS); // no date
        inbox.write("lea-1/grades_2026-01-01.csv", ENROLLMENTS); // not one of the seven extracts
        inbox.write("lea-1/enrollments_2026-1-5.csv", ENROLLMENTS); // date not YYYY-MM-DD
        inbox.write("lea-1/enrollments_2026-02-30.csv", ENROLLMENTS); // no such day
        inbox.write("lea-1/enrollments_2026-01-05.txt", ENROLLMENTS); // not .csv / .csv.gz
        inbox.write("lea-1/enrollments_2026-01-05.csv", ENROLLMENTS); // the one good name

        Inbox scanned = Inbox.scan(dir, AS_OF);

        assertThat(scanned.files()).hasSize(7);
        for (String bad : List.of(
                "readme.txt",
                "attendance.csv",
                "grades_2026-01-01.csv",
                "enrollments_2026-1-5.csv",
                "enrollments_2026-02-30.csv",
                "enrollments_2026-01-05.txt")) {
            InboxFile f = file(scanned, "lea-1/" + bad);
            assertThat(f.ignored()).as(bad).isEqualTo(FileReason.UNKNOWN_FILE);
            assertThat(f.extract()).as(bad).isNull();
        }
        assertThat(file(scanned, "lea-1/attendance.csv").extractDate()).isNull();
        InboxFile good = file(scanned, "lea-1/enrollments_2026-01-05.csv");
        assertThat(good.ignored()).isNull();
        assertThat(good.extract()).isEqualTo("enrollments");
        assertThat(good.extractDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(good.gzip()).isFalse();
    }

    @Test
    void aFileDatedAfterTheAsOfDateIsIgnoredButOneDatedOnItIsRead() throws IOException {
        inbox.write("lea-1/enrollments_2026-07-01.csv", ENROLLMENTS);
        inbox.write("lea-1/enrollments_2026-06-30.csv", ENROLLMENTS);

        Inbox scanned = Inbox.scan(dir, AS_OF);

        InboxFile after = file(scanned, "lea-1/enrollments_2026-07-01.csv");
        assertThat(after.ignored()).isEqualTo(FileReason.AFTER_AS_OF);
        assertThat(after.extract()).isEqualTo("enrollments");
        assertThat(after.extractDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(file(scanned, "lea-1/enrollments_2026-06-30.csv").ignored()).isNull();

        // the same inbox a day later reads both
        assertThat(Inbox.scan(dir, AS_OF.plusDays(1)).files())
                .allSatisfy(f -> assertThat(f.ignored()).isNull());
    }

    @Test
    void csvAndCsvGzOfTheSameStemAreBothAmbiguous() throws IOException {
        inbox.write("lea-2/enrollments_2026-01-10.csv", ENROLLMENTS);
        inbox.gzip("lea-2/enrollments_2026-01-10.csv.gz", ENROLLMENTS);
        inbox.gzip("lea-2/enrollments_2026-01-11.csv.gz", ENROLLMENTS); // another stem: fine
        inbox.write("lea-1/enrollments_2026-01-10.csv", ENROLLMENTS); // same name, other LEA: fine

        Inbox scanned = Inbox.scan(dir, AS_OF);

        assertThat(file(scanned, "lea-2/enrollments_2026-01-10.csv").ignored()).isEqualTo(FileReason.AMBIGUOUS_FILE);
        InboxFile gz = file(scanned, "lea-2/enrollments_2026-01-10.csv.gz");
        assertThat(gz.ignored()).isEqualTo(FileReason.AMBIGUOUS_FILE);
        assertThat(gz.extract()).isEqualTo("enrollments");
        assertThat(gz.extractDate()).isEqualTo(LocalDate.of(2026, 1, 10));
        InboxFile other = file(scanned, "lea-2/enrollments_2026-01-11.csv.gz");
        assertThat(other.ignored()).isNull();
        assertThat(other.gzip()).isTrue();
        assertThat(other.quarantineName()).isEqualTo("enrollments_2026-01-11.csv");
        assertThat(file(scanned, "lea-1/enrollments_2026-01-10.csv").ignored()).isNull();
    }

    @Test
    void aMissingLeasCsvFailsWithAMessageNamingIt() throws IOException {
        inbox.activities("lea-1", "2026-06-01");
        Files.delete(dir.resolve("_state/leas.csv"));

        assertThatThrownBy(() -> Inbox.scan(dir, AS_OF))
                .isInstanceOf(InboxException.class)
                .hasMessageContaining("_state/leas.csv")
                .hasMessageContaining("missing");
    }

    @Test
    void aMissingRubricCsvFailsWithAMessageNamingIt() throws IOException {
        inbox.activities("lea-1", "2026-06-01");
        Files.delete(dir.resolve("_state/rubric.csv"));

        assertThatThrownBy(() -> Inbox.scan(dir, AS_OF))
                .isInstanceOf(InboxException.class)
                .hasMessageContaining("_state/rubric.csv")
                .hasMessageContaining("missing");
    }

    @Test
    void theStateFolderIsNotReportedAndTheStateRegistryIsRead() throws IOException {
        inbox.activities("lea-1", "2026-06-01");

        Inbox scanned = Inbox.scan(dir, AS_OF);

        assertThat(scanned.files())
                .extracting(InboxFile::relativePath)
                .containsExactly("lea-1/pl_activities_2026-06-01.csv");
        assertThat(scanned.state().leas()).containsOnlyKeys("lea-1", "lea-2");
        assertThat(scanned.state().dimensions()).containsExactlyInAnyOrder("engagement", "tech_use");
    }

    @Test
    void filesAreSortedByLeaAndNameWhateverTheOrderTheyWereWrittenIn() throws IOException {
        // written newest LEA first and names in reverse order
        inbox.write("lea-9/zz.txt", "x");
        inbox.write("lea-2/student_outcomes_2026-01-01.csv", "x");
        inbox.write("lea-2/attendance_2026-01-01.csv", "x");
        inbox.write("lea-1/satisfaction_2026-02-01.csv", "x");
        inbox.write("lea-1/satisfaction_2026-01-01.csv", "x");
        inbox.write("lea-1/enrollments_2026-01-01.csv", "x");

        List<String> paths = Inbox.scan(dir, AS_OF).files().stream()
                .map(InboxFile::relativePath)
                .toList();

        assertThat(paths)
                .containsExactly(
                        "lea-1/enrollments_2026-01-01.csv",
                        "lea-1/satisfaction_2026-01-01.csv",
                        "lea-1/satisfaction_2026-02-01.csv",
                        "lea-2/attendance_2026-01-01.csv",
                        "lea-2/student_outcomes_2026-01-01.csv",
                        "lea-9/zz.txt");
    }
}
