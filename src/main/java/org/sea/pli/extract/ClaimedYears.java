package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The school years a file's raw rows name, without validating them: what a new file of an LEA
 * can change (docs/spec.md §6.1), found before the LEA's other files are read. Every school year
 * a read of the file would claim (§1.1) or accept rows of is among them.
 */
public final class ClaimedYears {

    private ClaimedYears() {}

    /**
     * The well-formed {@code school_year} values of the file's rows; null when it has no such
     * column (it then claims every year, §1.1) or cannot be parsed as CSV to its end (then what
     * it claims is decided only by reading it).
     */
    public static SortedSet<Integer> of(InboxFile file) {
        ExtractSchema schema = ExtractSchema.of(file.extract());
        try (InputStream raw = Files.newInputStream(file.path());
                InputStream bytes = file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw) {
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
