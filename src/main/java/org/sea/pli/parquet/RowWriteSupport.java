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
    /** How each column's value goes to Parquet, chosen once per column from its type. */
    private final ValueWriter[] writers;
    /** Unscaled decimal(18,2) values of the current row, by column index; filled by MartWriter. */
    final long[] unscaled;

    /**
     * One column's value to the record consumer. A small method per type, called through this
     * interface, instead of a switch over the types in {@link #write}: the JIT compiles each on its
     * own, where the one large method, inlined into for the first mart's columns, was thrown away
     * and compiled again as marts with other column types came (five times in a state run).
     */
    @FunctionalInterface
    private interface ValueWriter {
        void write(RecordConsumer c, Object v, int column);
    }

    private RecordConsumer rc;

    RowWriteSupport(MartSchema mart, long[] unscaled) {
        this.schema = mart.parquetType();
        int n = mart.columns().size();
        this.names = new String[n];
        this.writers = new ValueWriter[n];
        this.unscaled = unscaled;
        for (int i = 0; i < n; i++) {
            names[i] = mart.columns().get(i).name();
            writers[i] = writer(mart.columns().get(i).type());
        }
    }

    private ValueWriter writer(MartType type) {
        return switch (type) {
            case STRING -> (c, v, i) -> c.addBinary(Binary.fromString((String) v));
            case INT32 -> (c, v, i) -> c.addInteger((Integer) v);
            case INT64 -> (c, v, i) -> c.addLong((Long) v);
            case DOUBLE -> (c, v, i) -> c.addDouble((Double) v);
            case BOOLEAN -> (c, v, i) -> c.addBoolean((Boolean) v);
            case DATE -> (c, v, i) -> c.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
            case DECIMAL_18_2 -> (c, v, i) -> c.addLong(unscaled[i]);
        };
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
            writers[i].write(c, v, i);
            c.endField(name, i);
        }
        c.endMessage();
    }
}
