package org.sea.pli.stage;

import java.time.Duration;

/**
 * What a stage returned and the wall time it took, measured inside the stage, handed up to the run
 * summary's phase table. Never written to the warehouse: timing must not change bytes.
 */
public record Timed<T>(T result, Duration took) {

    static <T> Timed<T> since(long startedNanos, T result) {
        return new Timed<>(result, Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
