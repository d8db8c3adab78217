package org.sea.pli.ops;

import java.time.Duration;

/**
 * One phase of a run and how long it took, for the run summary's phase table. Timing is for people
 * reading the summary; it never reaches the warehouse's bytes.
 *
 * @param took    the wall time, or null when this JVM did not finish the phase
 * @param untimed what the table shows instead of a time when {@code took} is null
 */
public record Phase(String name, Duration took, String untimed) {

    public Phase(String name, Duration took) {
        this(name, took, null);
    }

    public Phase(RunPhase phase, Duration took) {
        this(phase.label(), took, null);
    }

    /** A phase an earlier attempt finished, so a restart skipped it. */
    public static Phase skipped(RunPhase phase) {
        return new Phase(phase.label(), null, "skipped (restart)");
    }

    /** A phase a failed run never reached. */
    public static Phase notRun(RunPhase phase) {
        return new Phase(phase.label(), null, "not run");
    }

    /** A phase that started in this JVM and did not finish. */
    public static Phase failed(RunPhase phase) {
        return new Phase(phase.label(), null, "failed");
    }
}
