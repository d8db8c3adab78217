package org.sea.pli.mart;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.parquet.MartSchema;

/** Builds the rows of one mart by column name, in the column order of its schema file. */
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
}
