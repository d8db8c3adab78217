package org.sea.pli.stage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.InboxFile;
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

    /** The LEA's result if one was saved under {@code key}; empty (and a log line) otherwise. */
    Optional<LeaResultFormat.Saved> read(String leaId, String key, List<InboxFile> files) {
        Path file = file(leaId);
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(file), 1 << 16))) {
                String mismatch = LeaResultFormat.mismatch(in, key);
                if (mismatch != null) {
                    log.info("{} {} is not used ({}); reading LEA {} again", what, file, mismatch, leaId);
                    return Optional.empty();
                }
                Map<String, InboxFile> byPath = new HashMap<>();
                files.forEach(f -> byPath.put(f.relativePath(), f));
                byte[] body = cipher.read(in);
                return Optional.of(LeaResultFormat.readBody(
                        new DataInputStream(new java.io.ByteArrayInputStream(body)), byPath::get));
            }
        } catch (IOException e) {
            log.warn("{} {} is unusable ({}); reading LEA {} again", what, file, e.getMessage(), leaId);
            return Optional.empty();
        }
    }

    void write(String leaId, String key, LeaResultFormat.Saved saved) throws IOException {
        Path file = file(leaId);
        Path tmp = new Path(dir, "." + file.getName() + ".tmp");
        try (FSDataOutputStream raw = fs.create(tmp, true);
                BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16)) {
            DataOutputStream header = new DataOutputStream(buffered);
            LeaResultFormat.writeHeader(header, key);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1 << 16);
            LeaResultFormat.writeBody(new DataOutputStream(body), saved);
            cipher.write(header, body.toByteArray());
            header.flush();
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
