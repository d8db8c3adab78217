package org.sea.pli.model;

import java.math.BigDecimal;

/**
 * Artifact-rating scores by phase, kept as integer sums so that {@code improved} is decided
 * exactly (docs/spec.md §4.2): one definition of practice change for P elements and units alike.
 */
public final class PracticeTally {
    long baselineSum;
    int baselineN;
    long followupSum;
    int followupN;
    /**
     * Per rubric dimension d (an index into the LEA's {@code LeaModel.dimensions}), four ints at
     * 4d: baseline sum, baseline count, followup sum, followup count (§4.9). Null until a rating
     * names a dimension; grown as dimensions appear. About a hundred bytes per key at state scale.
     */
    int[] byDimension;

    void add(boolean followup, int score, int dimension) {
        add(followup, score);
        int at = 4 * dimension + (followup ? 2 : 0);
        if (byDimension == null || byDimension.length <= at + 1) {
            byDimension = byDimension == null
                    ? new int[4 * (dimension + 1)]
                    : java.util.Arrays.copyOf(byDimension, 4 * (dimension + 1));
        }
        byDimension[at] += score;
        byDimension[at + 1]++;
    }

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
        if (other.byDimension != null) {
            if (byDimension == null || byDimension.length < other.byDimension.length) {
                byDimension = byDimension == null
                        ? new int[other.byDimension.length]
                        : java.util.Arrays.copyOf(byDimension, other.byDimension.length);
            }
            for (int i = 0; i < other.byDimension.length; i++) {
                byDimension[i] += other.byDimension[i];
            }
        }
    }

    /** How many dimension slots the tally has (some may hold no ratings). */
    int dimensionSlots() {
        return byDimension == null ? 0 : byDimension.length / 4;
    }

    /** baseline_d of §4.9: mean baseline score on dimension d, null when none. */
    Double baseline(int d) {
        return dimensionMean(4 * d);
    }

    /** followup_d of §4.9. */
    Double followup(int d) {
        return dimensionMean(4 * d + 2);
    }

    /** practice_change_d = followup_d − baseline_d, null unless both exist (§4.9). */
    Double change(int d) {
        Double b = baseline(d);
        Double f = followup(d);
        return b == null || f == null ? null : f - b;
    }

    private Double dimensionMean(int at) {
        if (byDimension == null || at + 1 >= byDimension.length || byDimension[at + 1] == 0) {
            return null;
        }
        return (double) byDimension[at] / byDimension[at + 1];
    }

    boolean hasRatings() {
        return baselineN + followupN > 0;
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
