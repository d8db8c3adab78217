package org.sea.pli.parquet;

import java.util.Objects;

/**
 * One column inside a mart's Parquet files.
 *
 * @param id          the column's field id: written into the Parquet schema and used as the Iceberg
 *                    field id, so engines map columns by id, not by name or position; stable for the
 *                    life of the column and never reused (schemas/marts/README.md)
 * @param suppression {@code null}, {@code "educator"} (spec §5 †) or {@code "student"} (spec §5 ‡)
 */
public record MartColumn(int id, String name, MartType type, String suppression, String description) {

    /** The suppression of a column null when its row's educator count is small (†). */
    public static final String EDUCATOR = "educator";

    /** The suppression of a column null when its row's student count is small (‡). */
    public static final String STUDENT = "student";

    public MartColumn {
        Objects.requireNonNull(name, "column name");
        Objects.requireNonNull(type, "column type of " + name);
        if (id <= MartSchema.PARTITION_FIELD_ID) {
            throw new IllegalArgumentException("column " + name + ": id must be above " + MartSchema.PARTITION_FIELD_ID
                    + " (reserved for school_year), got " + id);
        }
        if (suppression != null && !suppression.equals(EDUCATOR) && !suppression.equals(STUDENT)) {
            throw new IllegalArgumentException("column " + name
                    + ": suppression must be \"educator\", \"student\" or absent, not '" + suppression + "'");
        }
    }
}
