package org.sea.pli.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Reads a mart back from {@code martsDir/<mart>/}, the layout {@link MartWriter} writes, through a
 * Hadoop {@link FileSystem} instance (local, HDFS, S3A alike, and never Hadoop's FileSystem cache).
 * Values are typed by the mart's {@link MartSchema} ({@code schemas/marts/<mart>.json}): a file
 * column the schema lacks, or one of another Parquet type, is an error naming the file; a schema
 * column absent from a file reads as null.
 *
 * <p>Rows come in file order, partitions in name order ({@code school_year=2024-25} before
 * {@code 2025-26}), which is the mart key order the writer demands: same files, same rows. Reading
 * holds the whole mart in memory, which suits the small aggregate marts a report is built from.
 */
public final class MartReader {

    private static final String PARTITION = MartSchema.PARTITION_COLUMN + "=";
    private static final String PARQUET = ".parquet";

    private final FileSystem fs;
    private final Path martsDir;
    /**
     * One configuration for every file, copied from the warehouse's: a reader built without one
     * makes a fresh Hadoop {@code Configuration} and parses its XML defaults again for each file
     * (on a cold JVM, a third of a sample run's report).
     */
    private final ParquetConfiguration conf;

    public MartReader(FileSystem fs, Path martsDir) {
        this.fs = fs;
        this.martsDir = martsDir;
        this.conf = new HadoopParquetConfiguration(new Configuration(fs.getConf()));
    }

    /** Every row of the mart; an absent mart directory gives no rows. */
    public List<MartRecord> read(MartSchema schema) throws IOException {
        Path dir = new Path(martsDir, schema.name());
        List<MartRecord> rows = new ArrayList<>();
        if (!fs.exists(dir)) {
            return rows;
        }
        for (FileStatus st : sorted(fs.listStatus(dir))) {
            String name = st.getPath().getName();
            if (st.isDirectory() && name.startsWith(PARTITION)) {
                String year = name.substring(PARTITION.length());
                for (FileStatus f : sorted(fs.listStatus(st.getPath()))) {
                    if (f.isFile() && f.getPath().getName().endsWith(PARQUET)) {
                        readFile(schema, f, year, rows);
                    }
                }
            } else if (st.isFile() && name.endsWith(PARQUET)) {
                readFile(schema, st, null, rows);
            }
        }
        return rows;
    }

    /**
     * The rows of one partition: {@code partition} is a partition folder's name
     * ({@code school_year=2025-26}), or empty for the files directly below an unpartitioned mart's
     * folder. Rows as {@link #read} gives them for that part of the mart; an absent folder gives none.
     */
    public List<MartRecord> read(MartSchema schema, String partition) throws IOException {
        Path martDir = new Path(martsDir, schema.name());
        Path dir = partition.isEmpty() ? martDir : new Path(martDir, partition);
        List<MartRecord> rows = new ArrayList<>();
        if (!fs.exists(dir)) {
            return rows;
        }
        String year = partition.startsWith(PARTITION) ? partition.substring(PARTITION.length()) : null;
        for (FileStatus f : sorted(fs.listStatus(dir))) {
            if (f.isFile() && f.getPath().getName().endsWith(PARQUET)) {
                readFile(schema, f, year, rows);
            }
        }
        return rows;
    }

    private static List<FileStatus> sorted(FileStatus[] statuses) {
        List<FileStatus> list = new ArrayList<>(Arrays.asList(statuses));
        list.sort(Comparator.comparing(s -> s.getPath().getName()));
        return list;
    }

    private void readFile(MartSchema schema, FileStatus file, String schoolYear, List<MartRecord> rows)
            throws IOException {
        try (ParquetReader<Object[]> reader =
                new RowReaderBuilder(new WarehouseInputFile(fs, file), conf, schema, file.getPath()).build()) {
            for (Object[] values = reader.read(); values != null; values = reader.read()) {
                rows.add(new MartRecord(schema, schoolYear, values));
            }
        }
    }

    /** {@link ParquetReader} of mart rows ({@link RowReadSupport}) over any {@link InputFile}. */
    private static final class RowReaderBuilder extends ParquetReader.Builder<Object[]> {
        private final MartSchema schema;
        private final Path path;

        RowReaderBuilder(InputFile file, ParquetConfiguration conf, MartSchema schema, Path path) {
            super(file, conf);
            this.schema = schema;
            this.path = path;
        }

        @Override
        protected ReadSupport<Object[]> getReadSupport() {
            return new RowReadSupport(schema, path);
        }
    }

    /** A Parquet input file opened through the given FileSystem instance, not Hadoop's cache. */
    public static InputFile inputFile(FileSystem fs, FileStatus status) {
        return new WarehouseInputFile(fs, status);
    }

    private record WarehouseInputFile(FileSystem fs, FileStatus status) implements InputFile {
        @Override
        public long getLength() {
            return status.getLen();
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
            return HadoopStreams.wrap(fs.open(status.getPath()));
        }
    }
}
