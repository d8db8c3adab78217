package org.sea.pli.ops;

import java.time.Duration;

/**
 * One phase of a run and how long it took, for the run summary's phase table (issue 14: where the
 * time goes). Timing is for people reading the summary; it never reaches the warehouse's bytes.
 *
 * @param took the wall time, or null when this JVM skipped the phase (a restart whose earlier
 *             attempt finished it)
 */
public record Phase(String name, Duration took) {

    public static Phase skipped(String name) {
        return new Phase(name, null);
    }

    public static Phase ofNanos(String name, long nanos) {
        return new Phase(name, Duration.ofNanos(nanos));
    }
}
