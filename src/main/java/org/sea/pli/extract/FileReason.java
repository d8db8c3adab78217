package org.sea.pli.extract;

import java.util.Locale;

/** File-level reasons of the load report (docs/spec.md §1 for ignored files, §3.2 for rejected ones). */
public enum FileReason {
    /** Not {@code <extract>_<YYYY-MM-DD>.csv[.gz]} with one of the seven extracts (§1). */
    UNKNOWN_FILE(FileStatus.IGNORED),
    /** The LEA folder is not in {@code _state/leas.csv} (§1). */
    UNKNOWN_LEA(FileStatus.IGNORED),
    /** Dated after the run's as-of date (§1). */
    AFTER_AS_OF(FileStatus.IGNORED),
    /** A {@code .csv} and a {@code .csv.gz} of the same stem (§1). */
    AMBIGUOUS_FILE(FileStatus.IGNORED),
    /** A subfolder, a broken link or anything else that is not a regular file (§1); never hashed. */
    NOT_A_FILE(FileStatus.IGNORED),
    /**
     * A path an earlier run recorded that is now gone or no longer a regular file (§1); the run
     * fails unless {@code --allow-changed-files}, and then the load report shows the recorded sha256.
     */
    FILE_MISSING(FileStatus.IGNORED),
    /**
     * The file's SHA-256 differs from what an earlier run recorded for the same path (§1); the run
     * fails unless {@code --allow-changed-files}, and then the load report names it. The file is
     * read as usual, so it keeps the status its rows give it.
     */
    FILE_CHANGED(null),
    /** A required column is missing (§3.2). */
    MISSING_COLUMN(FileStatus.REJECTED),
    /** A column of the extract is named twice in the header (§3.2). */
    DUPLICATE_COLUMN(FileStatus.REJECTED),
    /** Cannot be decoded as UTF-8 (or gzip), or has no header (§3.2). */
    UNREADABLE(FileStatus.REJECTED),
    /** More than {@code max-reject-rate} of the data rows were rejected (§3.2). */
    REJECT_RATE_EXCEEDED(FileStatus.REJECTED);

    private final FileStatus status;

    FileReason(FileStatus status) {
        this.status = status;
    }

    /** The status a file with this reason has (§1.1), or null when the reason keeps the file's own. */
    public FileStatus status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
