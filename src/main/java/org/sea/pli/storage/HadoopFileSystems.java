package org.sea.pli.storage;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;

/**
 * The Hadoop side of a warehouse: the configuration it starts from and the private FileSystem
 * instance it owns ({@code file:} through {@link PosixLocalFileSystem}, without {@code .crc} side
 * files; {@code hdfs://}; {@code s3a://} with {@code hadoop-aws} on the classpath), failing fast
 * when the file system is unreachable.
 */
public final class HadoopFileSystems {

    private HadoopFileSystems() {}

    /**
     * A private FileSystem instance for {@code uri} (not Hadoop's shared cache): its owner closes it.
     *
     * @param location the location as given, for messages
     * @param conf     Hadoop configuration; not modified
     */
    static FileSystem open(URI uri, String location, Configuration conf) throws IOException {
        Configuration c = new Configuration(Objects.requireNonNull(conf, "conf"));
        // Our instance is private; other code asking Hadoop for file: gets a fresh one too, so no one
        // closes or reconfigures (checksums) an instance another component uses.
        c.setBoolean("fs.file.impl.disable.cache", true);
        if (uri.getScheme() == null || "file".equalsIgnoreCase(uri.getScheme())) {
            // only for a local warehouse: S3A and HDFS clients buffer through Hadoop's own LocalFileSystem
            c.setClass("fs.file.impl", PosixLocalFileSystem.class, FileSystem.class);
        }
        FileSystem fs;
        try {
            fs = FileSystem.newInstance(uri, c);
        } catch (IOException e) {
            String hint = "s3a".equalsIgnoreCase(uri.getScheme())
                    ? " (s3a:// needs org.apache.hadoop:hadoop-aws and its AWS SDK on the classpath)"
                    : "";
            throw new IOException("cannot open warehouse " + location + ": " + e.getMessage() + hint, e);
        }
        if (fs instanceof ChecksumFileSystem checksummed) {
            // Local disk: no .crc side files next to the marts (BI globs and manifests see only data).
            checksummed.setWriteChecksum(false);
        }
        return fs;
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
        boolean onlyDefaults =
                sources == null || java.util.Arrays.stream(sources).allMatch(src -> src.endsWith("-default.xml"));
        if (onlyDefaults) {
            conf.set(key, value, "pl-impact fail-fast default");
        }
    }
}
