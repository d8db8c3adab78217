package org.sea.pli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;

/**
 * The report's door to a run's marts ({@code runs/<run_id>/marts/}), read through the warehouse's own
 * FileSystem by {@link MartReader}, so the report shows exactly what the run wrote. Only the
 * suppressed aggregate marts and the load report open: {@code educator_activity} (restricted,
 * spec §5.1) is refused, so no page can be built from it.
 */
final class ReportableMarts {

    /** The marts a report may be built from (spec §5.2–§5.11): every mart but the restricted ones. */
    static final List<String> ALLOWED = MartCatalog.REPORTABLE;

    private final MartReader reader;

    ReportableMarts(FileSystem fs, Path martsDir) {
        this.reader = new MartReader(fs, martsDir);
    }

    /** Every row of {@code mart}, each turned into the page's typed row by {@code row}. */
    <T> List<T> read(String mart, Function<MartRecord, T> row) throws IOException {
        if (!ALLOWED.contains(mart)) {
            throw new IllegalArgumentException("the report is not built from mart '" + mart
                    + "' (only the suppressed aggregate marts and load_report)");
        }
        List<T> rows = new ArrayList<>();
        for (MartRecord r : reader.read(MartSchema.load(mart))) {
            rows.add(row.apply(r));
        }
        return List.copyOf(rows);
    }

    /**
     * Marts to read side by side: {@link #add} names one and gives what will hold its rows,
     * {@link #read()} reads them all, on every core (the marts are separate files; read one after
     * another they were a sixth of the report at state scale).
     */
    final class Batch {
        private final List<Runnable> reads = new ArrayList<>();

        <T> Supplier<List<T>> add(String mart, Function<MartRecord, T> row) {
            CompletableFuture<List<T>> rows = new CompletableFuture<>();
            reads.add(() -> {
                try {
                    rows.complete(ReportableMarts.this.read(mart, row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return rows::join;
        }

        /** Reads every mart added; a failed read's exception reaches the caller. */
        void read() throws IOException {
            try {
                reads.parallelStream().forEach(Runnable::run);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
