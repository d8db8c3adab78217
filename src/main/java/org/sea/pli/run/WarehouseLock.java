package org.sea.pli.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.Warehouse;

/**
 * One run at a time per warehouse (docs/spec.md §6): {@code <warehouse>/_LOCK}, created atomically,
 * naming its holder. A second run exits 1 at once with a message naming the holder.
 * <p>
 * A lock left behind by a killed process must not block forever. It is stale, and taken over,
 * when its holder ran on this host and that process is gone, or when it is older than
 * {@code pli.lock-stale-after} (default 12 hours, longer than any nightly run) — the only rule
 * that also works for a holder on another host.
 */
public final class WarehouseLock implements AutoCloseable {

    public static final String FILE = "_LOCK";

    private final FileSystem fs;
    private final Path path;

    private WarehouseLock(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** Takes the lock or throws {@link RunFailure} naming who holds it. */
    public static WarehouseLock acquire(Warehouse warehouse, String purpose, Duration staleAfter) throws IOException {
        FileSystem fs = warehouse.fs();
        Path path = new Path(warehouse.root(), FILE);
        warehouse.createRoot();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FSDataOutputStream out = fs.create(path, false)) {
                Properties p = new Properties();
                p.setProperty("purpose", purpose);
                p.setProperty("host", host());
                p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
                p.setProperty("since", Instant.now().toString());
                p.store(out, "pl-impact warehouse lock, one run at a time (SPEC.md section 6)");
                return new WarehouseLock(fs, path);
            } catch (FileAlreadyExistsException e) {
                Properties holder = readWritten(fs, path);
                if (holder != null && !stale(holder, staleAfter)) {
                    throw new RunFailure("warehouse " + warehouse.root() + " is in use by " + describe(holder)
                            + "; one run at a time (remove " + path + " only if that process is gone)");
                }
                fs.delete(path, false); // stale: its holder is gone; take it over
            }
        }
        throw new RunFailure("warehouse " + warehouse.root() + ": another run took the lock at the same moment");
    }

    static boolean stale(Properties holder, Duration staleAfter) {
        try {
            Instant since = Instant.parse(holder.getProperty("since"));
            if (Instant.now().isAfter(since.plus(staleAfter))) {
                return true;
            }
            if (host().equals(holder.getProperty("host"))) {
                long pid = Long.parseLong(holder.getProperty("pid"));
                return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
            }
            return false;
        } catch (RuntimeException e) {
            return true; // unreadable lock contents cannot name a live holder
        }
    }

    /**
     * The holder as written; a lock file just created by a racing run may still be empty, so wait
     * a moment for its contents rather than mistake it for a stale one.
     */
    private static Properties readWritten(FileSystem fs, Path path) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Properties p = read(fs, path);
            if (p == null || p.containsKey("since")) {
                return p;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return read(fs, path); // still incomplete after 5 s: its writer died while writing it
    }

    private static Properties read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
            return p;
        } catch (java.io.FileNotFoundException e) {
            return null; // released meanwhile
        }
    }

    private static String describe(Properties p) {
        return p.getProperty("purpose", "another run") + " (pid " + p.getProperty("pid", "?") + " on "
                + p.getProperty("host", "?") + ", since " + p.getProperty("since", "?") + ")";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() throws IOException {
        fs.delete(path, false);
    }
}
