package org.sea.pli.storage;

import static org.sea.pli.storage.RunIds.asOfOf;
import static org.sea.pli.storage.Warehouse.checkName;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * Publishing a run of a {@link Warehouse} (spec §5, §6): {@code current/<mart>/…} holding the marts
 * of the last published run, plus {@code current/_PUBLISHED} naming that run.
 *
 * <h2>What {@link #publish} guarantees</h2>
 * The run's marts are first copied into {@code current.staging-<run_id>} next to {@code current};
 * only when every mart and {@code _PUBLISHED} are there is {@code current} renamed to
 * {@code current.previous-<run_id>} and the staging directory renamed to {@code current}; then the
 * previous one is deleted.
 * <ul>
 * <li><b>Local disk (POSIX) and HDFS</b>: each directory rename is atomic, so a reader that lists
 * {@code current/} sees all the old marts or all the new ones, never a mix or a half-written file.
 * Between the two renames there is a brief window in which {@code current/} does not exist (a reader
 * gets "not found", and may retry). A crash inside that window leaves no {@code current/} and the old
 * marts in {@code current.previous-<run_id>}; the next publish cleans such leftovers up. On HDFS a
 * reader still streaming an old file when the previous directory is deleted may fail.</li>
 * <li><b>S3A</b>: a directory rename is a copy of every object then a delete, so neither rename is
 * atomic: during the swap a reader can see {@code current/} partly populated. Readers on S3 should
 * read the immutable {@code runs/<run_id>/marts/} named by {@code _PUBLISHED}, or the pipeline should
 * move to a table format with atomic commits.</li>
 * </ul>
 * Whether a run may publish at all (spec §6: never over a newer as-of) is the caller's decision;
 * {@link #publishedRunId()} and {@link RunIds#asOfOf(String)} give what it needs.
 */
public final class Publisher {
    /** The file in {@code current/} naming the published run. */
    public static final String PUBLISHED_FILE = "_PUBLISHED";

    static final String STAGING_PREFIX = "current.staging-";
    static final String PREVIOUS_PREFIX = "current.previous-";

    private final Warehouse warehouse;
    private final FileSystem fs;
    private final Path root;

    public Publisher(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.fs = warehouse.fs();
        this.root = warehouse.root();
    }

    /**
     * Makes {@code current/} hold exactly the given marts of run {@code runId} (copied from
     * {@code runs/<run_id>/marts/}) and a {@code _PUBLISHED} file, switching only after all are copied.
     * See the class comment for what is atomic on which file system.
     *
     * @throws IOException if a mart is missing from the run or the file system fails; {@code current/}
     *                     is then left as it was (except in the rename window described above)
     */
    public void publish(String runId, List<String> marts) throws IOException {
        publish(runId, marts, List.of());
    }

    /**
     * As {@link #publish(String, List)}, and also carries the given directories of the run
     * ({@code runs/<run_id>/<dir>}, e.g. {@code report}) into {@code current/<dir>} in the same
     * staging-then-rename switch, so they are published with the marts or not at all.
     */
    public void publish(String runId, List<String> marts, List<String> runDirs) throws IOException {
        String asOf = asOfOf(runId);
        Path source = martsDir(runId);
        Set<String> seen = new HashSet<>();
        for (String mart : marts) {
            checkName("mart", mart);
            if (!seen.add(mart)) {
                throw new IllegalArgumentException("mart " + mart + " listed twice");
            }
            Path dir = new Path(source, mart);
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                throw new IOException("run " + runId + " has no mart directory " + dir);
            }
        }
        for (String extra : runDirs) {
            checkName("run directory", extra);
            if (extra.equals(PUBLISHED_FILE) || !seen.add(extra)) {
                throw new IllegalArgumentException(
                        "run directory " + extra + " clashes with a mart or " + PUBLISHED_FILE);
            }
            Path dir = new Path(runDir(runId), extra);
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                throw new IOException("run " + runId + " has no directory " + dir);
            }
        }
        Path current = currentDir();
        Path staging = new Path(root, STAGING_PREFIX + runId);
        Path previous = new Path(root, PREVIOUS_PREFIX + runId);
        deleteIfExists(staging);
        if (!fs.mkdirs(staging)) {
            throw new IOException("cannot create " + staging);
        }
        for (String mart : marts) {
            copyTree(new Path(source, mart), new Path(staging, mart));
        }
        for (String extra : runDirs) {
            copyTree(new Path(runDir(runId), extra), new Path(staging, extra));
        }
        try (OutputStream out = fs.create(new Path(staging, PUBLISHED_FILE), true)) {
            out.write(("run_id=" + runId + "\nas_of=" + asOf + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // The switch: two renames (see class comment).
        deleteIfExists(previous);
        boolean hadCurrent = fs.exists(current);
        if (hadCurrent && !fs.rename(current, previous)) {
            throw new IOException("cannot move " + current + " aside to " + previous);
        }
        if (!fs.rename(staging, current)) {
            if (hadCurrent) {
                fs.rename(previous, current); // best effort: put the old marts back
            }
            throw new IOException("cannot rename " + staging + " to " + current);
        }
        deleteIfExists(previous);
        cleanLeftovers();
    }

    /**
     * A run's directory into the staging directory. On a local disk as hard links: the run's files
     * are never written again, so {@code current/} sharing them is the same as holding a copy, and a
     * night publishes its marts and report (a hundred megabytes at state scale, most of it the same
     * as the night before) without copying a byte. Elsewhere (HDFS, S3A) a copy.
     */
    private void copyTree(Path from, Path to) throws IOException {
        if (fs instanceof PosixLocalFileSystem local) {
            local.linkTree(from, to);
        } else if (!FileUtil.copy(fs, from, fs, to, false, true, fs.getConf())) {
            throw new IOException("cannot copy " + from + " to " + to);
        }
    }

    /** The run id named in {@code current/_PUBLISHED}, or empty when nothing is published. */
    public Optional<String> publishedRunId() throws IOException {
        Path file = new Path(currentDir(), PUBLISHED_FILE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("run_id=")) {
                    return Optional.of(line.substring("run_id=".length()).trim());
                }
            }
            return Optional.empty();
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Removes staging/previous directories left by publishes that crashed part-way. */
    private void cleanLeftovers() throws IOException {
        for (FileStatus st : fs.listStatus(root)) {
            String name = st.getPath().getName();
            if (st.isDirectory() && (name.startsWith(STAGING_PREFIX) || name.startsWith(PREVIOUS_PREFIX))) {
                fs.delete(st.getPath(), true);
            }
        }
    }

    private void deleteIfExists(Path p) throws IOException {
        if (fs.exists(p) && !fs.delete(p, true)) {
            throw new IOException("cannot delete " + p);
        }
    }

    private Path runDir(String runId) {
        return warehouse.runDir(runId);
    }

    private Path martsDir(String runId) {
        return warehouse.martsDir(runId);
    }

    private Path currentDir() {
        return warehouse.currentDir();
    }
}
