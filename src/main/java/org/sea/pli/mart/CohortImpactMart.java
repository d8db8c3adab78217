package org.sea.pli.mart;

import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.GroupImpact;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;
import org.sea.pli.parquet.MartSchema;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mart {@code cohort_impact} (SPEC §5.2): one row per (lea_id, cohort_id, pl_model) of a school
 * year. Keeps the school year's rows for {@link BrightSpotsMart}, which ranks them (§5.6).
 */
public final class CohortImpactMart implements YearMart {

    public static final String NAME = "cohort_impact";

    /** A cohort_impact row as bright_spots needs it. */
    public record CohortRow(String leaId, String cohortId, String plModel, GroupImpact impact, Double costPerImproved,
                            boolean suppressed) {
    }

    private final MartRow shape = new MartRow(MartSchema.load(NAME));
    private final MartSettings settings;
    private final List<CohortRow> year = new ArrayList<>();
    private String yearPartition;

    public CohortImpactMart(MartSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The rows of the school year being computed (or just ended), in key order. */
    public List<CohortRow> yearRows() {
        return Collections.unmodifiableList(year);
    }

    @Override
    public void lea(LeaYear ly, String partition, MartSink sink) throws IOException {
        if (!partition.equals(yearPartition)) { // kept until the next year starts: bright_spots reads them at endYear
            year.clear();
            yearPartition = partition;
        }
        Map<String, List<EducatorUnit>> groups = new LinkedHashMap<>(); // units come sorted by cohort, model
        for (EducatorUnit u : ly.units()) {
            groups.computeIfAbsent(u.cohortId() + '\u0001' + u.plModel(), k -> new ArrayList<>()).add(u);
        }
        Map<String, Set<String>> activitiesByGroup = new HashMap<>();
        for (EducatorActivity e : ly.participation()) {
            activitiesByGroup.computeIfAbsent(e.activity().cohortId() + '\u0001' + e.activity().plModel(),
                    k -> new TreeSet<>()).add(e.activity().activityId());
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
            for (EducatorUnit u : units) {
                impact.add(u, settings.improvedThreshold());
                if (u.studentGrowthZ() != null) {
                    growthZ.add(u.studentGrowthZ());
                    ly.growth().addStudents(ly.outcomes(u.educatorId()), students);
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
            ImpactColumns.set(shape, r, impact);
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
            boolean suppressed = settings.suppressed(impact.nEducators);
            boolean studentSuppressed = suppressed || settings.suppressed(nStudents);
            shape.set(r, "suppressed", suppressed);
            shape.set(r, "student_suppressed", studentSuppressed);
            if (suppressed) {
                shape.suppress(r, "educator");
            }
            if (studentSuppressed) {
                shape.suppress(r, "student");
            }
            sink.row(NAME, partition, r);
            year.add(new CohortRow(ly.leaId(), first.cohortId(), first.plModel(), impact, costPerImproved, suppressed));
        }
    }

}
