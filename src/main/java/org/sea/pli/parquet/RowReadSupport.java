package org.sea.pli.parquet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a mart file's records straight into rows of its {@link MartSchema}: one {@code Object[]}
 * per record, each value the Java type of {@link MartType#javaType()} at its schema column, null
 * where the record has none (and for a schema column the file lacks). The reading side of
 * {@link RowWriteSupport}: parquet's example {@code Group} built a list per field of every record
 * and boxed each value twice, most of the time a report spent reading its marts.
 *
 * <p>A file column the schema lacks, or one of another Parquet type, is an error naming the file.
 */
final class RowReadSupport extends ReadSupport<Object[]> {

    private final MartSchema schema;
    private final Path file;

    RowReadSupport(MartSchema schema, Path file) {
        this.schema = schema;
        this.file = file;
    }

    @Override
    public ReadContext init(InitContext context) {
        return new ReadContext(context.getFileSchema());
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(
            Configuration conf, Map<String, String> keyValueMetaData, MessageType fileSchema, ReadContext context) {
        return new Rows(fileSchema);
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(
            ParquetConfiguration conf,
            Map<String, String> keyValueMetaData,
            MessageType fileSchema,
            ReadContext context) {
        return new Rows(fileSchema);
    }

    /** For each field of the file, its column in the schema; checks the Parquet types agree. */
    private int[] positions(List<Type> fields) {
        List<Type> expected = schema.parquetType().getFields();
        int[] positions = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).getName();
            int at = -1;
            for (int j = 0; j < expected.size(); j++) {
                if (expected.get(j).getName().equals(name)) {
                    at = j;
                }
            }
            if (at < 0) {
                throw new IllegalStateException(
                        file + ": column " + name + " is not in schemas/marts/" + schema.name() + ".json");
            }
            PrimitiveType want = expected.get(at).asPrimitiveType();
            PrimitiveType got = fields.get(i).asPrimitiveType();
            if (want.getPrimitiveTypeName() != got.getPrimitiveTypeName()
                    || !Objects.equals(want.getLogicalTypeAnnotation(), got.getLogicalTypeAnnotation())) {
                String written = got.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT)
                        + (got.getLogicalTypeAnnotation() == null ? "" : " " + got.getLogicalTypeAnnotation());
                throw new IllegalStateException(file + ": column " + name + " is " + written + ", schemas/marts/"
                        + schema.name() + ".json says "
                        + schema.columns().get(at).type().jsonName());
            }
            positions[i] = at;
        }
        return positions;
    }

    /** The records of one file, each a new row; a field's converter sets its column of the current row. */
    private final class Rows extends RecordMaterializer<Object[]> {
        private final int width = schema.columns().size();
        private final Converter[] fields;
        private Object[] row;

        Rows(MessageType fileSchema) {
            int[] positions = positions(fileSchema.getFields());
            fields = new Converter[positions.length];
            for (int i = 0; i < positions.length; i++) {
                fields[i] =
                        field(positions[i], schema.columns().get(positions[i]).type());
            }
        }

        private final GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return fields[fieldIndex];
            }

            @Override
            public void start() {
                row = new Object[width];
            }

            @Override
            public void end() {
                // the row is complete: getCurrentRecord hands it on
            }
        };

        @Override
        public Object[] getCurrentRecord() {
            return row;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        /** The value of column {@code at} as {@link MartType#javaType()}, as {@link MartWriter} accepts it. */
        private PrimitiveConverter field(int at, MartType type) {
            return switch (type) {
                case STRING ->
                    new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary value) {
                            row[at] = value.toStringUsingUTF8();
                        }
                    };
                case INT32 ->
                    new PrimitiveConverter() {
                        @Override
                        public void addInt(int value) {
                            row[at] = value;
                        }
                    };
                case DATE ->
                    new PrimitiveConverter() {
                        @Override
                        public void addInt(int value) {
                            row[at] = LocalDate.ofEpochDay(value);
                        }
                    };
                case INT64 ->
                    new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            row[at] = value;
                        }
                    };
                case DECIMAL_18_2 ->
                    new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            row[at] = BigDecimal.valueOf(value, 2);
                        }
                    };
                case DOUBLE ->
                    new PrimitiveConverter() {
                        @Override
                        public void addDouble(double value) {
                            row[at] = value;
                        }
                    };
                case BOOLEAN ->
                    new PrimitiveConverter() {
                        @Override
                        public void addBoolean(boolean value) {
                            row[at] = value;
                        }
                    };
            };
        }
    }
}
