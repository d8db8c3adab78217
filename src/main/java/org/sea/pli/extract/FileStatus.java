package org.sea.pli.extract;

import java.util.Locale;

/** Status of an inbox file in the load report (docs/spec.md §1.1). */
public enum FileStatus {
    IN_FORCE,
    SUPERSEDED,
    REJECTED,
    STALE_IN_FORCE,
    IGNORED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
