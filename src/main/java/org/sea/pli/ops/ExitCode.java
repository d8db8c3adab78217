package org.sea.pli.ops;

/**
 * The process exit codes of SPEC §7, defined once: schedulers branch on them, so every verb and
 * the run launcher return these and nothing else.
 */
public enum ExitCode {
    /** Success. */
    OK(0),
    /** The run (or rerun, or a verify's reproduction) failed, or {@code --strict} met a rejected file. */
    RUN_FAILED(1),
    /** A usage or configuration error: one line on stderr, no stack trace. */
    USAGE(2),
    /** {@code verify} found an output that differs from the manifest. */
    VERIFY_MISMATCH(3),
    /** {@code validate} found a file that {@code run} would reject (SPEC §3.2). */
    VALIDATE_REJECTED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
