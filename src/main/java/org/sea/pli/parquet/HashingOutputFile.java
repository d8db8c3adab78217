package org.sea.pli.parquet;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} on a given Hadoop {@link FileSystem} instance that hashes the bytes as
 * they are written, so the manifest's SHA-256 needs no second read (costly on S3A).
 *
 * <p>Like parquet-java's {@code HadoopOutputFile} it goes through {@code FileSystem.create}, so local,
 * HDFS and S3A behave the same; unlike it, it uses the caller's FileSystem instance rather than one
 * looked up from the path and configuration. It reports no block size, so parquet-java never pads
 * row groups to HDFS block boundaries: the bytes do not depend on the file system's block size.
 */
final class HashingOutputFile implements OutputFile {
    private final FileSystem fs;
    private final Path path;
    private Stream stream;

    HashingOutputFile(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(false);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(true);
    }

    private PositionOutputStream open(boolean overwrite) throws IOException {
        if (stream != null) {
            throw new IllegalStateException(path + " already opened");
        }
        stream = new Stream(fs.create(path, overwrite));
        return stream;
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    /** SHA-256 (lowercase hex) of everything written; call after the stream is closed. */
    String sha256() {
        return HexFormat.of().formatHex(stream.digest.digest());
    }

    /** Bytes written. */
    long length() {
        return stream.pos;
    }

    private static final class Stream extends PositionOutputStream {
        private final FSDataOutputStream out;
        private final MessageDigest digest;
        private long pos;

        Stream(FSDataOutputStream out) {
            this.out = out;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JDK without SHA-256", e);
            }
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            pos += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
