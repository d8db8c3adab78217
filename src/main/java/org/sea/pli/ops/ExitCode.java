package org.sea.pli.ops;

/**
 * The process exit codes of spec §7, defined once: schedulers branch on them, so every verb and
 * the run launcher return these and nothing else.
 */
public enum ExitCode {
    /** Success. */
    OK(0, "success"),
    /** The run (or rerun, or a verify's reproduction) failed, or {@code --strict} met a rejected file. */
    RUN_FAILED(1, "run failed"),
    /** A usage or configuration error: one line on stderr, no stack trace. */
    USAGE(2, "usage or configuration error"),
    /** {@code verify} found an output that differs from the manifest. */
    VERIFY_MISMATCH(3, "verify mismatch"),
    /** {@code validate} found a file that {@code run} would reject (spec §3.2). */
    VALIDATE_REJECTED(4, "validate found a file that would be rejected");

    private final int code;
    private final String summary;

    ExitCode(int code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    public int code() {
        return code;
    }

    /** Every code with its short meaning, for help texts: {@code 0 success, 1 run failed, …}. */
    public static String legend() {
        StringBuilder b = new StringBuilder();
        for (ExitCode e : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(e.code).append(' ').append(e.summary);
        }
        return b.toString();
    }
}
