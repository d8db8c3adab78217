package org.sea.pli.storage;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse's layout (spec §5, §6): {@code runs/<run_id>/marts/<mart>/…} written by each run,
 * and {@code current/} holding the last published run ({@link Publisher}); run ids are
 * {@link RunIds}, the location {@link WarehouseLocation}, the file systems {@link HadoopFileSystems}.
 *
 * <p>Opened from a local path ({@code ./warehouse}, {@code /tmp/w}; made absolute, {@code file:}) or
 * any Hadoop FileSystem URI ({@code file:}, {@code hdfs://}, {@code s3a://} — the latter needs
 * {@code hadoop-aws} on the classpath). The warehouse owns a private FileSystem instance (not
 * Hadoop's shared cache), closed by {@link #close()}. On the local file system no {@code .crc} side
 * files are written, so {@code current/<mart>/} holds only Parquet files.
 */
public final class Warehouse implements AutoCloseable {
    static final String RUNS = "runs";
    static final String MARTS = "marts";
    static final String CURRENT = "current";

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final FileSystem fs;
    private final Path root;

    private Warehouse(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Opens a warehouse with {@link HadoopFileSystems#defaultConfiguration()}. */
    public static Warehouse open(String location) throws IOException {
        return open(location, HadoopFileSystems.defaultConfiguration());
    }

    /**
     * Opens a warehouse at a local path or Hadoop FileSystem URI. The directory need not exist yet.
     *
     * @param conf Hadoop configuration (e.g. with {@code fs.s3a.*} or HDFS settings); not modified
     */
    public static Warehouse open(String location, Configuration conf) throws IOException {
        URI uri = WarehouseLocation.toUri(location);
        FileSystem fs = HadoopFileSystems.open(uri, location, conf);
        return new Warehouse(fs, fs.makeQualified(new Path(uri)));
    }

    public FileSystem fs() {
        return fs;
    }

    /**
     * {@code parent/relative}, each '/'-separated segment taken as a literal name: Hadoop's
     * {@link Path} parses strings as URIs, so a name from the inbox such as {@code L00:1},
     * {@code a%20b} or {@code x#y} must never be concatenated into one (the colon would be taken for
     * a scheme, {@code %20} decoded, {@code #} cut off as a fragment).
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
                java.nio.file.Files.createDirectories(java.nio.file.Paths.get(root.toUri()));
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

    static String checkName(String what, String name) {
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
