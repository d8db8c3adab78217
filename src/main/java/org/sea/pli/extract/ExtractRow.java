package org.sea.pli.extract;

import java.math.BigDecimal;

/**
 * One accepted row, typed by its {@link ExtractSchema}. The instance is reused from row to row
 * of a file: consumers copy what they keep.
 */
public final class ExtractRow {

    private final ExtractSchema schema;
    final String[] text;
    final long[] number;
    final BigDecimal[] decimal;
    long line;

    ExtractRow(ExtractSchema schema) {
        this.schema = schema;
        int n = schema.columns().size();
        this.text = new String[n];
        this.number = new long[n];
        this.decimal = new BigDecimal[n];
    }

    public ExtractSchema schema() {
        return schema;
    }

    /** Trimmed value (enums lower-cased), or null when empty or absent. */
    public String text(int column) {
        return text[column];
    }

    public boolean present(int column) {
        return text[column] != null;
    }

    /** An {@code int} value. */
    public int integer(int column) {
        return (int) number[column];
    }

    /** A {@code date} value as epoch day. */
    public long epochDay(int column) {
        return number[column];
    }

    /** A {@code school_year} value as its first calendar year. */
    public int schoolYear(int column) {
        return (int) number[column];
    }

    /** A {@code dec} value, exact. */
    public BigDecimal decimal(int column) {
        return decimal[column];
    }

    /** Physical line on which the record starts (header is line 1). */
    public long line() {
        return line;
    }
}
