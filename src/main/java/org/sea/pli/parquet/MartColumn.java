package org.sea.pli.parquet;

import java.util.Objects;

/**
 * One column inside a mart's Parquet files.
 *
 * @param suppression {@code null}, {@code "educator"} (spec §5 †) or {@code "student"} (spec §5 ‡)
 */
public record MartColumn(String name, MartType type, String suppression, String description) {

    /** The suppression of a column null when its row's educator count is small (†). */
    public static final String EDUCATOR = "educator";

    /** The suppression of a column null when its row's student count is small (‡). */
    public static final String STUDENT = "student";

    public MartColumn {
        Objects.requireNonNull(name, "column name");
        Objects.requireNonNull(type, "column type of " + name);
        if (suppression != null && !suppression.equals(EDUCATOR) && !suppression.equals(STUDENT)) {
            throw new IllegalArgumentException("column " + name
                    + ": suppression must be \"educator\", \"student\" or absent, not '" + suppression + "'");
        }
    }
}
