package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sea.pli.model.BaselineEquivalence;
import org.sea.pli.model.CohortShrinkage;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.GroupImpact;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/**
 * Mart {@code cohort_impact} (spec §5.2): one row per (lea_id, cohort_id, pl_model) of a school
 * year. The shrunk change of §4.6 needs every cohort group of the year, so the year's rows (one
 * per cohort group: small) are held until {@link #endYear} and written there. Rows leave here
 * whole: suppression (§5, §5.12) is the disclosure step's, which decides on the counts.
 */
public final class CohortImpactMart extends SchemaYearMart {

    public static final String NAME = "cohort_impact";

    /** The year's rows, waiting for the year's shrinkage (§4.6). */
    private final List<Object[]> pending = new ArrayList<>();

    private final int nPracticePairs;
    private final int changeMean;
    private final int changeSd;

    public CohortImpactMart(MartSettings settings) {
        super(NAME, settings);
        nPracticePairs = shape.schema().index("n_practice_pairs");
        changeMean = shape.schema().index("practice_change_mean");
        changeSd = shape.schema().index("practice_change_sd");
    }

    /** The LEA-year's rows, one per cohort group in key order, all but the shrinkage set. */
    @Override
    public List<Object[]> part(LeaYear ly) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, List<EducatorUnit>> groups = new LinkedHashMap<>(); // units come sorted by cohort, model
        for (EducatorUnit u : ly.units()) {
            groups.computeIfAbsent(u.cohortId() + '\u0001' + u.plModel(), k -> new ArrayList<>())
                    .add(u);
        }
        Map<String, Set<String>> activitiesByGroup = new HashMap<>();
        for (EducatorActivity e : ly.participation()) {
            activitiesByGroup
                    .computeIfAbsent(
                            e.activity().cohortId() + '\u0001' + e.activity().plModel(), k -> new TreeSet<>())
                    .add(e.activity().activityId());
        }
        Map<String, BigDecimal> fundingByActivity = ly.fundingByActivity();
        Sample comparison = new Sample();
        ly.nonParticipantGrowthZ().forEach(comparison::add);
        for (Map.Entry<String, List<EducatorUnit>> g : groups.entrySet()) {
            List<EducatorUnit> units = g.getValue();
            EducatorUnit first = units.get(0);
            GroupImpact impact = new GroupImpact();
            Sample growthZ = new Sample();
            BitSet students = new BitSet(ly.students());
            BaselineEquivalence baseline = ly.baselineEquivalence();
            for (EducatorUnit u : units) {
                impact.add(u, settings.improvedThreshold());
                if (u.studentGrowthZ() != null) {
                    growthZ.add(u.studentGrowthZ());
                    ly.growth().addStudents(ly.outcomes(u.educatorId()), students);
                    baseline.addTreatment(ly.outcomes(u.educatorId())); // §4.7 treatment rows
                }
            }
            Set<String> activities = activitiesByGroup.get(g.getKey());
            BigDecimal cost = BigDecimal.ZERO.setScale(2);
            for (String a : activities) {
                cost = cost.add(fundingByActivity.getOrDefault(a, BigDecimal.ZERO));
            }
            Object[] r = shape.empty();
            shape.set(r, "lea_id", ly.leaId());
            shape.set(r, "cohort_id", first.cohortId());
            shape.set(r, "pl_model", first.plModel());
            shape.set(r, "activities", activities.size());
            shape.set(r, "cost_usd", cost);
            ImpactColumns.set(shape, r, impact);
            shape.set(r, "change_evidence_rate", impact.changeEvidenceRate());
            int nStudents = students.cardinality();
            Double growthMean = growthZ.mean();
            Double comparisonMean = comparison.mean();
            shape.set(r, "n_students", nStudents);
            shape.set(r, "student_growth_z_mean", growthMean);
            shape.set(r, "comparison_growth_z_mean", comparisonMean);
            shape.set(
                    r,
                    "student_growth_z_diff",
                    growthMean == null || comparisonMean == null ? null : growthMean - comparisonMean);
            shape.set(r, "cost_per_attended", Sample.ratio(cost.doubleValue(), impact.nAttended));
            shape.set(r, "cost_per_improved", Sample.ratio(cost.doubleValue(), impact.nImproved));
            shape.set(r, "practice_change_ci_low", impact.practiceChangeCi(-1));
            shape.set(r, "practice_change_ci_high", impact.practiceChangeCi(1));
            // §4.5: the group's units with student_growth_z against the non-participants with one
            shape.set(r, "student_growth_z_diff_ci_low", Sample.differenceCi(growthZ, comparison, -1));
            shape.set(r, "student_growth_z_diff_ci_high", Sample.differenceCi(growthZ, comparison, 1));
            shape.set(r, "baseline_es", baseline.effectSize());
            shape.set(r, "baseline_equivalence", baseline.category());
            rows.add(r);
        }
        return rows;
    }

    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) {
        pending.addAll(part);
    }

    /**
     * §4.6 over every cohort group of the year, small ones included (in key order, the order the
     * rows were kept in), then the rows are written in key order.
     */
    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        List<CohortShrinkage.Group> groups = new ArrayList<>(pending.size());
        for (Object[] r : pending) {
            // the group's own figures, as the row holds them (§5.2 sets them from the same units)
            groups.add(new CohortShrinkage.Group(
                    (Integer) r[nPracticePairs], (Double) r[changeMean], (Double) r[changeSd]));
        }
        CohortShrinkage shrinkage = CohortShrinkage.fit(groups);
        for (int i = 0; i < pending.size(); i++) {
            Object[] r = pending.get(i);
            shape.set(r, "practice_change_shrunk", shrinkage.shrunk(i));
            shape.set(r, "shrinkage", shrinkage.shrinkage(i));
            sink.row(NAME, partition, r);
        }
        pending.clear();
    }
}
