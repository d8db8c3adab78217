package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the row rules of docs/spec.md §2 to the records of one file. A row gets exactly one reason:
 * the first in {@link RowReason} order that applies, whichever column it comes from.
 * One instance per file: it remembers the keys it has accepted ({@code duplicate_key}). The
 * lexical forms of the values are {@link ValueSyntax}.
 */
final class RowValidator {

    private final ExtractSchema schema;
    private final List<ColumnRule> columns;
    private final int[] recordIndex;
    private final int fieldCount;
    private final Set<String> rubric;
    private final ActivityCatalog activities;
    private final int schoolYearColumn;
    private final int activityColumn;
    private final int[] keyColumns;
    private final int[][] notAfter;
    private final int[][] atLeastOne;
    private final long[] intMin;
    private final long[] intMax;
    private final Set<RowKey> keys;
    // The last value of each column and what it parsed to. A column's verdict depends only on its
    // value (the rubric and the rules are fixed for the file), and consecutive rows repeat most
    // values (the school year, the educator, the activity, the artifact): a repeat takes the
    // earlier row's String — whose hash is already computed, for the key set and the folds' maps —
    // instead of parsing it again.
    private final String[] lastValue;
    private final long[] lastNumber;
    private final BigDecimal[] lastDecimal;
    private final RowReason[] lastReason;
    private int boundsYear = Integer.MIN_VALUE;
    private long firstDay;
    private long lastDay;

    /**
     * @param recordIndex for each schema column, its field position in the file, or -1 when the
     *                    (optional) column is absent
     * @param fieldCount  number of fields of the header
     * @param expectedRows about how many rows the file holds (sizes the duplicate-key set; only a hint)
     */
    RowValidator(
            ExtractSchema schema,
            int[] recordIndex,
            int fieldCount,
            Set<String> rubric,
            ActivityCatalog activities,
            int expectedRows) {
        this.keys = new HashSet<>(Math.max(16, (int) (expectedRows / 0.75f) + 1));
        this.schema = schema;
        this.columns = schema.columns();
        this.recordIndex = recordIndex;
        this.fieldCount = fieldCount;
        this.rubric = rubric;
        this.activities = activities;
        this.schoolYearColumn = schema.index("school_year");
        this.activityColumn = schema.activityChecked() ? schema.index("activity_id") : -1;
        this.keyColumns = schema.key().stream().mapToInt(schema::index).toArray();
        this.notAfter = rule("not_after");
        this.atLeastOne = rule("at_least_one_present");
        this.lastValue = new String[columns.size()];
        this.lastNumber = new long[columns.size()];
        this.lastDecimal = new BigDecimal[columns.size()];
        this.lastReason = new RowReason[columns.size()];
        this.intMin = new long[columns.size()];
        this.intMax = new long[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnRule c = columns.get(i);
            intMin[i] = c.min() == null ? Long.MIN_VALUE : c.min().longValueExact();
            intMax[i] = c.max() == null ? Long.MAX_VALUE : c.max().longValueExact();
        }
    }

    private int[][] rule(String name) {
        return schema.rowRules().stream()
                .filter(r -> r.rule().equals(name))
                .map(r -> r.columns().stream().mapToInt(schema::index).toArray())
                .toArray(int[][]::new);
    }

    /** Validates one record into {@code row}; returns null when accepted, else the reason. */
    RowReason validate(CsvRecord record, ExtractRow row) {
        row.line = record.getStartingLineNumber();
        if (record.getFieldCount() != fieldCount) {
            return RowReason.MALFORMED_ROW;
        }
        RowReason worst = null;
        for (int c = 0; c < columns.size(); c++) {
            RowReason reason = parseColumn(c, record, row);
            if (reason != null && (worst == null || reason.ordinal() < worst.ordinal())) {
                worst = reason;
                if (worst == RowReason.MISSING_VALUE) {
                    return worst;
                }
            }
        }
        if (worst != null) {
            return worst;
        }
        if (!rowRulesHold(row)) {
            return RowReason.OUT_OF_RANGE;
        }
        RowKey key = key(row);
        if (!keys.add(key)) { // one lookup for the usual, accepted row
            return RowReason.DUPLICATE_KEY;
        }
        if (activityColumn >= 0 && !activities.exists(row.schoolYear(schoolYearColumn), row.text(activityColumn))) {
            keys.remove(key); // only accepted rows claim their key (a later row with it is not a duplicate)
            return RowReason.UNKNOWN_ACTIVITY;
        }
        return null;
    }

    private RowReason parseColumn(int c, CsvRecord record, ExtractRow row) {
        int at = recordIndex[c];
        String value = at < 0 ? null : record.getField(at).strip();
        String last = lastValue[c];
        if (last != null && last.equals(value)) {
            row.text[c] = last;
            row.number[c] = lastNumber[c];
            row.decimal[c] = lastDecimal[c];
            return lastReason[c];
        }
        RowReason reason = parseValue(c, value, row);
        if (value != null && !value.isEmpty()) {
            lastValue[c] = row.text[c] == value ? value : null; // an enum is kept lower-cased: not its raw value
            lastNumber[c] = row.number[c];
            lastDecimal[c] = row.decimal[c];
            lastReason[c] = reason;
        }
        return reason;
    }

    private RowReason parseValue(int c, String value, ExtractRow row) {
        ColumnRule rule = columns.get(c);
        row.decimal[c] = null;
        if (value == null || value.isEmpty()) {
            row.text[c] = null;
            return rule.optional() ? null : RowReason.MISSING_VALUE;
        }
        row.text[c] = value;
        switch (rule.type()) {
            case STR:
                return null;
            case ID:
                if (!ValueSyntax.isId(value)) {
                    return RowReason.BAD_TYPE;
                }
                return rule.inRubric() && !rubric.contains(value) ? RowReason.BAD_ENUM : null;
            case ENUM:
                String lower = value.toLowerCase(java.util.Locale.ROOT);
                row.text[c] = lower;
                return rule.values().contains(lower) ? null : RowReason.BAD_ENUM;
            case SCHOOL_YEAR:
                int year = SchoolYear.parse(value);
                row.number[c] = year;
                return year < 0 ? RowReason.BAD_TYPE : null;
            case DATE:
                long day = ValueSyntax.parseDate(value);
                row.number[c] = day;
                return day == Long.MIN_VALUE ? RowReason.BAD_TYPE : null;
            case INT:
                return parseInt(c, value, row);
            case DEC:
                return parseDecimal(c, rule, value, row);
            default:
                throw new IllegalStateException("unhandled type " + rule.type());
        }
    }

    private RowReason parseInt(int c, String value, ExtractRow row) {
        int start = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return RowReason.BAD_TYPE;
        }
        for (int i = start; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') {
                return RowReason.BAD_TYPE;
            }
        }
        if (value.length() - start > 18) {
            return RowReason.OUT_OF_RANGE; // a well-formed int far beyond every bound of §2
        }
        long v = Long.parseLong(value);
        row.number[c] = v;
        return v < intMin[c] || v > intMax[c] ? RowReason.OUT_OF_RANGE : null;
    }

    private static RowReason parseDecimal(int c, ColumnRule rule, String value, ExtractRow row) {
        BigDecimal v = ValueSyntax.plainDecimal(value); // the usual form, in the one pass over it
        if (v == null) {
            if (ValueSyntax.isNonFinite(value)) {
                return RowReason.OUT_OF_RANGE; // §2: non-finite tokens parse but are never in range
            }
            if (!ValueSyntax.isDecimalLiteral(value)) {
                return RowReason.BAD_TYPE;
            }
            try {
                v = new BigDecimal(value);
            } catch (NumberFormatException | ArithmeticException e) {
                return RowReason.BAD_TYPE; // exponent beyond BigDecimal's range
            }
        }
        row.decimal[c] = v;
        if (rule.min() != null) {
            int cmp = v.compareTo(rule.min());
            if (cmp < 0 || (cmp == 0 && rule.minExclusive())) {
                return RowReason.OUT_OF_RANGE;
            }
        }
        if (rule.max() != null && v.compareTo(rule.max()) > 0) {
            return RowReason.OUT_OF_RANGE;
        }
        if (rule.maxScale() >= 0 && v.signum() != 0 && v.stripTrailingZeros().scale() > rule.maxScale()) {
            return RowReason.OUT_OF_RANGE;
        }
        return null;
    }

    private boolean rowRulesHold(ExtractRow row) {
        int year = row.schoolYear(schoolYearColumn);
        if (year != boundsYear) { // rows come in runs of one school year
            boundsYear = year;
            firstDay = SchoolYear.firstDay(year);
            lastDay = SchoolYear.lastDay(year);
        }
        long first = firstDay;
        long last = lastDay;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).type() == ColumnType.DATE
                    && row.present(c)
                    && (row.number[c] < first || row.number[c] > last)) {
                return false;
            }
        }
        for (int[] pair : notAfter) {
            if (row.number[pair[0]] > row.number[pair[1]]) {
                return false;
            }
        }
        for (int[] group : atLeastOne) {
            boolean any = false;
            for (int c : group) {
                any |= row.present(c);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private RowKey key(ExtractRow row) {
        String[] values = new String[keyColumns.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.text[keyColumns[i]];
        }
        return new RowKey(values);
    }

    /** The key columns' values of a row, compared exactly; holds the row's own strings, copies none. */
    private static final class RowKey {
        private final String[] values;
        private final int hash;

        RowKey(String[] values) {
            this.values = values;
            this.hash = java.util.Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && k.hash == hash && java.util.Arrays.equals(k.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
