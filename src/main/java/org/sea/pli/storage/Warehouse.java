package org.sea.pli.storage;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse (SPEC §5, §6): {@code runs/<run_id>/marts/<mart>/…} written by each run, and
 * {@code current/<mart>/…} holding the marts of the last published run, plus
 * {@code current/_PUBLISHED} naming that run.
 *
 * <p>Opened from a local path ({@code ./warehouse}, {@code /tmp/w}; made absolute, {@code file:}) or
 * any Hadoop FileSystem URI ({@code file:}, {@code hdfs://}, {@code s3a://} — the latter needs
 * {@code hadoop-aws} on the classpath). The warehouse owns a private FileSystem instance (not
 * Hadoop's shared cache), closed by {@link #close()}. On the local file system no {@code .crc} side
 * files are written, so {@code current/<mart>/} holds only Parquet files.
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
 * Whether a run may publish at all (SPEC §6: never over a newer as-of) is the caller's decision;
 * {@link #publishedRunId()} and {@link #asOfOf(String)} give what it needs.
 */
public final class Warehouse implements AutoCloseable {
    /** The file in {@code current/} naming the published run. */
    public static final String PUBLISHED_FILE = "_PUBLISHED";
    static final String RUNS = "runs";
    static final String MARTS = "marts";
    static final String CURRENT = "current";
    static final String STAGING_PREFIX = "current.staging-";
    static final String PREVIOUS_PREFIX = "current.previous-";

    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern RUN_ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_(\\d{1,9})");

    private final FileSystem fs;
    private final Path root;

    private Warehouse(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Opens a warehouse with {@link #defaultConfiguration()}. */
    public static Warehouse open(String location) throws IOException {
        return open(location, defaultConfiguration());
    }

    /**
     * Opens a warehouse at a local path or Hadoop FileSystem URI. The directory need not exist yet.
     *
     * @param conf Hadoop configuration (e.g. with {@code fs.s3a.*} or HDFS settings); not modified
     */
    public static Warehouse open(String location, Configuration conf) throws IOException {
        URI uri = toUri(location);
        Configuration c = new Configuration(Objects.requireNonNull(conf, "conf"));
        // Our instance is private; other code asking Hadoop for file: gets a fresh one too, so no one
        // closes or reconfigures (checksums) an instance another component uses.
        c.setBoolean("fs.file.impl.disable.cache", true);
        c.setClass("fs.file.impl", PosixLocalFileSystem.class, FileSystem.class);
        FileSystem fs;
        try {
            fs = FileSystem.newInstance(uri, c);
        } catch (IOException e) {
            String hint = "s3a".equalsIgnoreCase(uri.getScheme())
                    ? " (s3a:// needs org.apache.hadoop:hadoop-aws and its AWS SDK on the classpath)" : "";
            throw new IOException("cannot open warehouse " + location + ": " + e.getMessage() + hint, e);
        }
        if (fs instanceof ChecksumFileSystem checksummed) {
            // Local disk: no .crc side files next to the marts (BI globs and manifests see only data).
            checksummed.setWriteChecksum(false);
        }
        return new Warehouse(fs, fs.makeQualified(new Path(uri)));
    }

    /**
     * A Hadoop configuration that works for the local file system without any XML files on the
     * classpath (Hadoop's built-in defaults; a {@code core-site.xml} on the classpath, if any, still
     * applies).
     */
    public static Configuration defaultConfiguration() {
        Configuration conf = new Configuration();
        conf.setBoolean("fs.file.impl.disable.cache", true);
        failFast(conf);
        return conf;
    }

    /**
     * Short connect retries (Hadoop's defaults retry a refused HDFS connection 10 times, a second
     * apart, and a timed-out one 45 times): an unreachable warehouse fails the nightly run within
     * seconds with one clear line. A value set in a {@code core-site.xml} on the classpath wins.
     */
    static void failFast(Configuration conf) {
        setUnlessConfigured(conf, "ipc.client.connect.max.retries", "2");
        setUnlessConfigured(conf, "ipc.client.connect.retry.interval", "500");
        setUnlessConfigured(conf, "ipc.client.connect.max.retries.on.timeouts", "2");
        setUnlessConfigured(conf, "ipc.client.connect.timeout", "5000");
        setUnlessConfigured(conf, "fs.s3a.attempts.maximum", "3");
        setUnlessConfigured(conf, "fs.s3a.retry.limit", "3");
    }

    private static void setUnlessConfigured(Configuration conf, String key, String value) {
        String[] sources = conf.getPropertySources(key);
        boolean onlyDefaults = sources == null
                || java.util.Arrays.stream(sources).allMatch(src -> src.endsWith("-default.xml"));
        if (onlyDefaults) {
            conf.set(key, value, "pl-impact fail-fast default");
        }
    }

    static URI toUri(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("warehouse location is empty");
        }
        String s = location.trim();
        if (URI_SCHEME.matcher(s).matches()) {
            try {
                URI uri = new URI(s);
                if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() == null) {
                    throw new IllegalArgumentException("warehouse URI " + s + " has no path");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("bad warehouse URI " + s + ": " + e.getMessage(), e);
            }
        }
        // Path.toUri() ends an existing directory with '/', a missing one without: the root must
        // not depend on whether the warehouse exists yet (it identifies the run's job instance).
        String uri = Paths.get(s).toAbsolutePath().normalize().toUri().toString();
        return URI.create(uri.length() > "file:///".length() && uri.endsWith("/")
                ? uri.substring(0, uri.length() - 1) : uri);
    }

    public FileSystem fs() {
        return fs;
    }

    /**
     * {@code parent/relative}, each '/'-separated segment taken as a literal name: Hadoop's
     * {@link Path} parses strings as URIs, so a name from the inbox such as {@code L00:1},
     * {@code a%20b} or {@code x#y} must never be concatenated into one (ENGINEERING.md).
     */
    public static Path child(Path parent, String relative) {
        Path p = parent;
        for (String segment : relative.split("/")) {
            if (!segment.isEmpty()) {
                p = new Path(p, new Path(null, null, segment));
            }
        }
        return p;
    }

    /** The warehouse root, fully qualified. */
    public Path root() {
        return root;
    }

    /**
     * Creates the warehouse root if need be; when that fails, the exception names the cause
     * ("permission denied", "read-only file system", …), not just the path.
     */
    public void createRoot() throws IOException {
        if (fs.mkdirs(root)) {
            return;
        }
        String why = "the file system refused";
        if ("file".equals(root.toUri().getScheme())) { // Hadoop's local mkdirs says only false: ask the OS
            try {
                java.nio.file.Files.createDirectories(Paths.get(root.toUri()));
                return;
            } catch (java.nio.file.NoSuchFileException e) {
                why = "no such file or directory (" + e.getFile() + " cannot be created)";
            } catch (java.nio.file.AccessDeniedException e) {
                why = "permission denied";
            } catch (java.nio.file.FileSystemException e) {
                why = e.getReason() != null ? e.getReason().toLowerCase(java.util.Locale.ROOT) : e.toString();
            }
        }
        throw new IOException("cannot create warehouse directory " + root + ": " + why);
    }

    /** {@code runs/<run_id>}. */
    public Path runDir(String runId) {
        return new Path(new Path(root, RUNS), checkName("run id", runId));
    }

    /** {@code runs/<run_id>/marts}. */
    public Path martsDir(String runId) {
        return new Path(runDir(runId), MARTS);
    }

    /** {@code current}. */
    public Path currentDir() {
        return new Path(root, CURRENT);
    }

    /**
     * Run ids present under {@code runs/}, sorted by as-of date then run number ({@code 2026-06-30_2}
     * before {@code 2026-06-30_10}); ids not of the SPEC §6 form sort after them, by name.
     */
    public List<String> runIds() throws IOException {
        Path runs = new Path(root, RUNS);
        List<String> ids = new ArrayList<>();
        FileStatus[] statuses;
        try {
            statuses = fs.listStatus(runs);
        } catch (FileNotFoundException e) {
            return ids;
        }
        for (FileStatus st : statuses) {
            if (st.isDirectory()) {
                ids.add(st.getPath().getName());
            }
        }
        ids.sort(RUN_ORDER);
        return ids;
    }

    /** Orders run ids by as-of date, then run number; other names last, by name. */
    public static final Comparator<String> RUN_ORDER = (a, b) -> {
        Matcher ma = RUN_ID.matcher(a);
        Matcher mb = RUN_ID.matcher(b);
        boolean ra = ma.matches();
        boolean rb = mb.matches();
        if (ra && rb) {
            int c = ma.group(1).compareTo(mb.group(1));
            return c != 0 ? c : Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
        }
        if (ra != rb) {
            return ra ? -1 : 1;
        }
        return a.compareTo(b);
    };

    /** The as-of date ({@code YYYY-MM-DD}) of a run id {@code <as-of>_<n>} (SPEC §6). */
    public static String asOfOf(String runId) {
        Matcher m = RUN_ID.matcher(runId == null ? "" : runId);
        if (!m.matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not <as-of>_<n> (SPEC §6)");
        }
        return m.group(1);
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
                throw new IllegalArgumentException("run directory " + extra + " clashes with a mart or " + PUBLISHED_FILE);
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
            if (!FileUtil.copy(fs, new Path(source, mart), fs, new Path(staging, mart), false, true, fs.getConf())) {
                throw new IOException("cannot copy " + new Path(source, mart) + " to " + staging);
            }
        }
        for (String extra : runDirs) {
            Path from = new Path(runDir(runId), extra);
            if (!FileUtil.copy(fs, from, fs, new Path(staging, extra), false, true, fs.getConf())) {
                throw new IOException("cannot copy " + from + " to " + staging);
            }
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
     * Every file below {@code dir}, as paths relative to it with '/' separators, sorted. Walks with
     * {@code listStatus} rather than {@code listFiles}: on the local file system the latter loads
     * each file's permissions by forking {@code ls}.
     */
    public List<String> filesBelow(Path dir) throws IOException {
        List<String> files = new java.util.ArrayList<>();
        if (fs.exists(dir)) {
            walk(dir, "", files);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private void walk(Path dir, String prefix, List<String> files) throws IOException {
        for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(dir)) {
            String name = prefix + s.getPath().getName();
            if (s.isDirectory()) {
                walk(s.getPath(), name + "/", files);
            } else {
                files.add(name);
            }
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

    private static String checkName(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("bad " + what + " '" + name + "'");
        }
        return name;
    }

    /** Closes the warehouse's private FileSystem instance. */
    @Override
    public void close() throws IOException {
        fs.close();
    }

    @Override
    public String toString() {
        return "Warehouse[" + root + "]";
    }
}
