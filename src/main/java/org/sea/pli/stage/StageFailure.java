package org.sea.pli.stage;

/**
 * A stage found that the run cannot go on (e.g. {@code file_changed}, spec §1); the message is one
 * line meant for the operator. The run reports it as the reason its step failed (exit 1, spec §7).
 */
public class StageFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StageFailure(String message) {
        super(message);
    }
}
