package org.sea.pli.parquet;

import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one mart row ({@code Object[]} in {@link MartSchema#columns()} order) to Parquet. Rows are
 * checked by {@link MartWriter#write} first; decimals arrive already scaled, as unscaled longs in
 * {@link #unscaled}. The footer's key-value metadata is fixed ({@code writer.model.name=pl-impact}
 * only), so nothing in a file depends on time, host or locale.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    static final String MODEL_NAME = "pl-impact";

    private final MessageType schema;
    private final String[] names;
    private final MartType[] types;
    /** Unscaled decimal(18,2) values of the current row, by column index; filled by MartWriter. */
    final long[] unscaled;

    private RecordConsumer rc;

    RowWriteSupport(MartSchema mart, long[] unscaled) {
        this.schema = mart.parquetType();
        int n = mart.columns().size();
        this.names = new String[n];
        this.types = new MartType[n];
        this.unscaled = unscaled;
        for (int i = 0; i < n; i++) {
            names[i] = mart.columns().get(i).name();
            types[i] = mart.columns().get(i).type();
        }
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in parquet-java's WriteSupport: every write support implements it
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public String getName() {
        return MODEL_NAME;
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.rc = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        RecordConsumer c = rc;
        c.startMessage();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue; // OPTIONAL column: absence is null
            }
            String name = names[i];
            c.startField(name, i);
            switch (types[i]) {
                case STRING -> c.addBinary(Binary.fromString((String) v));
                case INT32 -> c.addInteger((Integer) v);
                case INT64 -> c.addLong((Long) v);
                case DOUBLE -> c.addDouble((Double) v);
                case BOOLEAN -> c.addBoolean((Boolean) v);
                case DATE -> c.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
                case DECIMAL_18_2 -> c.addLong(unscaled[i]);
            }
            c.endField(name, i);
        }
        c.endMessage();
    }
}
