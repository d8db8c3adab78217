package org.sea.pli.mart;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.parquet.MartColumn;
import org.sea.pli.parquet.MartSchema;

/**
 * Builds the rows of one mart by column name, in the column order of its schema file, and applies
 * the suppression of docs/spec.md §5 from the schema's † / ‡ markers — the schema stays the only place
 * that says which columns are suppressed.
 */
final class MartRow {

    private final MartSchema schema;
    private final Map<String, Integer> positions = new HashMap<>();

    MartRow(MartSchema schema) {
        this.schema = schema;
        for (int i = 0; i < schema.columns().size(); i++) {
            positions.put(schema.columns().get(i).name(), i);
        }
    }

    MartSchema schema() {
        return schema;
    }

    Object[] empty() {
        return new Object[schema.columns().size()];
    }

    void set(Object[] row, String column, Object value) {
        Integer at = positions.get(column);
        if (at == null) {
            throw new IllegalArgumentException("mart " + schema.name() + " has no column '" + column + "'");
        }
        row[at] = value;
    }

    /** Nulls every column marked with this suppression ("educator" for †, "student" for ‡). */
    void suppress(Object[] row, String suppression) {
        for (int i = 0; i < row.length; i++) {
            MartColumn c = schema.columns().get(i);
            if (suppression.equals(c.suppression())) {
                row[i] = null;
            }
        }
    }
}
