package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.sea.pli.storage.Sha256;

/**
 * The school years a file's raw rows name, without validating them: what a new file of an LEA
 * can change (docs/spec.md §6.1), found before the LEA's other files are read. Every school year
 * a read of the file would claim (§1.1) or accept rows of is among them.
 */
public final class ClaimedYears {

    private ClaimedYears() {}

    /**
     * A file's SHA-256 and the school years its rows name, found in one pass over its bytes.
     *
     * @param years null when the file claims every year (see {@link #of})
     */
    public record Scan(String sha256, SortedSet<Integer> years) {}

    /**
     * The well-formed {@code school_year} values of the file's rows; null when it has no such
     * column (it then claims every year, §1.1) or cannot be parsed as CSV to its end (then what
     * it claims is decided only by reading it).
     */
    public static SortedSet<Integer> of(InboxFile file) {
        try {
            return scan(file).years();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@link #of} and the SHA-256 of every byte of the file (read to its end whatever the CSV
     * holds), so a new file is not read once for its digest and again for its years; an
     * {@link IOException} when the file cannot be read at all.
     */
    public static Scan scan(InboxFile file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file.path()), digest)) {
            SortedSet<Integer> years = years(file, raw);
            Sha256.readToEnd(raw); // hash every byte, parsed or not
            return new Scan(Sha256.hex(digest), years);
        }
    }

    private static SortedSet<Integer> years(InboxFile file, InputStream raw) {
        ExtractSchema schema = ExtractSchema.of(file.extract());
        try {
            InputStream bytes = file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw;
            Iterator<CsvRecord> records =
                    CsvFiles.reader(CsvFiles.strictUtf8(bytes)).iterator();
            if (!records.hasNext()) {
                return null;
            }
            int yearField = ExtractHeader.of(records.next(), schema).recordIndex()[schema.index("school_year")];
            if (yearField < 0) {
                return null;
            }
            SortedSet<Integer> years = new TreeSet<>();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (yearField < record.getFieldCount()) {
                    int year = SchoolYear.parse(record.getField(yearField).strip());
                    if (year >= 0) {
                        years.add(year);
                    }
                }
            }
            return Collections.unmodifiableSortedSet(years);
        } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            return null;
        }
    }
}
