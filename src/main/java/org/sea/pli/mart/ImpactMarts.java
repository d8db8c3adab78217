package org.sea.pli.mart;

import org.sea.pli.extract.SchoolYear;
import org.sea.pli.model.Activity;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.FundingLine;
import org.sea.pli.model.GroupImpact;
import org.sea.pli.model.GrowthStandardization;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;
import org.sea.pli.parquet.MartSchema;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The six analytical marts of SPEC.md §5.1–§5.6, computed from the LEA models and streamed to a
 * {@link MartSink} school year by school year, LEA by LEA, each mart in its key order. Every
 * floating-point sum runs in key order, so the bytes do not depend on thread count (§6).
 */
public final class ImpactMarts {

    public static final String EDUCATOR_ACTIVITY = "educator_activity";
    public static final String COHORT_IMPACT = "cohort_impact";
    public static final String MODEL_COMPARISON = "model_comparison";
    public static final String FUNDING_EFFICIENCY = "funding_efficiency";
    public static final String EVIDENCE_COVERAGE = "evidence_coverage";
    public static final String BRIGHT_SPOTS = "bright_spots";
    public static final List<String> NAMES = List.of(EDUCATOR_ACTIVITY, COHORT_IMPACT, MODEL_COMPARISON,
            FUNDING_EFFICIENCY, EVIDENCE_COVERAGE, BRIGHT_SPOTS);

    private final int minCellSize;
    private final BigDecimal improvedThreshold;
    private final int brightSpots;
    private final EducatorPseudonym pseudonym;
    private final Map<String, MartRow> shapes = new HashMap<>();

    public ImpactMarts(int minCellSize, double improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {
        this.minCellSize = minCellSize;
        this.improvedThreshold = BigDecimal.valueOf(improvedThreshold);
        this.brightSpots = brightSpots;
        this.pseudonym = pseudonym;
        for (String mart : NAMES) {
            shapes.put(mart, new MartRow(MartSchema.load(mart)));
        }
    }

    public void write(List<LeaModel> leas, MartSink sink) throws IOException {
        GrowthStandardization growth = GrowthStandardization.of(leas);
        TreeSet<Integer> years = new TreeSet<>();
        leas.forEach(l -> years.addAll(l.years()));
        for (int year : years) {
            String partition = SchoolYear.format(year);
            Map<String, ModelGroup> models = new TreeMap<>();
            List<CohortRow> cohorts = new ArrayList<>();
            for (LeaModel lea : leas) {
                if (!lea.years().contains(year)) {
                    continue;
                }
                LeaYear ly = LeaYear.of(lea, year, growth);
                Map<String, BigDecimal> fundingByActivity = fundingByActivity(ly);
                educatorActivity(ly, partition, sink);
                cohorts.addAll(cohortImpact(ly, fundingByActivity, growth, partition, sink));
                fundingEfficiency(ly, partition, sink);
                evidenceCoverage(ly, partition, sink);
                for (EducatorUnit u : ly.units()) {
                    ModelGroup m = models.computeIfAbsent(u.plModel(), k -> new ModelGroup());
                    m.impact.add(u, improvedThreshold);
                    m.leas.add(ly.leaId());
                    m.cohorts.add(ly.leaId() + '\u0001' + u.cohortId());
                }
                for (EducatorActivity e : ly.participation()) {
                    ModelGroup m = models.get(e.activity().plModel());
                    if (m.activities.add(ly.leaId() + '\u0001' + e.activity().activityId())) {
                        m.cost = m.cost.add(fundingByActivity.getOrDefault(e.activity().activityId(), BigDecimal.ZERO));
                    }
                }
            }
            modelComparison(models, partition, sink);
            brightSpots(cohorts, partition, sink);
        }
    }

    private static Map<String, BigDecimal> fundingByActivity(LeaYear ly) {
        Map<String, BigDecimal> total = new HashMap<>();
        for (FundingLine f : ly.funding()) {
            total.merge(f.activityId(), f.amountUsd(), BigDecimal::add);
        }
        return total;
    }

    /** §5.1: one row per P element, sorted by activity_id then educator_key. */
    private void educatorActivity(LeaYear ly, String partition, MartSink sink) throws IOException {
        MartRow shape = shapes.get(EDUCATOR_ACTIVITY);
        Map<String, String> keys = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(ly.participation().size());
        for (EducatorActivity e : ly.participation()) {
            Object[] r = shape.empty();
            shape.set(r, "lea_id", ly.leaId());
            shape.set(r, "activity_id", e.activity().activityId());
            shape.set(r, "educator_key", keys.computeIfAbsent(e.educatorId(), pseudonym::key));
            shape.set(r, "cohort_id", e.activity().cohortId());
            shape.set(r, "pl_model", e.activity().plModel());
            shape.set(r, "enrolled", e.enrolled());
            shape.set(r, "minutes_attended", e.minutesAttended());
            shape.set(r, "sessions_attended", e.sessionsAttended());
            shape.set(r, "sustained", e.sustained());
            shape.set(r, "satisfaction", e.satisfaction());
            shape.set(r, "practice_baseline", e.practiceBaseline());
            shape.set(r, "practice_followup", e.practiceFollowup());
            shape.set(r, "practice_change", e.practiceChange());
            shape.set(r, "improved", e.improved(improvedThreshold));
            shape.set(r, "student_growth_z", e.studentGrowthZ());
            shape.set(r, "evidence_level", e.evidenceLevel());
            rows.add(r);
        }
        int activity = shape.schema().index("activity_id");
        int key = shape.schema().index("educator_key");
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[activity]).thenComparing(r -> (String) r[key]));
        for (Object[] r : rows) {
            sink.row(EDUCATOR_ACTIVITY, partition, r);
        }
    }

    /** A cohort_impact row kept for bright_spots. */
    private record CohortRow(String leaId, String cohortId, String plModel, GroupImpact impact, Double costPerImproved,
                             boolean suppressed) {
    }

    /** §5.2: one row per (cohort_id, pl_model) of the LEA-year. */
    private List<CohortRow> cohortImpact(LeaYear ly, Map<String, BigDecimal> fundingByActivity,
                                         GrowthStandardization growth, String partition, MartSink sink)
            throws IOException {
        MartRow shape = shapes.get(COHORT_IMPACT);
        Map<String, List<EducatorUnit>> groups = new LinkedHashMap<>(); // units come sorted by cohort, model
        for (EducatorUnit u : ly.units()) {
            groups.computeIfAbsent(u.cohortId() + '\u0001' + u.plModel(), k -> new ArrayList<>()).add(u);
        }
        Map<String, Set<String>> activitiesByGroup = new HashMap<>();
        for (EducatorActivity e : ly.participation()) {
            activitiesByGroup.computeIfAbsent(e.activity().cohortId() + '\u0001' + e.activity().plModel(),
                    k -> new TreeSet<>()).add(e.activity().activityId());
        }
        Sample comparison = new Sample();
        ly.nonParticipantGrowthZ().forEach(comparison::add);
        List<CohortRow> kept = new ArrayList<>();
        for (Map.Entry<String, List<EducatorUnit>> g : groups.entrySet()) {
            List<EducatorUnit> units = g.getValue();
            EducatorUnit first = units.get(0);
            GroupImpact impact = new GroupImpact();
            Sample growthZ = new Sample();
            BitSet students = new BitSet(ly.students());
            for (EducatorUnit u : units) {
                impact.add(u, improvedThreshold);
                if (u.studentGrowthZ() != null) {
                    growthZ.add(u.studentGrowthZ());
                    growth.addStudents(ly.outcomes(u.educatorId()), students);
                }
            }
            Set<String> activities = activitiesByGroup.get(g.getKey());
            BigDecimal cost = BigDecimal.ZERO.setScale(2);
            for (String a : activities) {
                cost = cost.add(fundingByActivity.getOrDefault(a, BigDecimal.ZERO));
            }
            Double costPerImproved = Sample.ratio(cost.doubleValue(), impact.nImproved);
            Object[] r = shape.empty();
            shape.set(r, "lea_id", ly.leaId());
            shape.set(r, "cohort_id", first.cohortId());
            shape.set(r, "pl_model", first.plModel());
            shape.set(r, "activities", activities.size());
            shape.set(r, "cost_usd", cost);
            setImpact(shape, r, impact);
            shape.set(r, "change_evidence_rate", impact.changeEvidenceRate());
            int nStudents = students.cardinality();
            Double growthMean = growthZ.mean();
            Double comparisonMean = comparison.mean();
            shape.set(r, "n_students", nStudents);
            shape.set(r, "student_growth_z_mean", growthMean);
            shape.set(r, "comparison_growth_z_mean", comparisonMean);
            shape.set(r, "student_growth_z_diff",
                    growthMean == null || comparisonMean == null ? null : growthMean - comparisonMean);
            shape.set(r, "cost_per_attended", Sample.ratio(cost.doubleValue(), impact.nAttended));
            shape.set(r, "cost_per_improved", costPerImproved);
            boolean suppressed = impact.nEducators < minCellSize;
            boolean studentSuppressed = suppressed || nStudents < minCellSize;
            shape.set(r, "suppressed", suppressed);
            shape.set(r, "student_suppressed", studentSuppressed);
            if (suppressed) {
                shape.suppress(r, "educator");
            }
            if (studentSuppressed) {
                shape.suppress(r, "student");
            }
            sink.row(COHORT_IMPACT, partition, r);
            kept.add(new CohortRow(ly.leaId(), first.cohortId(), first.plModel(), impact, costPerImproved, suppressed));
        }
        return kept;
    }

    /** The §5.2 columns from n_educators to improved_rate, shared with §5.3. */
    private static void setImpact(MartRow shape, Object[] r, GroupImpact impact) {
        shape.set(r, "n_educators", impact.nEducators);
        shape.set(r, "n_attended", impact.nAttended);
        shape.set(r, "minutes_mean", impact.minutesMean());
        shape.set(r, "sustained_rate", impact.sustainedRate());
        shape.set(r, "satisfaction_mean", impact.satisfactionMean());
        shape.set(r, "n_practice_pairs", impact.nPracticePairs);
        shape.set(r, "practice_baseline_mean", impact.practiceBaselineMean());
        shape.set(r, "practice_followup_mean", impact.practiceFollowupMean());
        shape.set(r, "practice_change_mean", impact.practiceChangeMean());
        shape.set(r, "practice_change_sd", impact.practiceChangeSd());
        shape.set(r, "effect_size", impact.effectSize());
        shape.set(r, "improved_rate", impact.improvedRate());
    }

    /** Statewide units of one pl_model in one school year (§5.3). */
    private static final class ModelGroup {
        final GroupImpact impact = new GroupImpact();
        final Set<String> leas = new HashSet<>();
        final Set<String> cohorts = new HashSet<>();
        final Set<String> activities = new HashSet<>();
        BigDecimal cost = BigDecimal.ZERO.setScale(2);
    }

    private void modelComparison(Map<String, ModelGroup> models, String partition, MartSink sink) throws IOException {
        MartRow shape = shapes.get(MODEL_COMPARISON);
        for (Map.Entry<String, ModelGroup> e : models.entrySet()) {
            ModelGroup m = e.getValue();
            Object[] r = shape.empty();
            shape.set(r, "pl_model", e.getKey());
            shape.set(r, "leas", m.leas.size());
            shape.set(r, "cohorts", m.cohorts.size());
            shape.set(r, "cost_usd", m.cost);
            setImpact(shape, r, m.impact);
            shape.set(r, "practice_change_ci_low", m.impact.practiceChangeCi(-1));
            shape.set(r, "practice_change_ci_high", m.impact.practiceChangeCi(1));
            boolean suppressed = m.impact.nEducators < minCellSize;
            shape.set(r, "suppressed", suppressed);
            if (suppressed) {
                shape.suppress(r, "educator");
            }
            sink.row(MODEL_COMPARISON, partition, r);
        }
    }

    /** What §5.4 needs to know of one activity's P elements. */
    private static final class ActivityReach {
        int attended;
        int sustainedAttended;
        int improved;
    }

    /** §5.4: funding by (funding_source, pl_model), weighted by each row's share of its activity. */
    private void fundingEfficiency(LeaYear ly, String partition, MartSink sink) throws IOException {
        MartRow shape = shapes.get(FUNDING_EFFICIENCY);
        Map<String, ActivityReach> reach = new HashMap<>();
        for (EducatorActivity e : ly.participation()) {
            ActivityReach a = reach.computeIfAbsent(e.activity().activityId(), k -> new ActivityReach());
            if (e.attended()) {
                a.attended++;
                if (e.sustained()) {
                    a.sustainedAttended++;
                }
            }
            if (Boolean.TRUE.equals(e.improved(improvedThreshold))) {
                a.improved++;
            }
        }
        Map<String, BigDecimal> totals = fundingByActivity(ly);
        List<FundingLine> lines = new ArrayList<>(ly.funding());
        lines.sort(Comparator.comparing(FundingLine::fundingSource)
                .thenComparing(f -> ly.activities().get(f.activityId()).plModel())
                .thenComparing(FundingLine::activityId));
        Map<String, List<FundingLine>> groups = new LinkedHashMap<>();
        for (FundingLine f : lines) {
            groups.computeIfAbsent(f.fundingSource() + '\u0001' + ly.activities().get(f.activityId()).plModel(),
                    k -> new ArrayList<>()).add(f);
        }
        for (List<FundingLine> group : groups.values()) {
            BigDecimal amount = BigDecimal.ZERO.setScale(2);
            BigDecimal toolSpecific = BigDecimal.ZERO.setScale(2);
            BigDecimal sustained = BigDecimal.ZERO.setScale(2);
            double reached = 0;
            double improved = 0;
            Set<String> activities = new TreeSet<>();
            for (FundingLine f : group) {
                Activity activity = ly.activities().get(f.activityId());
                ActivityReach a = reach.getOrDefault(f.activityId(), new ActivityReach());
                amount = amount.add(f.amountUsd());
                activities.add(f.activityId());
                BigDecimal total = totals.get(f.activityId());
                if (total.signum() != 0) { // a null share adds 0
                    double share = f.amountUsd().doubleValue() / total.doubleValue();
                    reached += share * a.attended;
                    improved += share * a.improved;
                }
                if (activity.toolSpecific()) {
                    toolSpecific = toolSpecific.add(f.amountUsd());
                }
                if (a.attended > 0 && 2 * a.sustainedAttended >= a.attended) {
                    sustained = sustained.add(f.amountUsd());
                }
            }
            FundingLine first = group.get(0);
            Object[] r = shape.empty();
            shape.set(r, "lea_id", ly.leaId());
            shape.set(r, "funding_source", first.fundingSource());
            shape.set(r, "pl_model", ly.activities().get(first.activityId()).plModel());
            shape.set(r, "amount_usd", amount);
            shape.set(r, "activities", activities.size());
            shape.set(r, "educators_reached", reached);
            shape.set(r, "educators_improved", improved);
            shape.set(r, "cost_per_improved", Sample.ratio(amount.doubleValue(), improved));
            shape.set(r, "tool_specific_amount_usd", toolSpecific);
            shape.set(r, "sustained_amount_usd", sustained);
            sink.row(FUNDING_EFFICIENCY, partition, r);
        }
    }

    /** §5.5: one row per LEA-year. */
    private void evidenceCoverage(LeaYear ly, String partition, MartSink sink) throws IOException {
        MartRow shape = shapes.get(EVIDENCE_COVERAGE);
        Set<String> withAttendance = new HashSet<>();
        Set<String> withSatisfaction = new HashSet<>();
        Set<String> withArtifacts = new HashSet<>();
        Set<String> withOutcomes = new HashSet<>();
        Set<String> withChange = new HashSet<>();
        Set<String> educatorsAttended = new HashSet<>();
        Set<String> educatorsWithChange = new HashSet<>();
        for (EducatorActivity e : ly.participation()) {
            String a = e.activity().activityId();
            if (e.hasAttendance()) {
                withAttendance.add(a);
            }
            if (e.satisfaction() != null) {
                withSatisfaction.add(a);
            }
            if (e.hasRatings()) {
                withArtifacts.add(a);
            }
            if (e.studentGrowthZ() != null) {
                withOutcomes.add(a);
            }
            if (e.attended()) {
                educatorsAttended.add(e.educatorId());
            }
            if (e.practiceChange() != null) {
                withChange.add(a);
                educatorsWithChange.add(e.educatorId());
            }
        }
        int[] levels = new int[6];
        for (EducatorUnit u : ly.units()) {
            levels[u.evidenceLevel()]++;
        }
        BigDecimal dollars = BigDecimal.ZERO.setScale(2);
        BigDecimal withEvidence = BigDecimal.ZERO.setScale(2);
        for (FundingLine f : ly.funding()) {
            dollars = dollars.add(f.amountUsd());
            if (withChange.contains(f.activityId())) {
                withEvidence = withEvidence.add(f.amountUsd());
            }
        }
        Object[] r = shape.empty();
        shape.set(r, "lea_id", ly.leaId());
        shape.set(r, "activities", ly.activities().size());
        shape.set(r, "activities_with_attendance", withAttendance.size());
        shape.set(r, "activities_with_satisfaction", withSatisfaction.size());
        shape.set(r, "activities_with_artifacts", withArtifacts.size());
        shape.set(r, "activities_with_outcomes", withOutcomes.size());
        shape.set(r, "educators_attended", educatorsAttended.size());
        shape.set(r, "educators_with_change", educatorsWithChange.size());
        shape.set(r, "units_level_0", levels[0]);
        shape.set(r, "units_level_1", levels[1]);
        shape.set(r, "units_level_4", levels[4]);
        shape.set(r, "units_level_5", levels[5]);
        shape.set(r, "pl_dollars", dollars);
        shape.set(r, "pl_dollars_with_change_evidence", withEvidence);
        shape.set(r, "change_evidence_dollar_share", Sample.ratio(withEvidence.doubleValue(), dollars.doubleValue()));
        sink.row(EVIDENCE_COVERAGE, partition, r);
    }

    /** §5.6: unsuppressed cohorts with enough practice pairs, by practice change rounded to 9 places. */
    private void brightSpots(List<CohortRow> cohorts, String partition, MartSink sink) throws IOException {
        MartRow shape = shapes.get(BRIGHT_SPOTS);
        List<CohortRow> eligible = new ArrayList<>();
        for (CohortRow c : cohorts) {
            if (!c.suppressed() && c.impact().nPracticePairs >= minCellSize) {
                eligible.add(c);
            }
        }
        eligible.sort(Comparator.comparing((CohortRow c) -> rounded(c.impact().practiceChangeMean())).reversed()
                .thenComparing(CohortRow::leaId).thenComparing(CohortRow::cohortId).thenComparing(CohortRow::plModel));
        for (int i = 0; i < Math.min(brightSpots, eligible.size()); i++) {
            CohortRow c = eligible.get(i);
            Object[] r = shape.empty();
            shape.set(r, "rank", i + 1);
            shape.set(r, "lea_id", c.leaId());
            shape.set(r, "cohort_id", c.cohortId());
            shape.set(r, "pl_model", c.plModel());
            shape.set(r, "n_practice_pairs", c.impact().nPracticePairs);
            shape.set(r, "practice_change_mean", c.impact().practiceChangeMean());
            shape.set(r, "effect_size", c.impact().effectSize());
            shape.set(r, "improved_rate", c.impact().improvedRate());
            shape.set(r, "cost_per_improved", c.costPerImproved());
            sink.row(BRIGHT_SPOTS, partition, r);
        }
    }

    private static BigDecimal rounded(double v) {
        return new BigDecimal(v).setScale(9, RoundingMode.HALF_UP);
    }
}
