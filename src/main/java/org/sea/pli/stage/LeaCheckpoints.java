package org.sea.pli.stage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.model.LeaModel;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What loading one LEA produced, saved under {@code runs/<run_id>/work/lea/} as soon as the LEA is
 * done, so that a restarted run (docs/spec.md §6) does not read it again: a run killed after 150 of 200
 * LEAs resumes at the 151st, and steps after the load need no reload at all. A checkpoint is used
 * only if the LEA's files (names, sizes, modification times) and everything else the load depends
 * on are as they were, and only if this build wrote it ({@link LeaResultFormat}'s header);
 * otherwise that LEA is read again. Removed when the run finishes.
 */
final class LeaCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(LeaCheckpoints.class);

    private final FileSystem fs;
    private final Path dir;
    private final String fingerprint;

    /**
     * @param fingerprint everything besides the LEA's own files that a load depends on (as-of,
     *                    state files, max reject rate): a checkpoint made under another is ignored
     */
    LeaCheckpoints(Warehouse warehouse, String runId, String fingerprint) {
        this.fs = warehouse.fs();
        this.dir = new Path(warehouse.runDir(runId), "work/lea");
        this.fingerprint = fingerprint;
    }

    static Path workDir(Warehouse warehouse, String runId) {
        return new Path(warehouse.runDir(runId), "work");
    }

    Optional<LeaResultFormat.Restored> read(String leaId, List<InboxFile> files) {
        Path file = file(leaId);
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(file), 1 << 16))) {
                String mismatch = LeaResultFormat.mismatch(in, key(files));
                if (mismatch != null) {
                    log.info("checkpoint {} is not used ({}); reading LEA {} again", file, mismatch, leaId);
                    return Optional.empty();
                }
                Map<String, InboxFile> byPath = new HashMap<>();
                files.forEach(f -> byPath.put(f.relativePath(), f));
                return Optional.of(LeaResultFormat.read(in, byPath::get));
            }
        } catch (IOException e) {
            log.warn("checkpoint {} is unusable ({}); reading LEA {} again", file, e.getMessage(), leaId);
            return Optional.empty();
        }
    }

    void write(String leaId, List<InboxFile> files, List<FileOutcome> outcomes, LeaModel model) throws IOException {
        Path file = file(leaId);
        Path tmp = new Path(dir, "." + file.getName() + ".tmp");
        try (FSDataOutputStream raw = fs.create(tmp, true);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            LeaResultFormat.write(out, key(files), outcomes, model);
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) { // a half-written checkpoint is never taken for a whole one
            throw new IOException("cannot rename " + tmp + " to " + file);
        }
    }

    /** The fingerprint and the LEA's files as they are on disk now, as one digest. */
    private String key(List<InboxFile> files) {
        StringBuilder key = new StringBuilder(fingerprint);
        for (InboxFile f : files) {
            key.append('\n').append(f.relativePath());
            try {
                key.append('|')
                        .append(Files.size(f.path()))
                        .append('|')
                        .append(Files.getLastModifiedTime(f.path()).toMillis());
            } catch (IOException e) {
                key.append("|-");
            }
        }
        return Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code work/lea/<sha256 of the LEA folder name>.bin}: the folder name is untrusted (a colon
     * breaks Hadoop paths, a non-ASCII letter breaks file names when the JVM runs without a UTF-8
     * locale: the JVM then encodes file names as ASCII), so no internal file name is derived from it.
     */
    Path file(String leaId) {
        return new Path(dir, Sha256.of(leaId.getBytes(StandardCharsets.UTF_8)) + ".bin");
    }
}
