package org.sea.pli.parquet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What {@link MartWriter} checks before a row is written, so that a programming error in a mart
 * fails with a message naming the mart and column instead of writing a wrong file: the arity, each
 * value's Java type, decimal(18,2) values held exactly, dates within Parquet's int32 days, and
 * partitions that are school years arriving in order.
 */
final class MartRowCheck {

    private static final Pattern SCHOOL_YEAR = Pattern.compile("\\d{4}-\\d{2}");
    private static final long DECIMAL_18_LIMIT = 1_000_000_000_000_000_000L; // 10^18

    private final MartSchema schema;
    private final MartColumn[] columns;
    private final Class<?>[] javaTypes;
    /** Unscaled decimal(18,2) values of the row being written, by column; read by the write support. */
    private final long[] pendingUnscaled;

    MartRowCheck(MartSchema schema, long[] pendingUnscaled) {
        this.schema = schema;
        this.columns = schema.columns().toArray(new MartColumn[0]);
        this.pendingUnscaled = pendingUnscaled;
        this.javaTypes = new Class<?>[columns.length];
        for (int i = 0; i < columns.length; i++) {
            javaTypes[i] = columns[i].type().javaType();
        }
    }

    /** Checks a row's arity and value types; stores its decimals' unscaled values for the write support. */
    void row(Object[] values) {
        if (values == null) {
            throw new IllegalArgumentException("mart " + schema.name() + ": row is null");
        }
        if (values.length != columns.length) {
            throw new IllegalArgumentException("mart " + schema.name() + ": row has " + values.length
                    + " values, the schema has " + columns.length + " columns");
        }
        for (int i = 0; i < columns.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v.getClass() != javaTypes[i]) {
                MartColumn c = columns[i];
                throw new IllegalArgumentException("mart " + schema.name() + ": column " + c.name() + " is "
                        + c.type().jsonName() + " and takes "
                        + c.type().javaType().getSimpleName() + ", not "
                        + v.getClass().getName() + " (" + v + ")");
            }
            if (v instanceof BigDecimal d) {
                pendingUnscaled[i] = unscaled(columns[i], d);
            } else if (v instanceof LocalDate date) {
                long day = date.toEpochDay();
                if (day != (int) day) {
                    throw new IllegalArgumentException(
                            "mart " + schema.name() + ": column " + columns[i].name() + ": date out of range: " + v);
                }
            }
        }
    }

    private long unscaled(MartColumn c, BigDecimal v) {
        long u;
        try {
            // Exact: no rounding (12.500 is fine, 12.505 is not). movePointRight keeps the compact
            // long representation, so the common case allocates no BigInteger.
            BigDecimal scaled = v.scale() == 2 ? v : v.setScale(2, RoundingMode.UNNECESSARY);
            u = scaled.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("mart " + schema.name() + ": column " + c.name()
                    + " is decimal(18,2) and cannot hold " + v.toPlainString() + " exactly");
        }
        if (u <= -DECIMAL_18_LIMIT || u >= DECIMAL_18_LIMIT) {
            throw new IllegalArgumentException("mart " + schema.name() + ": column " + c.name()
                    + " is decimal(18,2) and cannot hold " + v.toPlainString() + " (more than 18 digits)");
        }
        return u;
    }

    /**
     * Checks a row's partition against the schema and the partition of the row before it
     * ({@code current}, null before the first row).
     */
    void partition(String p, String current) {
        if (!schema.partitioned()) {
            if (p != null) {
                throw new IllegalArgumentException(
                        "mart " + schema.name() + " is not partitioned; partition must be null, not '" + p + "'");
            }
            return;
        }
        if (p == null) {
            throw new IllegalArgumentException(
                    "mart " + schema.name() + " is partitioned by school_year; partition is null");
        }
        if (!p.equals(current)) {
            if (!SCHOOL_YEAR.matcher(p).matches()
                    || Integer.parseInt(p.substring(5)) != (Integer.parseInt(p.substring(0, 4)) + 1) % 100) {
                throw new IllegalArgumentException(
                        "mart " + schema.name() + ": partition '" + p + "' is not a school year YYYY-YY (SPEC §2)");
            }
            if (current != null && p.compareTo(current) < 0) {
                throw new IllegalArgumentException("mart " + schema.name() + ": partition " + p + " arrived after "
                        + current + "; rows must be sorted by school_year");
            }
        }
    }
}
