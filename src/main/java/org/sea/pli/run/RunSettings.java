package org.sea.pli.run;

import org.sea.pli.stage.RunManifest;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The effective configuration of a run (docs/spec.md §7): Spring Boot properties {@code pli.*}, from
 * {@code --pli.min-cell-size=…}, environment variables ({@code PLI_MIN_CELL_SIZE}) or application.yml.
 *
 * @param minCellSize       suppression threshold of §5 (default 10)
 * @param improvedThreshold practice change counted as improvement, §4.2 (default 0.5)
 * @param maxRejectRate     share of rejected rows above which a file is rejected, §3.2 (default 0.05)
 * @param brightSpots       rows per school year in {@code bright_spots}, §5.6 (default 10)
 * @param threads           LEAs loaded in parallel; 0 (the default) lets the load choose, see
 *                          {@link org.sea.pli.stage.LoadStage#loaderThreads}; never changes a byte of output (§6)
 * @param lockStaleAfter    age after which a warehouse lock is taken over (see {@link WarehouseLock})
 */
@ConfigurationProperties("pli")
public record RunSettings(
        Integer minCellSize,
        Double improvedThreshold,
        Double maxRejectRate,
        Integer brightSpots,
        Integer threads,
        java.time.Duration lockStaleAfter) {

    public RunSettings {
        minCellSize = minCellSize == null ? 10 : minCellSize;
        improvedThreshold = improvedThreshold == null ? 0.5 : improvedThreshold;
        maxRejectRate = maxRejectRate == null ? 0.05 : maxRejectRate;
        brightSpots = brightSpots == null ? 10 : brightSpots;
        threads = threads == null || threads < 1 ? 0 : threads; // 0: chosen by the load from the inbox's size
        lockStaleAfter = lockStaleAfter == null ? java.time.Duration.ofHours(12) : lockStaleAfter;
        if (minCellSize < 1) {
            throw new IllegalArgumentException("pli.min-cell-size must be at least 1, got " + minCellSize);
        }
        if (maxRejectRate < 0 || maxRejectRate > 1) {
            throw new IllegalArgumentException("pli.max-reject-rate must be between 0 and 1, got " + maxRejectRate);
        }
        if (brightSpots < 0) {
            throw new IllegalArgumentException("pli.bright-spots must not be negative, got " + brightSpots);
        }
    }

    /** The same settings with the output-shaping values a manifest recorded (§6). */
    public RunSettings withRecorded(RunManifest.Configuration recorded) {
        return new RunSettings(
                recorded.minCellSize(),
                recorded.improvedThreshold(),
                recorded.maxRejectRate(),
                recorded.brightSpots(),
                threads,
                lockStaleAfter);
    }
}
