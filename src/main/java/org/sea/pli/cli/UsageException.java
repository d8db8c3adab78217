package org.sea.pli.cli;

/** A usage or configuration error: one line on stderr and exit 2 (docs/spec.md §7). */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String verb;

    public UsageException(String verb, String message) {
        super(message);
        this.verb = verb;
    }

    /** The verb whose usage to print, or null for the general usage. */
    public String verb() {
        return verb;
    }
}
