package org.sea.pli.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.codec.ZstandardCodec;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one mart (spec §5) under {@code martsDir/<mart>/} on a Hadoop {@link FileSystem}.
 *
 * <p>Layout: partitioned marts get one file per school year,
 * {@code <mart>/school_year=2025-26/part-00000.parquet} (Hive style; school_year is not inside the
 * files); {@code load_report} gets {@code load_report/part-00000.parquet}. Rows must arrive sorted by
 * the mart key, so partitions arrive in order and exactly one Parquet writer is open at a time: memory
 * is bounded by one row group ({@value #ROW_GROUP_BYTES} bytes).
 *
 * <p>Each file is written under a hidden temporary name ({@code .part-00000.parquet.inprogress},
 * which Hive, Spark, Trino and a {@code *.parquet} glob all skip) and renamed to its final name once
 * complete, so no half-written part file is visible under its final name. An existing
 * {@code <mart>/} directory (a failed earlier attempt) is deleted when the writer is created.
 *
 * <p>Determinism (spec §6): fixed codec (ZSTD level {@value #ZSTD_LEVEL}), row-group size, page
 * sizes, writer version, no block padding, footer encoding lists put in a fixed order (parquet-java's
 * order varies between JVMs, see {@link MartOutputFile}), and fixed footer metadata — {@code created_by} is
 * parquet-java's own fixed string ({@code parquet-mr version 1.17.1 (build …)}, it cannot be set
 * through the API) and the only key-value entry is {@code writer.model.name=pl-impact}. Same rows
 * give byte-identical files whatever the time, time zone, locale, thread or file system; the bytes
 * change only when parquet-java (or these settings) change.
 *
 * <p>Each row is checked against the schema first ({@link MartRowCheck}).
 *
 * <p>Not thread-safe: one thread writes one mart; different marts may be written in parallel.
 */
public final class MartWriter implements AutoCloseable {
    static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;
    static final int PAGE_BYTES = 1024 * 1024;
    static final int DICTIONARY_PAGE_BYTES = 1024 * 1024;
    static final int ZSTD_LEVEL = 3;
    static final String PART_FILE = "part-00000.parquet";
    static final String TMP_FILE = ".part-00000.parquet.inprogress";

    private final FileSystem fs;
    private final Path martsDir;
    private final Path martDir;
    private final MartSchema schema;
    private final MartRowCheck check;
    private final Configuration conf;
    private final List<WrittenFile> written = new ArrayList<>();
    private final int tailKeep;
    /** Unscaled decimal(18,2) values of the row being written, by column; read by the write support. */
    private final long[] pendingUnscaled;

    private ParquetWriter<Object[]> writer;
    private MartOutputFile outputFile;
    private Path tmpPath;
    private Path finalPath;
    private String partition;
    private long rows;
    private boolean started;
    private boolean finished;

    /** Writes one mart under {@code martsDir/<mart>/} on the given Hadoop FileSystem. */
    public MartWriter(FileSystem fs, Path martsDir, MartSchema schema) throws IOException {
        this(fs, martsDir, schema, MartOutputFile.KEEP);
    }

    /** With a given footer tail buffer (see {@link MartOutputFile}); for tests. */
    MartWriter(FileSystem fs, Path martsDir, MartSchema schema, int tailKeep) throws IOException {
        this.tailKeep = tailKeep;
        this.fs = Objects.requireNonNull(fs, "fs");
        this.martsDir = fs.makeQualified(Objects.requireNonNull(martsDir, "martsDir"));
        this.schema = Objects.requireNonNull(schema, "schema");
        this.martDir = new Path(this.martsDir, schema.name());
        this.pendingUnscaled = new long[schema.columns().size()];
        this.check = new MartRowCheck(schema, pendingUnscaled);
        this.conf = new Configuration(fs.getConf());
        conf.setInt(ZstandardCodec.PARQUET_COMPRESS_ZSTD_LEVEL, ZSTD_LEVEL);
        conf.setInt(ZstandardCodec.PARQUET_COMPRESS_ZSTD_WORKERS, 0);
        if (fs.exists(martDir) && !fs.delete(martDir, true)) {
            throw new IOException("cannot clear " + martDir + " left by an earlier attempt");
        }
        if (!fs.mkdirs(martDir)) {
            throw new IOException("cannot create " + martDir);
        }
    }

    /** The schema this writer writes. */
    public MartSchema schema() {
        return schema;
    }

    /**
     * Writes one row. {@code partition} is the school_year value for partitioned marts, {@code null}
     * for load_report. {@code values} follow {@link MartSchema#columns()}: String, Integer, Long,
     * Double, Boolean, LocalDate, BigDecimal (at most 2 significant decimals, |value| &lt; 10^16) or
     * null.
     *
     * @throws IllegalArgumentException on a wrong arity or type, a bad or out-of-order partition
     */
    public void write(String partition, Object[] values) throws IOException {
        if (finished) {
            throw new IllegalStateException("mart " + schema.name() + ": write() after finish()");
        }
        check.row(values);
        check.partition(partition, this.partition);
        if (writer == null || !Objects.equals(partition, this.partition)) {
            closeFile();
            openFile(partition);
        }
        writer.write(values);
        rows++;
    }

    /**
     * Closes the last file and returns every file written, sorted by path. A partitioned mart with no
     * rows writes no files; an unpartitioned one writes an empty (valid) part-00000.parquet.
     */
    public List<WrittenFile> finish() throws IOException {
        if (finished) {
            return List.copyOf(written);
        }
        if (!schema.partitioned() && writer == null && !started) {
            openFile(null);
        }
        closeFile();
        finished = true;
        written.sort(Comparator.comparing(WrittenFile::path));
        return List.copyOf(written);
    }

    /** Abandons an unfinished file (its temporary file is deleted); a no-op after {@link #finish()}. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        ParquetWriter<Object[]> w = writer;
        writer = null;
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException e) {
                // the file is being abandoned anyway
            } finally {
                fs.delete(tmpPath, false);
            }
        }
    }

    private void openFile(String p) throws IOException {
        Path dir = p == null ? martDir : new Path(martDir, MartSchema.PARTITION_PREFIX + p);
        tmpPath = new Path(dir, TMP_FILE);
        finalPath = new Path(dir, PART_FILE);
        outputFile = new MartOutputFile(fs, tmpPath, tailKeep);
        writer = new Builder(outputFile, new RowWriteSupport(schema, pendingUnscaled))
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
                .withDictionaryEncoding(true)
                .withWriterVersion(WriterVersion.PARQUET_1_0)
                .withStatisticsEnabled(true)
                .withSizeStatisticsEnabled(true)
                .withPageWriteChecksumEnabled(true)
                .withMaxPaddingSize(0)
                .withValidation(false)
                .build();
        partition = p;
        rows = 0;
        started = true;
    }

    private void closeFile() throws IOException {
        if (writer == null) {
            return;
        }
        ParquetWriter<Object[]> w = writer;
        writer = null;
        w.close();
        if (fs.exists(finalPath) && !fs.delete(finalPath, false)) {
            throw new IOException("cannot replace " + finalPath);
        }
        if (!fs.rename(tmpPath, finalPath)) {
            throw new IOException("cannot rename " + tmpPath + " to " + finalPath);
        }
        String relative = schema.name() + "/" + (partition == null ? "" : MartSchema.PARTITION_PREFIX + partition + "/")
                + PART_FILE;
        written.add(new WrittenFile(relative, outputFile.sha256(), rows));
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation") // parquet-java's builder still calls this one; it is abstract there
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
