package org.sea.pli.extract;

/** The inbox cannot be used at all (a missing or unreadable {@code _state} file, docs/spec.md §1): the run fails. */
public class InboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InboxException(String message) {
        super(message);
    }

    public InboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
