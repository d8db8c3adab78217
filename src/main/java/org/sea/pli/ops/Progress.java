package org.sea.pli.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sea.pli.extract.ReadProgress;
import org.slf4j.Logger;

/**
 * Progress lines of a long step at a steady interval, never per row: readers add to two
 * counters ({@link ReadProgress}: every 10,000 rows and at the end of each file) and a daemon
 * thread logs, every {@code interval}, e.g.
 * {@code run 2026-06-30_1: loadInbox: 1,204 of 3,010 files, 4,812,000 rows read, 1,020,331 rows/s, 4.7 s elapsed}.
 * Counts only: never a value of a row.
 */
public final class Progress implements ReadProgress, AutoCloseable {

    private final Logger log;
    private final String label;
    private final long totalFiles;
    private final long started = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final ScheduledExecutorService timer;

    private Progress(Logger log, String label, long totalFiles, Duration interval) {
        this.log = log;
        this.label = label;
        this.totalFiles = totalFiles;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pli-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Starts logging progress of {@code label} (e.g. {@code run 2026-06-30_1: loadInbox}) every {@code interval}. */
    public static Progress start(Logger log, String label, long totalFiles, Duration interval) {
        return new Progress(log, label, totalFiles, interval);
    }

    @Override
    public void rowsRead(long n) {
        rows.addAndGet(n);
    }

    @Override
    public void fileRead(long n) {
        rows.addAndGet(n);
        files.incrementAndGet();
    }

    public long rows() {
        return rows.get();
    }

    public long files() {
        return files.get();
    }

    /** The progress line as of now. */
    public String line() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long r = rows.get();
        return String.format(
                Locale.ROOT,
                "%s: %,d of %,d files, %,d rows read, %,d rows/s, %.1f s elapsed",
                label,
                files.get(),
                totalFiles,
                r,
                Math.round(r / Math.max(seconds, 1e-9)),
                seconds);
    }

    void report() {
        log.info(line());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
