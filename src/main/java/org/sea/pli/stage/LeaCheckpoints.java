package org.sea.pli.stage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.FileResult;
import org.sea.pli.extract.FileStatus;
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
 * on are as they were; otherwise that LEA is read again. Removed when the run finishes.
 *
 * <p>A checkpoint file starts with a header: a magic line, the checkpoint format number, the
 * pl-impact version that wrote it and the {@link CheckpointShape shape} of the classes it holds.
 * Only a checkpoint of this format, version and shape is read: after an upgrade or a rebuild
 * between a failed attempt and its restart, the LEA is loaded again rather than restored into
 * classes of another shape. The body is read through a filter that admits only
 * pl-impact's own classes and the JDK's collections, records and numbers.
 */
final class LeaCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(LeaCheckpoints.class);

    /** The first field of every checkpoint file. */
    static final String MAGIC = "pl-impact LEA checkpoint";
    /** Raised whenever the body's layout changes, so no checkpoint of another layout is read. */
    static final int FORMAT = 1;

    /** The classes the body holds, as this build has them. */
    private static final String SHAPE = CheckpointShape.of(Checkpoint.class);

    private static final ObjectInputFilter BODY = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;org.sea.pli.**;java.util.*;java.lang.*;java.math.*;java.time.*;!*");

    /** One file's outcome, without the inbox path (re-resolved from the current scan). */
    private record SavedOutcome(
            String relativePath, String sha256, long bytes, FileResult result, FileStatus status, FileReason reason)
            implements Serializable {}

    private record Checkpoint(
            String fingerprint,
            List<String> files,
            List<Long> sizes,
            List<Long> modified,
            List<SavedOutcome> outcomes,
            LeaModel model)
            implements Serializable {}

    /** A restored LEA: its outcomes in file order, and its model (null when no row was folded). */
    record Restored(List<FileOutcome> outcomes, LeaModel model) {}

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

    Optional<Restored> read(String leaId, List<InboxFile> files) {
        Path file = file(leaId);
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            Checkpoint c;
            try (InputStream raw = new BufferedInputStream(fs.open(file), 1 << 16)) {
                String madeBy = header(new DataInputStream(raw));
                if (madeBy != null) {
                    log.info("checkpoint {} was written by {}; reading LEA {} again", file, madeBy, leaId);
                    return Optional.empty();
                }
                ObjectInputStream in = new ObjectInputStream(raw);
                in.setObjectInputFilter(BODY);
                c = (Checkpoint) in.readObject();
            }
            if (!c.fingerprint().equals(fingerprint)
                    || !c.files().equals(paths(files))
                    || !c.sizes().equals(sizes(files))
                    || !c.modified().equals(modified(files))) {
                return Optional.empty();
            }
            Map<String, InboxFile> byPath = new HashMap<>();
            files.forEach(f -> byPath.put(f.relativePath(), f));
            List<FileOutcome> outcomes = new ArrayList<>();
            for (SavedOutcome o : c.outcomes()) {
                outcomes.add(new FileOutcome(
                        byPath.get(o.relativePath()), o.sha256(), o.bytes(), o.result(), o.status(), o.reason()));
            }
            return Optional.of(new Restored(outcomes, c.model()));
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("checkpoint {} is unusable ({}); reading LEA {} again", file, e.getMessage(), leaId);
            return Optional.empty();
        }
    }

    void write(String leaId, List<InboxFile> files, List<FileOutcome> outcomes, LeaModel model) throws IOException {
        List<SavedOutcome> saved = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            saved.add(new SavedOutcome(
                    o.file().relativePath(), o.sha256(), o.bytes(), o.result(), o.status(), o.reason()));
        }
        Checkpoint c = new Checkpoint(fingerprint, paths(files), sizes(files), modified(files), saved, model);
        Path file = file(leaId);
        Path tmp = new Path(dir, "." + file.getName() + ".tmp");
        try (FSDataOutputStream raw = fs.create(tmp, true);
                BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16)) {
            writeHeader(new DataOutputStream(buffered), FORMAT, ToolVersion.plImpact(), SHAPE);
            ObjectOutputStream out = new ObjectOutputStream(buffered);
            out.writeObject(c);
            out.flush();
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) { // a half-written checkpoint is never taken for a whole one
            throw new IOException("cannot rename " + tmp + " to " + file);
        }
    }

    static void writeHeader(DataOutputStream out, int format, String version, String shape) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(format);
        out.writeUTF(version);
        out.writeUTF(shape);
        out.flush();
    }

    /** Null when the header is this format's and this version's; otherwise what wrote the file. */
    private static String header(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            return "something else than pl-impact";
        }
        int format = in.readInt();
        if (format != FORMAT) {
            return "checkpoint format " + format;
        }
        String version = in.readUTF();
        String shape = in.readUTF();
        return version.equals(ToolVersion.plImpact()) && shape.equals(SHAPE)
                ? null
                : "pl-impact " + version + (shape.equals(SHAPE) ? "" : " with other checkpoint classes");
    }

    /**
     * {@code work/lea/<sha256 of the LEA folder name>.bin}: the folder name is untrusted (a colon
     * breaks Hadoop paths, a non-ASCII letter breaks file names when the JVM runs without a UTF-8
     * locale: the JVM then encodes file names as ASCII), so no internal file name is derived from it.
     */
    Path file(String leaId) {
        return new Path(dir, Sha256.of(leaId.getBytes(StandardCharsets.UTF_8)) + ".bin");
    }

    private static List<String> paths(List<InboxFile> files) {
        return files.stream().map(InboxFile::relativePath).toList();
    }

    private static List<Long> sizes(List<InboxFile> files) {
        List<Long> sizes = new ArrayList<>();
        for (InboxFile f : files) {
            try {
                sizes.add(Files.size(f.path()));
            } catch (IOException e) {
                sizes.add(-1L);
            }
        }
        return sizes;
    }

    private static List<Long> modified(List<InboxFile> files) {
        List<Long> times = new ArrayList<>();
        for (InboxFile f : files) {
            try {
                times.add(Files.getLastModifiedTime(f.path()).toMillis());
            } catch (IOException e) {
                times.add(-1L);
            }
        }
        return times;
    }
}
