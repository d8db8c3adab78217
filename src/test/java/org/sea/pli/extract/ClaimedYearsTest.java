package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The school years a new file's rows name, scanned before its LEA is read (docs/spec.md §6.1). */
class ClaimedYearsTest {

    @TempDir
    Path tmp;

    @Test
    void wellFormedYearsOfEveryRowWhateverElseIsWrongWithTheRow() throws Exception {
        // 2025-26 and 2024-25 are well-formed; 2024-2025 is not (§2), nor is an empty value; a short
        // row without the column names no year; the header is matched as the reader matches it
        InboxFile f = file(
                "attendance_2026-07-01.csv",
                " Educator_ID ,activity_id,SCHOOL_YEAR,session_date,minutes\n"
                        + "e-1,a-1,2025-26,2025-09-01,60\n"
                        + "e-1,a-1,2024-2025,2025-09-01,60\n"
                        + "e-2,a-1, 2024-25 ,not a date,-5\n"
                        + "e-3,a-1,,2025-09-01,60\n"
                        + "e-4,a-1\n");
        assertThat(ClaimedYears.of(f)).containsExactly(2024, 2025);
    }

    @Test
    void aGzippedFileIsScannedThroughItsCompression() throws Exception {
        Path p = tmp.resolve("lea-1/enrollments_2026-07-01.csv.gz");
        Files.createDirectories(p.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("educator_id,activity_id,school_year,role,enrolled_on\ne-1,a-1,2023-24,teacher,2023-09-01\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        InboxFile f = new InboxFile(
                "lea-1",
                p.getFileName().toString(),
                "lea-1/" + p.getFileName(),
                p,
                "enrollments",
                LocalDate.parse("2026-07-01"),
                true,
                null);
        assertThat(ClaimedYears.of(f)).containsExactly(2023);
        // the digest is of the file as stored, every byte, as the loader hashes it
        assertThat(ClaimedYears.scan(f).sha256()).isEqualTo(ExtractFileReader.sha256(f));
    }

    @Test
    void noSchoolYearColumnOrNoCsvToTheEndClaimsEveryYear() throws Exception {
        assertThat(ClaimedYears.of(file("attendance_2026-07-01.csv", "not_a_column\nx\n")))
                .isNull();
        assertThat(ClaimedYears.of(file("attendance_2026-07-02.csv", ""))).isNull();
        byte[] latin1 =
                "educator_id,activity_id,school_year,session_date,minutes\ne-1,a-1,2025-26,2025-09-01,60\nJos\u00e9"
                        .getBytes(StandardCharsets.ISO_8859_1);
        Path p = tmp.resolve("lea-1/attendance_2026-07-03.csv");
        Files.write(p, latin1);
        InboxFile notUtf8 = inbox(p, "attendance_2026-07-03.csv");
        assertThat(ClaimedYears.of(notUtf8))
                .as("not UTF-8: the read will reject it, and what it claims is decided only then")
                .isNull();
        // the scan stopped at the bad byte; the digest still covers the whole file
        assertThat(ClaimedYears.scan(notUtf8).sha256()).isEqualTo(ExtractFileReader.sha256(notUtf8));
    }

    private InboxFile file(String name, String text) throws Exception {
        Path p = tmp.resolve("lea-1").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return inbox(p, name);
    }

    private static InboxFile inbox(Path p, String name) {
        String extract = name.substring(0, name.lastIndexOf('_'));
        LocalDate date = LocalDate.parse(name.substring(name.lastIndexOf('_') + 1, name.indexOf(".csv")));
        return new InboxFile("lea-1", name, "lea-1/" + name, p, extract, date, false, null);
    }
}
