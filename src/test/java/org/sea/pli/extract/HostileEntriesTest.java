package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or careless LEA can put in an inbox: entries that are not regular files
 * (docs/spec.md §1 {@code not_a_file}), odd names, duplicate header columns (§3.2
 * {@code duplicate_column}), formula fields in quarantine (§3.1) and _state files listing an id twice.
 */
class HostileEntriesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    private static final String ATTENDANCE = "educator_id,activity_id,school_year,session_date,minutes\n";

    @TempDir
    Path dir;

    private InboxFixture inbox;
    private final InboxFixture.MemoryQuarantine quarantine = new InboxFixture.MemoryQuarantine();

    @BeforeEach
    void setUp() throws IOException {
        inbox = new InboxFixture(dir); // leas.csv: lea-1, lea-2
    }

    private Map<String, FileOutcome> load(String lea) throws IOException {
        Inbox scanned = Inbox.scan(dir, AS_OF);
        List<InboxFile> files =
                scanned.files().stream().filter(f -> f.leaId().equals(lea)).toList();
        LeaLoader loader = new LeaLoader(
                new ExtractFileReader(scanned.state().dimensions(), 0.5, quarantine),
                new org.sea.pli.model.LeaModels());
        return loader.load(lea, files).stream()
                .collect(Collectors.toMap(o -> o.file().fileName(), o -> o));
    }

    @Test
    void everyEntryUnderAnLeaFolderGetsARowAndWhatIsNotARegularFileIsNotAFileWithoutAHash() throws Exception {
        inbox.activities("lea-1", "2026-06-01");
        inbox.write("lea-1/archive/attendance_2026-06-01.csv", ATTENDANCE + "e-1,a-1,2025-26,2025-10-01,60\n");
        Files.createSymbolicLink(dir.resolve("lea-1/attendance_2026-05-01.csv"), dir.resolve("nowhere.csv"));
        Files.createSymbolicLink(dir.resolve("lea-1/loop.csv"), dir.resolve("lea-1/loop.csv"));
        Files.createDirectories(dir.resolve("lea-9/sub")); // an unknown LEA's subfolder: not_a_file, not unknown_lea

        Map<String, FileOutcome> byName = load("lea-1");

        // §1: four entries directly under lea-1, four rows; the subfolder's contents are not listed
        assertThat(byName.keySet())
                .containsExactlyInAnyOrder(
                        "pl_activities_2026-06-01.csv", "archive", "attendance_2026-05-01.csv", "loop.csv");
        for (String name : List.of("archive", "attendance_2026-05-01.csv", "loop.csv")) {
            FileOutcome o = byName.get(name);
            assertThat(o.status()).as(name).isEqualTo(FileStatus.IGNORED);
            assertThat(o.reason()).as(name).isEqualTo(FileReason.NOT_A_FILE);
            assertThat(o.sha256()).as(name).isNull(); // §5.7: null only for not_a_file
            assertThat(o.result()).as(name).isNull();
        }
        // the broken link keeps what its name says (§5.7 extract/extract_date where the name gives them)
        assertThat(byName.get("attendance_2026-05-01.csv").file().extract()).isEqualTo("attendance");
        assertThat(byName.get("pl_activities_2026-06-01.csv").status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(Inbox.scan(dir, AS_OF).files())
                .filteredOn(f -> f.leaId().equals("lea-9"))
                .singleElement()
                .satisfies(f -> assertThat(f.ignored()).isEqualTo(FileReason.NOT_A_FILE));
    }

    @Test
    void aWorkingLinkToARegularFileIsReadLikeTheFile() throws Exception {
        inbox.activities("lea-1", "2026-06-01");
        Path target = Files.writeString(dir.resolve("elsewhere.csv"), ATTENDANCE + "e-1,a-1,2025-26,2025-10-01,60\n");
        Files.createSymbolicLink(dir.resolve("lea-1/attendance_2026-06-01.csv"), target);

        FileOutcome o = load("lea-1").get("attendance_2026-06-01.csv");

        assertThat(o.status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(o.result().rowsAccepted()).isEqualTo(1);
    }

    @Test
    void namesWithColonsPercentSpacesAndNonAsciiLettersAreUnknownNotFatal() throws Exception {
        inbox.write("L00:1/attendance_2026-06-01.csv", "x\n");
        inbox.write("lea-1/a%20b c:d.csv", "x\n");
        org.sea.pli.testing.NativeNames.write(dir, "lea-1/asistencia_\\303\\261.csv", "x\n"); // asistencia_ñ.csv

        Inbox scanned = Inbox.scan(dir, AS_OF);

        assertThat(scanned.files())
                .extracting(InboxFile::relativePath, InboxFile::ignored)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("L00:1/attendance_2026-06-01.csv", FileReason.UNKNOWN_LEA),
                        org.assertj.core.groups.Tuple.tuple("lea-1/a%20b c:d.csv", FileReason.UNKNOWN_FILE));
        // decoded as ñ under a UTF-8 locale, garbled without one: either way one unknown_file row
        assertThat(scanned.files()).hasSize(3).last().satisfies(f -> {
            assertThat(f.relativePath()).startsWith("lea-1/asistencia_").endsWith(".csv");
            assertThat(f.ignored()).isEqualTo(FileReason.UNKNOWN_FILE);
        });
    }

    @Test
    void aHeaderNamingAColumnTwiceRejectsTheFileWithoutValidatingARow() throws Exception {
        inbox.activities("lea-1", "2026-06-01");
        // minutes twice: which one counts? §3.2 rejects the file rather than silently use the first
        inbox.write(
                "lea-1/attendance_2026-06-01.csv",
                "educator_id,activity_id,school_year,session_date,minutes,"
                        + "Minutes \ne-1,a-1,2025-26,2025-10-01,60,30\ne-2,a-1,2025-26,2025-10-01,bad,30\n");

        FileOutcome o = load("lea-1").get("attendance_2026-06-01.csv");

        assertThat(o.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(o.reason()).isEqualTo(FileReason.DUPLICATE_COLUMN);
        assertThat(o.result().rowsRead()).isEqualTo(2);
        assertThat(o.result().rowsAccepted()).isZero();
        assertThat(o.result().rowsRejected()).isZero(); // no row validated: the "bad" row is not quarantined
        assertThat(quarantine.files).isEmpty();
    }

    @Test
    void anUnknownColumnNamedTwiceIsNotADuplicateOfTheExtract() throws Exception {
        inbox.activities("lea-1", "2026-06-01");
        inbox.write(
                "lea-1/attendance_2026-06-01.csv",
                ATTENDANCE.strip() + ",note,note\ne-1,a-1,2025-26,2025-10-01,60,x,y\n");

        FileOutcome o = load("lea-1").get("attendance_2026-06-01.csv");

        assertThat(o.status()).isEqualTo(FileStatus.IN_FORCE);
        assertThat(o.result().unknownColumns()).isEqualTo("note,note");
    }

    @Test
    void quarantineFieldsThatWouldRunAsFormulasGetAnApostropheAndNumbersStayAsTheyAre() throws Exception {
        inbox.activities("lea-1", "2026-06-01");
        // 5 rejected rows of 6: max-reject-rate 0.5 in load() rejects the file too, but its rows are quarantined
        inbox.write(
                "lea-1/attendance_2026-06-01.csv",
                ATTENDANCE
                        + "\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",a-1,2025-26,2025-10-01,60\n" // bad_type id
                        + "e-1,a-1,2025-26,2025-10-01,+cmd|' /C calc'!A0\n" // bad_type int
                        + "@SUM(A1),a-1,2025-26,2025-10-01,60\n"
                        + "e-2,a-1,2025-26,2025-10-01,-3\n" // out_of_range, a number
                        + "e-3,a-1,2025-26,2025-10-01,\"\tx\"\n"
                        + "e-4,a-1,2025-26,2025-10-01,60\n");

        load("lea-1");

        String q = quarantine.text("lea-1/attendance_2026-06-01.csv");
        List<String> lines = q.lines().toList();
        assertThat(lines.get(0)).isEqualTo("educator_id,activity_id,school_year,session_date,minutes,_line,_reason");
        assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",a-1,");
        assertThat(lines.get(2)).isEqualTo("e-1,a-1,2025-26,2025-10-01,'+cmd|' /C calc'!A0,3,bad_type");
        assertThat(lines.get(3)).startsWith("'@SUM(A1),");
        assertThat(lines.get(4)).isEqualTo("e-2,a-1,2025-26,2025-10-01,-3,5,out_of_range");
        assertThat(q).contains("'\tx,6,bad_type");
        // the inbox, the archive, keeps the bytes as sent
        assertThat(Files.readString(dir.resolve("lea-1/attendance_2026-06-01.csv")))
                .contains("\n@SUM(A1),");
    }

    @Test
    void spreadsheetSafeLeavesPlainNumbersAndOrdinaryTextAlone() {
        assertThat(SpreadsheetSafe.field("-3.5")).isEqualTo("-3.5");
        assertThat(SpreadsheetSafe.field("+1.2e3")).isEqualTo("+1.2e3");
        assertThat(SpreadsheetSafe.field("")).isEmpty();
        assertThat(SpreadsheetSafe.field("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetSafe.field("-")).isEqualTo("'-");
        assertThat(SpreadsheetSafe.field("-Infinity")).isEqualTo("'-Infinity");
        assertThat(SpreadsheetSafe.field("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void leasCsvOrRubricCsvListingAnIdTwiceFailsNamingIt() throws Exception {
        inbox.write("_state/leas.csv", "lea_id,lea_name,region\nlea-1,First,north\nlea-1,Other,south\n");
        assertThatThrownBy(() -> Inbox.scan(dir, AS_OF))
                .isInstanceOf(InboxException.class)
                .hasMessage("_state/leas.csv lists lea_id lea-1 twice");

        new InboxFixture(dir)
                .write("_state/rubric.csv", "dimension,description\nengagement,a\ntech_use,b\nengagement,c\n");
        assertThatThrownBy(() -> Inbox.scan(dir, AS_OF))
                .isInstanceOf(InboxException.class)
                .hasMessage("_state/rubric.csv lists dimension engagement twice");
    }

    @Test
    void aMissingFileNamesItsExtractAndDateWhereValid() {
        InboxFile gone = Inbox.missingFile("lea-1/attendance_2026-06-01.csv.gz");
        assertThat(gone.leaId()).isEqualTo("lea-1");
        assertThat(gone.extract()).isEqualTo("attendance");
        assertThat(gone.extractDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(gone.ignored()).isEqualTo(FileReason.FILE_MISSING);
        assertThat(Inbox.missingFile("lea-1/notes.txt").extract()).isNull();
        assertThat(FileReason.NOT_A_FILE.status()).isEqualTo(FileStatus.IGNORED);
        assertThat(FileReason.FILE_MISSING.status()).isEqualTo(FileStatus.IGNORED);
        assertThat(FileReason.DUPLICATE_COLUMN.status()).isEqualTo(FileStatus.REJECTED);
    }
}
