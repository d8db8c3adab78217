package org.sea.pli.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sea.pli.extract.DirectoryQuarantine;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.StateRegistry;
import org.sea.pli.mart.LoadReportMart;
import org.sea.pli.ops.TextTable;
import org.sea.pli.parquet.MartSchema;

/**
 * What {@code validate} prints (spec §7): the LEA's {@code load_report} rows exactly as a run
 * would write them (§5.7, built by {@link LoadReportMart} itself), then per file the first rejected
 * rows read back from its quarantine file (§3.1). Counts, codes and file names only, except the
 * rejected rows, which are the LEA's own.
 */
final class ValidationReport {

    /** Rejected rows shown per file. */
    static final int SHOWN = 5;

    private static final List<String> COLUMNS = List.of(
            "file",
            "status",
            "reason",
            "rows_read",
            "rows_accepted",
            "rows_rejected",
            "reject_reasons",
            "unknown_columns");

    private final StateRegistry state;
    private final LocalDate asOf;
    private final double maxRejectRate;
    private final DirectoryQuarantine quarantine;
    private final boolean keepsQuarantine;

    ValidationReport(
            StateRegistry state,
            LocalDate asOf,
            double maxRejectRate,
            DirectoryQuarantine quarantine,
            boolean keepsQuarantine) {
        this.state = state;
        this.asOf = asOf;
        this.maxRejectRate = maxRejectRate;
        this.quarantine = quarantine;
        this.keepsQuarantine = keepsQuarantine;
    }

    void print(List<FileOutcome> outcomes, PrintStream out) throws IOException {
        String lea = outcomes.get(0).file().leaId();
        out.println("validate " + lea + " (" + state.leas().get(lea) + ") as of " + asOf + ", max-reject-rate "
                + maxRejectRate);
        MartSchema schema = MartSchema.load(LoadReportMart.NAME);
        TextTable table = new TextTable(COLUMNS.toArray(String[]::new)).leftAligned(1, 2, 6, 7);
        for (Object[] row : LoadReportMart.rows(outcomes)) {
            table.row(COLUMNS.stream()
                    .map(c -> row[schema.index(c)])
                    .map(v -> v == null ? "-" : v)
                    .toArray());
        }
        table.lines("").forEach(out::println);

        for (FileOutcome o : outcomes) {
            Path file = quarantine.fileOf(o.file());
            if (o.result() == null || o.result().rowsRejected() == 0 || !Files.isRegularFile(file)) {
                continue;
            }
            long rejected = o.result().rowsRejected();
            out.println();
            out.println(o.file().fileName() + ": " + rejected + " rejected row" + (rejected == 1 ? "" : "s")
                    + (rejected > SHOWN ? ", the first " + SHOWN : "")
                    + (keepsQuarantine
                            ? " (all in " + file + ")"
                            : rejected > SHOWN ? " (--quarantine DIR writes all of them)" : ""));
            for (String line : firstRejected(file)) {
                out.println("  " + line);
            }
        }

        long rejectedFiles =
                outcomes.stream().filter(o -> o.status() == FileStatus.REJECTED).count();
        out.println();
        out.println(
                rejectedFiles == 0
                        ? lea + ": no file would be rejected (" + outcomes.size() + " file"
                                + (outcomes.size() == 1 ? "" : "s") + " checked)"
                        : String.format(
                                Locale.ROOT,
                                "%s: %d of %d files would be rejected: fix them and validate again" + " before sending",
                                lea,
                                rejectedFiles,
                                outcomes.size()));
    }

    /** {@code line N: reason: the record}, from the quarantine file's {@code _line} and {@code _reason}. */
    private static List<String> firstRejected(Path file) throws IOException {
        // a malformed_row record keeps its own field count, then _line and _reason (§3.1)
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .ofCsvRecord(file);
                Stream<CsvRecord> records = csv.stream()) {
            return records.skip(1)
                    .limit(SHOWN)
                    .map(r -> {
                        List<String> fields = r.getFields();
                        int n = fields.size();
                        return "line " + fields.get(n - 2) + ": " + fields.get(n - 1) + ": "
                                + shown(fields.subList(0, n - 2));
                    })
                    .toList();
        }
    }

    /** The record on one line: quoted where it holds a comma or quote, line breaks shown as \n. */
    private static String shown(List<String> fields) {
        return fields.stream()
                .map(f -> {
                    String v = f.replace("\r", "\\r").replace("\n", "\\n");
                    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
                })
                .collect(Collectors.joining(","));
    }
}
