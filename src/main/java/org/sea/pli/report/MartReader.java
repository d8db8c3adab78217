package org.sea.pli.report;

import org.sea.pli.mart.MartCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a run's published marts back from {@code runs/<run_id>/marts/<mart>/} through the
 * warehouse's own FileSystem (local, HDFS, S3A alike), so the report shows exactly what the run
 * wrote. Only the aggregate, suppressed marts and the load report can be read:
 * {@code educator_activity} (restricted, SPEC §5.1) is refused, so the report cannot be built from it.
 */
public final class MartReader {

    /** The marts a report may be built from (SPEC §5.2–§5.7): suppressed aggregates and the load report. */
    public static final List<String> ALLOWED = MartCatalog.REPORTABLE;

    private static final String PARTITION = "school_year=";

    private final FileSystem fs;
    private final Path martsDir;

    public MartReader(FileSystem fs, Path martsDir) {
        this.fs = fs;
        this.martsDir = martsDir;
    }

    /** Every row of {@code mart}; an empty or absent mart directory gives no rows. */
    public MartTable read(String mart) throws IOException {
        if (!ALLOWED.contains(mart)) {
            throw new IllegalArgumentException("the report is not built from mart '" + mart
                    + "' (only the suppressed aggregate marts and load_report)");
        }
        Path dir = new Path(martsDir, mart);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!fs.exists(dir)) {
            return new MartTable(mart, rows);
        }
        for (FileStatus st : sorted(fs.listStatus(dir))) {
            String name = st.getPath().getName();
            if (st.isDirectory() && name.startsWith(PARTITION)) {
                String year = name.substring(PARTITION.length());
                for (FileStatus f : sorted(fs.listStatus(st.getPath()))) {
                    if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
                        readFile(f, year, rows);
                    }
                }
            } else if (st.isFile() && name.endsWith(".parquet")) {
                readFile(st, null, rows);
            }
        }
        return new MartTable(mart, rows);
    }

    private static List<FileStatus> sorted(FileStatus[] statuses) {
        List<FileStatus> list = new ArrayList<>(Arrays.asList(statuses));
        list.sort(Comparator.comparing(s -> s.getPath().getName()));
        return list;
    }

    private void readFile(FileStatus file, String schoolYear, List<Map<String, Object>> rows) throws IOException {
        try (ParquetReader<Group> reader = new GroupReaderBuilder(new WarehouseInputFile(fs, file)).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (schoolYear != null) {
                    row.put("school_year", schoolYear);
                }
                List<Type> fields = g.getType().getFields();
                for (int i = 0; i < fields.size(); i++) {
                    row.put(fields.get(i).getName(),
                            g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, fields.get(i).asPrimitiveType()));
                }
                rows.add(row);
            }
        }
    }

    private static Object value(Group g, int i, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return g.getBoolean(i, 0);
            case DOUBLE:
                return g.getDouble(i, 0);
            case FLOAT:
                return (double) g.getFloat(i, 0);
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return LocalDate.ofEpochDay(g.getInteger(i, 0));
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(g.getInteger(i, 0), d.getScale());
                }
                return g.getInteger(i, 0);
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(g.getLong(i, 0), d.getScale());
                }
                return g.getLong(i, 0);
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return new BigDecimal(new BigInteger(g.getBinary(i, 0).getBytes()), d.getScale());
                }
                return g.getString(i, 0);
            default:
                throw new IllegalStateException("unsupported Parquet type " + type);
        }
    }

    /** {@link ParquetReader} of example {@link Group}s over any {@link InputFile}. */
    private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
        GroupReaderBuilder(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    /** A Parquet input file opened through the warehouse's FileSystem instance, not Hadoop's cache. */
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
