package org.sea.pli.model;

import java.math.BigDecimal;

/**
 * The measures a P element (docs/spec.md §4.2) and a unit U (§4.4) share, defined once: satisfaction,
 * practice baseline / follow-up / change, improved, student growth and the evidence level. A
 * unit differs only in what its tallies pool.
 */
public abstract class Measures {

    final SatisfactionTally satisfaction;
    final PracticeTally practice;
    final Double studentGrowthZ;

    Measures(SatisfactionTally satisfaction, PracticeTally practice, Double studentGrowthZ) {
        this.satisfaction = satisfaction;
        this.practice = practice;
        this.studentGrowthZ = studentGrowthZ;
    }

    /** Mean of response scores, a response's score being the mean of its present items. */
    public Double satisfaction() {
        return satisfaction.mean();
    }

    public Double practiceBaseline() {
        return practice.baseline();
    }

    public Double practiceFollowup() {
        return practice.followup();
    }

    /** followup − baseline, null unless both exist. */
    public Double practiceChange() {
        return practice.change();
    }

    /** Any artifact_ratings row at all, either phase. */
    public boolean hasRatings() {
        return practice.hasRatings();
    }

    /**
     * Dimension indexes run 0 until this (exclusive), into {@link LeaYear#dimensions()}; a slot
     * may hold no ratings of this element or unit.
     */
    public int dimensionSlots() {
        return practice.dimensionSlots();
    }

    /** baseline_d of §4.9 on the dimension at {@code d} of {@link LeaYear#dimensions()}. */
    public Double practiceBaseline(int d) {
        return practice.baseline(d);
    }

    /** followup_d of §4.9. */
    public Double practiceFollowup(int d) {
        return practice.followup(d);
    }

    /** practice_change_d of §4.9: followup_d − baseline_d, null unless both exist. */
    public Double practiceChange(int d) {
        return practice.change(d);
    }

    /** Decided exactly on the integer score sums (§4.2); null without a change. */
    public Boolean improved(BigDecimal threshold) {
        return practice.improved(threshold);
    }

    /** The educator's mean z for the LEA-year (§4.3), or null. */
    public Double studentGrowthZ() {
        return studentGrowthZ;
    }

    public int evidenceLevel() {
        return EvidenceLevel.of(practiceChange(), studentGrowthZ, satisfaction());
    }
}
