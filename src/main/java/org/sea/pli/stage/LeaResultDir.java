package org.sea.pli.stage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.model.LeaModelFormat;
import org.sea.pli.storage.CountingInputStream;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of per-LEA load results ({@link LeaResultFormat}), one file per LEA. Two exist:
 *
 * <ul>
 *   <li>a run's <b>checkpoints</b>, {@code runs/<run_id>/work/lea/}: each LEA's result saved as soon
 *       as it is loaded, so a restarted run (docs/spec.md §6) resumes where the killed one stopped and a
 *       later step in a new JVM restores the load instead of reading the inbox again; removed
 *       when the run finishes;
 *   <li>the warehouse's <b>reuse store</b>, {@code state/lea/}: the checkpoints of the last finished
 *       nightly run, moved there when it finishes, so the next night restores every LEA whose
 *       files and load settings are unchanged instead of reading it again (docs/spec.md §6.1).
 * </ul>
 *
 * A file is used only when its header carries this build's layouts and version and the key of
 * the LEA's files as they are now; anything else — an upgrade, a changed file, a torn or foreign
 * file — means the LEA is read again, never a failure.
 */
final class LeaResultDir {

    private static final Logger log = LoggerFactory.getLogger(LeaResultDir.class);

    private final FileSystem fs;
    private final Path dir;
    private final String what;
    /** null: this folder is only listed and moved, never read or written */
    private final LeaResultCipher cipher;

    private LeaResultDir(FileSystem fs, Path dir, String what, LeaResultCipher cipher) {
        this.fs = fs;
        this.dir = dir;
        this.what = what;
        this.cipher = cipher;
    }

    static LeaResultDir checkpoints(Warehouse warehouse, String runId, LeaResultCipher cipher) {
        return new LeaResultDir(warehouse.fs(), new Path(workDir(warehouse, runId), "lea"), "checkpoint", cipher);
    }

    static LeaResultDir store(Warehouse warehouse, LeaResultCipher cipher) {
        return new LeaResultDir(warehouse.fs(), storeDir(warehouse), "stored result", cipher);
    }

    /** {@code state/lea/}: the reuse store. */
    static Path storeDir(Warehouse warehouse) {
        return new Path(warehouse.root(), "state/lea");
    }

    static Path workDir(Warehouse warehouse, String runId) {
        return new Path(warehouse.runDir(runId), "work");
    }

    boolean has(String leaId) throws IOException {
        return fs.exists(file(leaId));
    }

    /** A saved result and the key it was written under. */
    record Stored(String key, LeaResultFormat.Saved saved) {}

    /**
     * The LEA's result if one was saved under {@code key}; empty (and a log line) otherwise. Only
     * the head part is read: the model reads each school year's part from this file when a run
     * needs it ({@link #readYears}).
     */
    Optional<LeaResultFormat.Saved> read(String leaId, String key, List<InboxFile> files) {
        return read(leaId, h -> h.key().equals(key) ? null : "its files or settings differ", files)
                .map(Stored::saved);
    }

    /**
     * The LEA's result if one was saved under these load {@code settings}, whatever its files were
     * then: outcomes of files gone since point at placeholders (a path, no local file), so that
     * what they claimed is known ({@link YearReread}).
     */
    Optional<Stored> readUnderSettings(String leaId, String settings, List<InboxFile> files) {
        return read(leaId, h -> h.settings().equals(settings) ? null : "its settings differ", files);
    }

    private Optional<Stored> read(
            String leaId, java.util.function.Function<LeaResultFormat.Header, String> mismatch, List<InboxFile> files) {
        Path file = file(leaId);
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            long length = fs.getFileStatus(file).getLen();
            CountingInputStream counted = new CountingInputStream(new BufferedInputStream(fs.open(file), 1 << 16));
            try (DataInputStream in = new DataInputStream(counted)) {
                LeaResultFormat.Header header = LeaResultFormat.readHeader(in);
                String why = header.unreadable();
                if (why == null) {
                    why = mismatch.apply(header);
                }
                if (why != null) {
                    log.info("{} {} is not used ({}); reading LEA {} again", what, file, why, leaId);
                    return Optional.empty();
                }
                String key = header.key();
                Map<String, InboxFile> byPath = new HashMap<>();
                files.forEach(f -> byPath.put(f.relativePath(), f));
                byte[] head = cipher.readPart(in, key, length);
                LeaResultFormat.Saved saved = LeaResultFormat.readHead(
                        new DataInputStream(new ByteArrayInputStream(head)),
                        path -> byPath.computeIfAbsent(path, gone -> placeholder(leaId, gone)),
                        years -> readYears(file, key, length, years));
                checkYearParts(
                        in, saved.model() == null ? Set.of() : saved.model().years());
                if (counted.count() != length) { // a skip may pass the end of a file cut short
                    throw new IOException("its parts claim " + counted.count() + " bytes, the file has " + length);
                }
                return Optional.of(new Stored(key, saved));
            }
        } catch (IOException e) {
            log.warn("{} {} is unusable ({}); reading LEA {} again", what, file, e.getMessage(), leaId);
            return Optional.empty();
        }
    }

    /**
     * A file a stored result names that is no longer in the inbox: its path and the extract its
     * name says (what it touches, {@link YearReread}), nothing to read.
     */
    private static InboxFile placeholder(String leaId, String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        String extract =
                relativePath.indexOf('/') > 0 ? Inbox.missingFile(relativePath).extract() : null;
        return new InboxFile(leaId, name, relativePath, null, extract, null, false, null);
    }

    /**
     * Walks the year parts without decrypting them: a file cut short, or with parts other than the
     * head announced, is read again now rather than found wanting when a mart needs the year.
     */
    private static void checkYearParts(DataInputStream in, Set<Integer> years) throws IOException {
        for (int year : years) {
            int part = in.readInt();
            if (part != year) {
                throw new IOException("a part of school year " + part + " where " + year + " belongs");
            }
            LeaResultCipher.skipPart(in);
        }
    }

    /**
     * The parts of {@code years} of a result this run restored. The file was checked when the LEA
     * was restored; it can differ now only if it was damaged or something else wrote this
     * warehouse since (a store changes only when a run finishes, checkpoints only in their own
     * run): then the run fails rather than compute from another result.
     */
    private Map<Integer, byte[]> readYears(Path file, String key, long length, Set<Integer> years) throws IOException {
        Map<Integer, byte[]> parts = new HashMap<>();
        try (DataInputStream in = open(file)) {
            if (fs.getFileStatus(file).getLen() != length || LeaResultFormat.mismatch(in, key) != null) {
                throw new IOException("it changed after this run restored the LEA from it");
            }
            LeaResultCipher.skipPart(in);
            while (parts.size() < years.size()) {
                int year = in.readInt();
                if (years.contains(year)) {
                    parts.put(year, cipher.readPart(in, key + "|" + year, length));
                } else {
                    LeaResultCipher.skipPart(in);
                }
            }
        } catch (IOException e) {
            // damaged since the load checked it (the tag of a part fails): without the file, a restart
            // of this run reads the LEA again instead of failing on it once more
            fs.delete(file, false);
            throw new IOException(
                    what + " " + file + " cannot be read (" + e.getMessage() + "); it is removed, and a"
                            + " restart of this run reads the LEA's files again",
                    e);
        }
        return parts;
    }

    private DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(fs.open(file), 1 << 16));
    }

    /** Header, head part, then one part per school year of the model, each encrypted under the result's key. */
    void write(String leaId, String settings, String key, LeaResultFormat.Saved saved) throws IOException {
        Path file = file(leaId);
        Path tmp = new Path(dir, "." + file.getName() + ".tmp");
        try (FSDataOutputStream raw = fs.create(tmp, true);
                BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16)) {
            DataOutputStream out = new DataOutputStream(buffered);
            LeaResultFormat.writeHeader(out, settings, key);
            ByteArrayOutputStream part = new ByteArrayOutputStream(1 << 16);
            LeaResultFormat.writeHead(new DataOutputStream(part), saved);
            cipher.writePart(out, part.toByteArray(), key);
            if (saved.model() != null) {
                for (int year : saved.model().years()) {
                    out.writeInt(year);
                    cipher.writePart(out, LeaModelFormat.yearPart(saved.model(), year), key + "|" + year);
                }
            }
            out.flush();
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) { // a half-written result is never taken for a whole one
            throw new IOException("cannot rename " + tmp + " to " + file);
        }
    }

    /**
     * Moves every result of this folder into {@code target}, replacing the target's result of the
     * same LEA: a finished run's checkpoints become the reuse store. Results of LEAs this run did
     * not hold stay in the target; they are keyed by content and never restored for other files.
     */
    int moveInto(LeaResultDir target) throws IOException {
        if (!fs.exists(dir)) {
            return 0;
        }
        fs.mkdirs(target.dir);
        int moved = 0;
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (!f.isFile() || name.startsWith(".")) {
                continue; // a temporary file of a write that never finished
            }
            Path to = new Path(target.dir, name);
            fs.delete(to, false);
            if (!fs.rename(f.getPath(), to)) {
                throw new IOException("cannot move " + f.getPath() + " to " + to);
            }
            moved++;
        }
        return moved;
    }

    /**
     * {@code <sha256 of the LEA folder name>.bin}: the folder name is untrusted (a colon breaks
     * Hadoop paths, a non-ASCII letter breaks file names when the JVM runs without a UTF-8 locale:
     * the JVM then encodes file names as ASCII), so no internal file name is derived from it.
     */
    Path file(String leaId) {
        return new Path(dir, Sha256.of(leaId.getBytes(StandardCharsets.UTF_8)) + ".bin");
    }

    /** The key of an LEA's result: the load's fingerprint and each file's path, ignore reason and SHA-256. */
    static String key(String fingerprint, List<InboxFile> files, java.util.function.Function<InboxFile, String> sha) {
        StringBuilder key = new StringBuilder(fingerprint);
        for (InboxFile f : files) {
            key.append('\n')
                    .append(f.relativePath())
                    .append('|')
                    .append(f.ignored() == null ? "" : f.ignored().name())
                    .append('|')
                    .append(sha.apply(f));
        }
        return Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}
