package org.sea.pli.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One LEA in one school year, assembled for the marts: the participation record P with its
 * measures (docs/spec.md §4.1–§4.2), the units U (§4.4) and the non-participants' growth (§4.3).
 */
public final class LeaYear {

    private final String leaId;
    private final int schoolYear;
    private final Map<String, Activity> activities;
    private final List<FundingLine> funding;
    private final List<EducatorActivity> participation;
    private final List<EducatorUnit> units;
    private final List<Double> nonParticipantGrowthZ;
    private final Map<String, EducatorOutcomes> outcomes;
    private final int students;
    private final GrowthStandardization growth;
    private final GainMoments comparisonPriorZ;
    private Map<String, BigDecimal> fundingByActivity;
    private final LeaModel lea;
    private Map<String, long[]> nextBaselines;

    private LeaYear(
            String leaId,
            int schoolYear,
            Map<String, Activity> activities,
            List<FundingLine> funding,
            List<EducatorActivity> participation,
            List<EducatorUnit> units,
            List<Double> nonParticipantGrowthZ,
            Map<String, EducatorOutcomes> outcomes,
            int students,
            GrowthStandardization growth,
            GainMoments comparisonPriorZ,
            LeaModel lea) {
        this.lea = lea;
        this.leaId = leaId;
        this.schoolYear = schoolYear;
        this.activities = activities;
        this.funding = funding;
        this.participation = participation;
        this.units = units;
        this.nonParticipantGrowthZ = nonParticipantGrowthZ;
        this.outcomes = outcomes;
        this.students = students;
        this.growth = growth;
        this.comparisonPriorZ = comparisonPriorZ;
    }

    public static LeaYear of(LeaModel lea, int year, GrowthStandardization growth) {
        lea.requireRead(year);
        Map<String, Activity> activities = new TreeMap<>(lea.activities.getOrDefault(year, Map.of()));
        Set<ParticipationKey> enrolled = lea.enrollments.getOrDefault(year, Set.of());
        Map<ParticipationKey, AttendanceTally> attendance = lea.attendance.getOrDefault(year, Map.of());
        Map<ParticipationKey, SatisfactionTally> satisfaction = lea.satisfaction.getOrDefault(year, Map.of());
        Map<ParticipationKey, PracticeTally> practice = lea.practice.getOrDefault(year, Map.of());
        Map<String, EducatorOutcomes> outcomes = lea.outcomes.getOrDefault(year, Map.of());

        // §4.1: P is every (activity, educator) in any in-force row of the four participation extracts
        TreeSet<ParticipationKey> p = new TreeSet<>(enrolled);
        p.addAll(attendance.keySet());
        p.addAll(satisfaction.keySet());
        p.addAll(practice.keySet());

        Map<String, Double> growthZ = new HashMap<>();
        List<EducatorActivity> participation = new ArrayList<>(p.size());
        Map<String, EducatorUnit> units = new TreeMap<>();
        for (ParticipationKey key : p) {
            Activity activity = activities.get(key.activityId());
            if (activity == null) {
                // cannot happen: rows naming an activity not in force are rejected (unknown_activity, §2)
                throw new IllegalStateException(
                        "activity " + key.activityId() + " of LEA " + lea.leaId + " is not in force");
            }
            Double z = growthZ.computeIfAbsent(key.educatorId(), e -> growth.educatorGrowthZ(outcomes.get(e)));
            EducatorActivity element = new EducatorActivity(
                    activity,
                    key.educatorId(),
                    enrolled.contains(key),
                    attendance.get(key),
                    satisfaction.get(key),
                    practice.get(key),
                    z);
            participation.add(element);
            units.computeIfAbsent(
                            activity.cohortId() + '\u0001' + activity.plModel() + '\u0001' + key.educatorId(),
                            k -> new EducatorUnit(activity.cohortId(), activity.plModel(), key.educatorId(), z))
                    .add(element);
        }
        // §4.3: non-participants have outcome rows in the LEA-year and no element in P there
        List<Double> nonParticipants = new ArrayList<>();
        GainMoments comparisonPriorZ = new GainMoments(); // §4.7: the comparison rows of every cohort group
        for (Map.Entry<String, EducatorOutcomes> e : new TreeMap<>(outcomes).entrySet()) {
            if (!growthZ.containsKey(e.getKey())) {
                growth.addPriorZ(e.getValue(), comparisonPriorZ);
                Double z = growth.educatorGrowthZ(e.getValue());
                if (z != null) {
                    nonParticipants.add(z);
                }
            }
        }
        return new LeaYear(
                lea.leaId,
                year,
                Collections.unmodifiableMap(activities),
                List.copyOf(lea.funding.getOrDefault(year, List.of())),
                participation,
                List.copyOf(units.values()),
                nonParticipants,
                outcomes,
                lea.students.getOrDefault(year, 0),
                growth,
                comparisonPriorZ,
                lea);
    }

    public String leaId() {
        return leaId;
    }

    public int schoolYear() {
        return schoolYear;
    }

    /** In-force activities by activity_id. */
    public Map<String, Activity> activities() {
        return activities;
    }

    public List<FundingLine> funding() {
        return funding;
    }

    /** P elements sorted by activity_id, educator_id. */
    public List<EducatorActivity> participation() {
        return participation;
    }

    /** Units sorted by cohort_id, pl_model, educator_id. */
    public List<EducatorUnit> units() {
        return units;
    }

    /** Growth z of the LEA-year's non-participants with one (§4.3), in educator order. */
    public List<Double> nonParticipantGrowthZ() {
        return nonParticipantGrowthZ;
    }

    public EducatorOutcomes outcomes(String educatorId) {
        return outcomes.get(educatorId);
    }

    /**
     * A baseline equivalence test (§4.7) for one cohort group, its comparison rows (the prior z of
     * the LEA-year's non-participants) already in; the caller adds the group's treatment educators.
     */
    public BaselineEquivalence baselineEquivalence() {
        GainMoments comparison = new GainMoments();
        comparison.merge(comparisonPriorZ);
        return new BaselineEquivalence(growth, comparison);
    }

    /** Size of the LEA-year's student index space (for distinct counts). */
    public int students() {
        return students;
    }

    /** The statewide standardization of §4.3 the LEA-year was assembled with. */
    public GrowthStandardization growth() {
        return growth;
    }

    /** Rubric dimensions by the index the measures' per-dimension methods take (§4.9). */
    public List<String> dimensions() {
        return Collections.unmodifiableList(lea.dimensions);
    }

    /**
     * next_baseline of §4.8: the mean of every baseline-phase rating of the educator in this LEA in
     * the next school year (any activity, any cohort), null when none. The next year's tallies are
     * already folded in the same {@link LeaModel}: no extract is read again.
     */
    public Double nextBaseline(String educatorId) {
        if (nextBaselines == null) {
            lea.requireRead(schoolYear + 1);
            Map<String, long[]> sums = new HashMap<>();
            for (Map.Entry<ParticipationKey, PracticeTally> e :
                    lea.practice.getOrDefault(schoolYear + 1, Map.of()).entrySet()) {
                PracticeTally t = e.getValue();
                if (t.baselineN > 0) {
                    long[] s = sums.computeIfAbsent(e.getKey().educatorId(), k -> new long[2]);
                    s[0] += t.baselineSum;
                    s[1] += t.baselineN;
                }
            }
            nextBaselines = sums;
        }
        long[] s = nextBaselines.get(educatorId);
        return s == null ? null : (double) s[0] / s[1];
    }

    /** Total pl_funding amount per activity_id (exact decimal, §4). */
    public Map<String, BigDecimal> fundingByActivity() {
        if (fundingByActivity == null) {
            Map<String, BigDecimal> total = new HashMap<>();
            for (FundingLine f : funding) {
                total.merge(f.activityId(), f.amountUsd(), BigDecimal::add);
            }
            fundingByActivity = Collections.unmodifiableMap(total);
        }
        return fundingByActivity;
    }
}
