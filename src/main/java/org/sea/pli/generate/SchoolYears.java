package org.sea.pli.generate;

/**
 * The school years a generated inbox covers: {@code count} consecutive years ending with the as-of
 * year 2025-26 (as-of date {@value InboxGenerator#NEW_DATE}). A year is named by its offset
 * {@code y} from 2024-25 (2024-25 is 0, the as-of year 1, earlier years negative), the offset that
 * seeds its random draws, so that two school years give the inbox of every earlier release byte for
 * byte. Each year's files are dated June 30, the last day of that school year (docs/spec.md §1, §2).
 */
record SchoolYears(int count) {
    /** Offset of the as-of school year 2025-26. */
    static final int AS_OF = 1;

    static final int DEFAULT = 2;
    /** Twenty years of history (2006-07 to 2025-26) is more than any state keeps in one inbox. */
    static final int MAX = 20;

    SchoolYears {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException(
                    "school years must be from 1 to " + MAX + " (ending with 2025-26), got " + count);
        }
    }

    /** Offset of the earliest school year: it has no year before it, so nothing carries into it. */
    int first() {
        return AS_OF - count + 1;
    }

    /** The extract date of the files holding school year {@code y}: June 30 at its end. */
    static String fileDate(int y) {
        return (2025 + y) + "-06-30";
    }
}
