package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.sea.pli.storage.CountingInputStream;
import org.sea.pli.storage.Sha256;

/**
 * Reads one extract file once, row by row (spec §2, §3): hashes its bytes, validates each
 * record, quarantines rejected ones with {@code _line} and {@code _reason}, hands accepted rows to
 * an {@link ExtractFold}, and decides whether the file as a whole is rejected. The header is
 * resolved by {@link ExtractHeader}, rows by {@link RowValidator}, rejects written by
 * {@link QuarantineFile}.
 */
public final class ExtractFileReader {

    private final Set<String> rubric;
    private final double maxRejectRate;
    private final QuarantineStore quarantine;
    private final ReadProgress progress;

    public ExtractFileReader(Set<String> rubric, double maxRejectRate, QuarantineStore quarantine) {
        this(rubric, maxRejectRate, quarantine, ReadProgress.NONE);
    }

    public ExtractFileReader(
            Set<String> rubric, double maxRejectRate, QuarantineStore quarantine, ReadProgress progress) {
        this.rubric = rubric;
        this.maxRejectRate = maxRejectRate;
        this.quarantine = quarantine;
        this.progress = progress;
    }

    /** SHA-256 of a file that is not otherwise read (an ignored file, §5.7). */
    public static String sha256(InboxFile file) throws IOException {
        return Sha256.of(Files.newInputStream(file.path()));
    }

    public FileResult read(InboxFile file, ActivityCatalog activities, ExtractFold fold) throws IOException {
        long started = System.nanoTime();
        ExtractSchema schema = ExtractSchema.of(file.extract());
        MessageDigest digest = Sha256.newDigest();
        CountingInputStream counted; // the file's bytes as stored (before gunzip)
        Tally tally = new Tally();
        FileReason fileReason = null;
        String quarantinePath = file.leaId() + "/" + file.quarantineName();
        QuarantineFile rejects = new QuarantineFile(quarantine, quarantinePath);
        String unknownColumns = null;
        try (CountingInputStream raw =
                new CountingInputStream(new DigestInputStream(Files.newInputStream(file.path()), digest))) {
            counted = raw;
            try {
                InputStream bytes = file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw;
                Reader reader = CsvFiles.strictUtf8(bytes);
                CsvReader<CsvRecord> csv = CsvFiles.reader(reader);
                var records = csv.iterator();
                if (!records.hasNext()) {
                    fileReason = FileReason.UNREADABLE; // no header
                } else {
                    CsvRecord header = records.next();
                    ExtractHeader h = ExtractHeader.of(header, schema);
                    unknownColumns = h.unknownColumns();
                    int yearField = h.recordIndex()[schema.index("school_year")];
                    tally.hasYearColumn = yearField >= 0;
                    if (h.missingRequired() || h.duplicated()) {
                        fileReason = h.missingRequired() ? FileReason.MISSING_COLUMN : FileReason.DUPLICATE_COLUMN;
                        while (records.hasNext()) {
                            tally.claim(records.next(), yearField);
                            tally.rowsRead++;
                        }
                    } else {
                        validateRows(records, header, h, schema, activities, fold, rejects, tally, expectedRows(file));
                    }
                }
            } catch (UncheckedIOException | IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
                // not UTF-8, a broken gzip stream or unparsable CSV: nothing of it is validated (§3.2)
                fileReason = FileReason.UNREADABLE;
                rejects.discard();
                tally.clear();
            }
            Sha256.readToEnd(raw); // hash every byte, read or not
        } finally {
            rejects.close();
            progress.fileRead(tally.rowsRead % ReadProgress.BATCH);
        }
        tally.endRun();
        if (fileReason == FileReason.MISSING_COLUMN
                || fileReason == FileReason.DUPLICATE_COLUMN
                || fileReason == FileReason.UNREADABLE) {
            tally.acceptedRows.clear();
            tally.accepted = 0;
            tally.rejected = 0;
            tally.reasons.clear();
        } else if (tally.rowsRead > 0 && tally.rejected > maxRejectRate * tally.rowsRead) {
            fileReason = FileReason.REJECT_RATE_EXCEEDED;
        }
        Map<String, Long> reasons = new TreeMap<>();
        tally.reasons.forEach((r, n) -> reasons.put(r.code(), n));
        boolean claimsEveryYear = !tally.hasYearColumn; // §1.1: a file without school_year claims every year
        return new FileResult(
                Sha256.hex(digest),
                counted.count(),
                tally.rowsRead,
                tally.accepted,
                tally.rejected,
                Collections.unmodifiableMap(reasons),
                unknownColumns,
                fileReason,
                Collections.unmodifiableNavigableMap(fileReason == null ? tally.acceptedRows : new TreeMap<>()),
                claimsEveryYear ? null : Collections.unmodifiableSortedSet(tally.claimedYears),
                System.nanoTime() - started);
    }

    /**
     * About how many rows the file holds, from its size (extract rows are 50–90 bytes; a gzipped
     * file gives fewer): the duplicate-key set is made that large at once instead of growing from
     * empty, whose rehashing was a visible share of a state-scale load. Only a size hint.
     */
    static int expectedRows(InboxFile file) {
        long bytes = file.path() == null ? 0 : file.path().toFile().length();
        return (int) Math.min(bytes / 48, 1 << 22);
    }

    private void validateRows(
            java.util.Iterator<CsvRecord> records,
            CsvRecord header,
            ExtractHeader h,
            ExtractSchema schema,
            ActivityCatalog activities,
            ExtractFold fold,
            QuarantineFile rejects,
            Tally tally,
            int expectedRows)
            throws IOException {
        RowValidator validator =
                new RowValidator(schema, h.recordIndex(), header.getFieldCount(), rubric, activities, expectedRows);
        ExtractRow row = new ExtractRow(schema);
        int yearColumn = schema.index("school_year");
        int yearField = h.recordIndex()[yearColumn];
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (++tally.rowsRead % ReadProgress.BATCH == 0) {
                progress.rowsRead(ReadProgress.BATCH);
            }
            tally.claim(record, yearField);
            RowReason reason = validator.validate(record, row);
            if (reason == null) {
                tally.accepted++;
                tally.accept(row.schoolYear(yearColumn));
                fold.accept(row);
            } else {
                tally.rejected++;
                tally.reasons.merge(reason, 1L, Long::sum);
                rejects.write(header, record, reason);
            }
        }
    }

    private static final class Tally {
        long rowsRead;
        long accepted;
        long rejected;
        final EnumMap<RowReason, Long> reasons = new EnumMap<>(RowReason.class);
        /** School year → accepted rows (§5.11 rows_in_force), counted as the rows stream by. */
        final TreeMap<Integer, Long> acceptedRows = new TreeMap<>();

        final TreeSet<Integer> claimedYears = new TreeSet<>();
        boolean hasYearColumn;
        // rows of a file come in runs of one school year: count the current run and box once per run
        private int lastAccepted = -1;
        private long runLength;
        private int lastClaimed = -1;

        void accept(int year) {
            if (year != lastAccepted) {
                endRun();
                lastAccepted = year;
            }
            runLength++;
        }

        /** Adds the current run of accepted rows of one school year to its count. */
        void endRun() {
            if (runLength > 0) {
                acceptedRows.merge(lastAccepted, runLength, Long::sum);
            }
            runLength = 0;
            lastAccepted = -1;
        }

        /** §1.1: a rejected file claims the well-formed school_year values of its raw rows. */
        void claim(CsvRecord record, int yearField) {
            if (yearField >= 0 && yearField < record.getFieldCount()) {
                int year = SchoolYear.parse(record.getField(yearField).strip());
                if (year >= 0 && year != lastClaimed) {
                    claimedYears.add(year);
                    lastClaimed = year;
                }
            }
        }

        void clear() {
            lastAccepted = -1;
            runLength = 0;
            accepted = 0;
            rejected = 0;
            reasons.clear();
            acceptedRows.clear();
        }
    }
}
