package org.sea.pli.mart;

import java.math.BigDecimal;

/**
 * What the marts take from the run's configuration (spec §7): min-cell-size (§5, §5.12; bright spots need that many practice pairs, §5.6),
 * improved-threshold (§4.2, kept exact as a decimal), bright-spots (§5.6), and the pseudonym key's
 * HMAC for educator_key (§5.1).
 */
public record MartSettings(
        int minCellSize, BigDecimal improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {

    public MartSettings(int minCellSize, double improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {
        this(minCellSize, BigDecimal.valueOf(improvedThreshold), brightSpots, pseudonym);
    }
}
