package org.sea.pli.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.sea.pli.storage.Sha256;

/**
 * The Parquet {@link OutputFile} of a mart part file, on the caller's Hadoop {@link FileSystem}
 * instance ({@code FileSystem.create}, as parquet-java's {@code HadoopOutputFile} does, so local,
 * HDFS and S3A behave alike). Three jobs:
 * <ol>
 * <li><b>Deterministic footer.</b> parquet-java 1.17.1 collects each column chunk's encodings in a
 * {@code HashSet<Encoding>}; enum hash codes are identity hashes, so the order of the footer's
 * {@code encodings} lists changes from one JVM to the next and the same rows give different bytes in
 * different processes (seen here: 42 bytes of the footer differ). The stream therefore holds back the
 * last {@value #KEEP} bytes written; on close it re-reads the footer, sorts every column chunk's
 * {@code encodings} (and {@code encoding_stats}) by their Thrift value and writes it back. Nothing
 * else changes; readers find the footer from the trailing length, so its size may change.</li>
 * <li><b>SHA-256 on the fly</b> of the bytes as finally written, so the manifest needs no re-read
 * (costly on S3A).</li>
 * <li><b>No block padding.</b> It reports no block size, so parquet-java never pads row groups to
 * HDFS blocks: the bytes do not depend on the file system.</li>
 * </ol>
 */
final class MartOutputFile implements OutputFile {
    /** Tail bytes held in memory until close; the footer must fit (ours are a few KB). */
    static final int KEEP = 1024 * 1024;

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final FileSystem fs;
    private final Path path;
    private final int keep;
    private Stream stream;

    MartOutputFile(FileSystem fs, Path path) {
        this(fs, path, KEEP);
    }

    /** With a smaller tail buffer, for tests of the buffering itself. */
    MartOutputFile(FileSystem fs, Path path, int keep) {
        this.fs = fs;
        this.path = path;
        this.keep = keep;
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
        stream = new Stream(fs.create(path, overwrite), path, keep);
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

    /** SHA-256 (lowercase hex) of the file's bytes; valid after the stream is closed. */
    String sha256() {
        if (stream == null || stream.sha256 == null) {
            throw new IllegalStateException(path + " not closed yet");
        }
        return stream.sha256;
    }

    /** Puts a footer's column-chunk encoding lists in a fixed order (by Thrift value). */
    static void normalize(FileMetaData footer) {
        if (footer.getRow_groups() == null) {
            return;
        }
        for (RowGroup rg : footer.getRow_groups()) {
            for (ColumnChunk cc : rg.getColumns()) {
                ColumnMetaData md = cc.getMeta_data();
                if (md == null) {
                    continue;
                }
                if (md.getEncodings() != null) {
                    md.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
                }
                List<PageEncodingStats> stats = md.getEncoding_stats();
                if (stats != null) {
                    stats.sort(Comparator.<PageEncodingStats>comparingInt(
                                    s -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
    }

    private static final class Stream extends PositionOutputStream {
        private final OutputStream out;
        private final Path path;
        private final MessageDigest digest;
        /** Bytes not yet passed on: always at least the most recent min(written, keep) bytes. */
        private final byte[] tail;

        private final int keep;
        private int count;
        private long pos;
        private boolean closed;
        String sha256;

        Stream(OutputStream out, Path path, int keep) {
            this.out = out;
            this.keep = keep;
            this.tail = new byte[2 * keep];
            this.path = path;
            this.digest = Sha256.newDigest();
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (count + len <= tail.length) {
                System.arraycopy(b, off, tail, count, len);
                count += len;
            } else {
                // Pass on the oldest bytes so that exactly `keep` recent ones stay held back.
                long excess = (long) count + len - keep;
                int fromTail = (int) Math.min(count, excess);
                emit(tail, 0, fromTail);
                System.arraycopy(tail, fromTail, tail, 0, count - fromTail);
                count -= fromTail;
                int fromB = (int) (excess - fromTail);
                emit(b, off, fromB);
                System.arraycopy(b, off + fromB, tail, count, len - fromB);
                count += len - fromB;
            }
            pos += len;
        }

        private void emit(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                out.write(b, off, len);
                digest.update(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush(); // held-back bytes stay until close
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (out) {
                int footerStart = footerStart();
                emit(tail, 0, footerStart);
                FileMetaData footer =
                        Util.readFileMetaData(new ByteArrayInputStream(tail, footerStart, count - 8 - footerStart));
                normalize(footer);
                ByteArrayOutputStream rewritten = new ByteArrayOutputStream(count - footerStart);
                Util.writeFileMetaData(footer, rewritten);
                int len = rewritten.size();
                rewritten.write(new byte[] {(byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24)});
                rewritten.write(MAGIC);
                byte[] end = rewritten.toByteArray();
                emit(end, 0, end.length);
            }
            sha256 = Sha256.hex(digest);
        }

        /** Offset in {@link #tail} where the footer (FileMetaData) starts. */
        private int footerStart() throws IOException {
            if (count < 8 + MAGIC.length) {
                throw new IOException(path + ": not a complete Parquet file (" + pos + " bytes)");
            }
            for (int i = 0; i < 4; i++) {
                if (tail[count - 4 + i] != MAGIC[i]) {
                    throw new IOException(path + ": Parquet file does not end with PAR1");
                }
            }
            int len = (tail[count - 8] & 0xff)
                    | (tail[count - 7] & 0xff) << 8
                    | (tail[count - 6] & 0xff) << 16
                    | (tail[count - 5] & 0xff) << 24;
            if (len <= 0 || len > count - 8) {
                throw new IOException(
                        path + ": Parquet footer of " + len + " bytes does not fit the " + keep + "-byte tail buffer");
            }
            return count - 8 - len;
        }
    }
}
