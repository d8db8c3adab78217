package org.sea.pli.model;

import java.math.BigDecimal;

/**
 * Artifact-rating scores by phase, kept as integer sums so that {@code improved} is decided
 * exactly (SPEC.md §4.2): one definition of practice change for P elements and units alike.
 */
public final class PracticeTally implements java.io.Serializable {
    long baselineSum;
    int baselineN;
    long followupSum;
    int followupN;

    void add(boolean followup, int score) {
        if (followup) {
            followupSum += score;
            followupN++;
        } else {
            baselineSum += score;
            baselineN++;
        }
    }

    void addAll(PracticeTally other) {
        baselineSum += other.baselineSum;
        baselineN += other.baselineN;
        followupSum += other.followupSum;
        followupN += other.followupN;
    }

    Double baseline() {
        return baselineN == 0 ? null : (double) baselineSum / baselineN;
    }

    Double followup() {
        return followupN == 0 ? null : (double) followupSum / followupN;
    }

    /** followup − baseline, null unless both exist. */
    Double change() {
        return baselineN == 0 || followupN == 0 ? null : followup() - baseline();
    }

    /**
     * change ≥ threshold decided on the integer sums:
     * followup_sum·n_base − base_sum·n_followup ≥ threshold·n_base·n_followup. Null without a change.
     */
    Boolean improved(BigDecimal threshold) {
        if (baselineN == 0 || followupN == 0) {
            return null;
        }
        BigDecimal lhs = BigDecimal.valueOf(followupSum * baselineN - baselineSum * followupN);
        BigDecimal rhs = threshold.multiply(BigDecimal.valueOf((long) baselineN * followupN));
        return lhs.compareTo(rhs) >= 0;
    }
}
