package org.sea.pli.extract;

import java.util.Locale;

/** File-level reasons of the load report (SPEC.md §1 for ignored files, §3.2 for rejected ones). */
public enum FileReason {
    /** Not {@code <extract>_<YYYY-MM-DD>.csv[.gz]} with one of the seven extracts (§1). */
    UNKNOWN_FILE,
    /** The LEA folder is not in {@code _state/leas.csv} (§1). */
    UNKNOWN_LEA,
    /** Dated after the run's as-of date (§1). */
    AFTER_AS_OF,
    /** A {@code .csv} and a {@code .csv.gz} of the same stem (§1). */
    AMBIGUOUS_FILE,
    /**
     * The file's SHA-256 differs from what an earlier run recorded for the same path (§1); the run
     * fails unless {@code --allow-changed-files}, and then the load report names it.
     */
    FILE_CHANGED,
    /** A required column is missing (§3.2). */
    MISSING_COLUMN,
    /** Cannot be decoded as UTF-8 (or gzip), or has no header (§3.2). */
    UNREADABLE,
    /** More than {@code max-reject-rate} of the data rows were rejected (§3.2). */
    REJECT_RATE_EXCEEDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
