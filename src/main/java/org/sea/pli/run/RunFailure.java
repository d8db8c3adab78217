package org.sea.pli.run;

/** The run failed (exit 1, docs/spec.md §7); the message is one line meant for the operator. */
public class RunFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFailure(String message) {
        super(message);
    }

    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
