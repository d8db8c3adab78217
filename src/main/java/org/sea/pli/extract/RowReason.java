package org.sea.pli.extract;

import java.util.Locale;

/**
 * Why a row was rejected (docs/spec.md §2). Declaration order is the precedence order: a row gets
 * exactly one reason, the first that applies.
 */
public enum RowReason {
    MALFORMED_ROW,
    MISSING_VALUE,
    BAD_TYPE,
    BAD_ENUM,
    OUT_OF_RANGE,
    DUPLICATE_KEY,
    UNKNOWN_ACTIVITY;

    /** The code written to quarantine files and the load report. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
