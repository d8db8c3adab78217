package org.sea.pli.model;

import java.math.BigDecimal;

/**
 * The impact measures shared by {@code cohort_impact} (docs/spec.md §5.2) and
 * {@code model_comparison} (§5.3), over a group of units U: defined once, here.
 */
public final class GroupImpact {

    /** effect_size is null when the sd is below this (changes that are all equal). */
    static final double ZERO_SD = 1e-9;

    public int nEducators;
    public int nAttended;
    public int nSustained;
    public int nPracticePairs;
    public int nImproved;
    public int nAttendedWithChange;
    private final Sample minutes = new Sample();
    private final Sample satisfaction = new Sample();
    private final Sample baseline = new Sample();
    private final Sample followup = new Sample();
    private final Sample change = new Sample();

    /** Adds a unit; call in key order, which fixes the order of every floating-point sum. */
    public void add(EducatorUnit u, BigDecimal improvedThreshold) {
        nEducators++;
        if (u.attended()) {
            nAttended++;
            minutes.add(u.minutesAttended());
            if (u.sustained()) {
                nSustained++;
            }
        }
        satisfaction.addIfPresent(u.satisfaction());
        Double c = u.practiceChange();
        if (c != null) {
            nPracticePairs++;
            baseline.add(u.practiceBaseline());
            followup.add(u.practiceFollowup());
            change.add(c);
            if (Boolean.TRUE.equals(u.improved(improvedThreshold))) {
                nImproved++;
            }
            if (u.attended()) {
                nAttendedWithChange++;
            }
        }
    }

    /**
     * The group's counts and values, for a part of a statewide group kept between nights: six
     * counts, then the minutes, satisfaction, baseline, follow-up and change values in the order
     * they were added.
     */
    public Object[] state() {
        return new Object[] {
            nEducators,
            nAttended,
            nSustained,
            nPracticePairs,
            nImproved,
            nAttendedWithChange,
            minutes.values(),
            satisfaction.values(),
            baseline.values(),
            followup.values(),
            change.values()
        };
    }

    /**
     * Adds a part's {@link #state()} from {@code offset} of {@code row}: the same as adding its
     * units one by one, in their order, here.
     */
    public void merge(Object[] row, int offset) {
        nEducators += (Integer) row[offset];
        nAttended += (Integer) row[offset + 1];
        nSustained += (Integer) row[offset + 2];
        nPracticePairs += (Integer) row[offset + 3];
        nImproved += (Integer) row[offset + 4];
        nAttendedWithChange += (Integer) row[offset + 5];
        minutes.addAll((double[]) row[offset + 6]);
        satisfaction.addAll((double[]) row[offset + 7]);
        baseline.addAll((double[]) row[offset + 8]);
        followup.addAll((double[]) row[offset + 9]);
        change.addAll((double[]) row[offset + 10]);
    }

    /** Mean minutes over attended units. */
    public Double minutesMean() {
        return minutes.mean();
    }

    /** Sustained ÷ attended units. */
    public Double sustainedRate() {
        return Sample.ratio(nSustained, nAttended);
    }

    public Double satisfactionMean() {
        return satisfaction.mean();
    }

    public Double practiceBaselineMean() {
        return baseline.mean();
    }

    public Double practiceFollowupMean() {
        return followup.mean();
    }

    public Double practiceChangeMean() {
        return change.mean();
    }

    public Double practiceChangeSd() {
        return change.sd();
    }

    /** mean ÷ sd, null when the sd is null or numerically zero. */
    public Double effectSize() {
        return change.effectSize();
    }

    /** Improved units ÷ n_practice_pairs. */
    public Double improvedRate() {
        return Sample.ratio(nImproved, nPracticePairs);
    }

    /** Attended units with practice_change ÷ n_attended. */
    public Double changeEvidenceRate() {
        return Sample.ratio(nAttendedWithChange, nAttended);
    }

    /** mean ∓ 1.96·sd/√n_practice_pairs (§4.5, §5.3); null when the sd is null. */
    public Double practiceChangeCi(int sign) {
        return change.ci(sign);
    }
}
