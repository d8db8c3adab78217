package org.sea.pli.parquet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a mart as read back by {@link MartReader}: its values in {@link MartSchema#columns()}
 * order, each of the Java type of its {@link MartType}, and the Hive partition value
 * ({@code school_year}) for a partitioned mart. The getters name the column's type, so reading a
 * column as the wrong type fails at once with the mart and column named, rather than later as a
 * wrong number on a page.
 */
public final class MartRecord {

    private final MartSchema schema;
    private final String schoolYear;
    private final Object[] values;

    MartRecord(MartSchema schema, String schoolYear, Object[] values) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.schoolYear = schoolYear;
        this.values = values.clone();
    }

    public MartSchema schema() {
        return schema;
    }

    /** A string column, or the partition column {@code school_year} of a partitioned mart. */
    public String string(String column) {
        if (schema.partitioned() && column.equals(schema.partitionedBy())) {
            return schoolYear;
        }
        return (String) get(column, MartType.STRING);
    }

    public Integer int32(String column) {
        return (Integer) get(column, MartType.INT32);
    }

    public Long int64(String column) {
        return (Long) get(column, MartType.INT64);
    }

    public Double float64(String column) {
        return (Double) get(column, MartType.DOUBLE);
    }

    public Boolean bool(String column) {
        return (Boolean) get(column, MartType.BOOLEAN);
    }

    public LocalDate date(String column) {
        return (LocalDate) get(column, MartType.DATE);
    }

    public BigDecimal decimal(String column) {
        return (BigDecimal) get(column, MartType.DECIMAL_18_2);
    }

    /**
     * Any column as its Java type (or the partition value of {@code school_year}), for readers that
     * treat columns alike: comparing rows by key, checking that a column is null.
     */
    public Object value(String column) {
        if (schema.partitioned() && column.equals(schema.partitionedBy())) {
            return schoolYear;
        }
        return values[schema.index(column)];
    }

    private Object get(String column, MartType type) {
        int i = schema.index(column);
        MartType actual = schema.columns().get(i).type();
        if (actual != type) {
            throw new IllegalArgumentException("mart " + schema.name() + " column " + column + " is "
                    + actual.jsonName() + ", not " + type.jsonName());
        }
        return values[i];
    }

    @Override
    public String toString() {
        return schema.name() + (schoolYear == null ? "" : "[school_year=" + schoolYear + "]") + Arrays.toString(values);
    }
}
