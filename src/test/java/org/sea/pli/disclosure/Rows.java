package org.sea.pli.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sea.pli.mart.MartSink;
import org.sea.pli.parquet.MartSchema;

/** Hand-built mart rows by column name, and a sink that keeps what it is given, for §5.12 tests. */
final class Rows implements MartSink {

    /** A row of {@code mart}: (column, value) pairs; columns not named are null. */
    static Object[] row(String mart, Object... pairs) {
        MartSchema schema = MartSchema.load(mart);
        Object[] values = new Object[schema.columns().size()];
        for (int i = 0; i < pairs.length; i += 2) {
            values[schema.index((String) pairs[i])] = pairs[i + 1];
        }
        return values;
    }

    static Object get(String mart, Object[] row, String column) {
        return row[MartSchema.load(mart).index(column)];
    }

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    @Override
    public void row(String mart, String schoolYear, Object[] values) {
        rows.computeIfAbsent(mart, k -> new ArrayList<>()).add(values);
    }

    List<Object[]> of(String mart) {
        return rows.getOrDefault(mart, List.of());
    }

    /** The one row of {@code mart} whose first key columns are {@code key}. */
    Object[] one(String mart, Object... key) {
        MartSchema schema = MartSchema.load(mart);
        List<Object[]> found = new ArrayList<>();
        for (Object[] r : of(mart)) {
            boolean match = true;
            for (int i = 0; i < key.length; i++) {
                match &= key[i].equals(r[i]);
            }
            if (match) {
                found.add(r);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows of " + schema.name() + " match " + List.of(key));
        }
        return found.get(0);
    }

    boolean suppressed(String mart, Object... key) {
        return Boolean.TRUE.equals(get(mart, one(mart, key), "suppressed"));
    }
}
