package org.sea.pli.mart;

import java.math.BigDecimal;

/**
 * What the marts take from the run's configuration (spec §7): min-cell-size for suppression (§5),
 * improved-threshold (§4.2, kept exact as a decimal), bright-spots (§5.6), and the pseudonym key's
 * HMAC for educator_key (§5.1).
 */
public record MartSettings(
        int minCellSize, BigDecimal improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {

    public MartSettings(int minCellSize, double improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {
        this(minCellSize, BigDecimal.valueOf(improvedThreshold), brightSpots, pseudonym);
    }

    /** §5: a row whose educator (or student) count is below min-cell-size is suppressed. */
    public boolean suppressed(int count) {
        return count < minCellSize;
    }
}
