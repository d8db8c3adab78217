package org.sea.pli.extract;

/** Value types of docs/spec.md §2, as named in {@code schemas/extracts/*.json}. */
public enum ColumnType {
    /** {@code [A-Za-z0-9._-]{1,64}}. */
    ID,
    /** Non-empty after trim. */
    STR,
    /** ISO {@code YYYY-MM-DD}; held as epoch day. */
    DATE,
    /** Optional sign and digits. */
    INT,
    /** Plain or scientific decimal literal, or a non-finite token. */
    DEC,
    /** One of the listed lower-case values. */
    ENUM,
    /** {@code YYYY-YY} with YY = (YYYY+1) mod 100; held as its first calendar year. */
    SCHOOL_YEAR;

    static ColumnType of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
