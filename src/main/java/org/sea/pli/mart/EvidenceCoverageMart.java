package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.FundingLine;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/** Mart {@code evidence_coverage} (spec §5.5): how much of an LEA-year's PL has evidence of change. */
public final class EvidenceCoverageMart extends SchemaYearMart {

    public static final String NAME = "evidence_coverage";

    /** §5.5: one row per LEA-year. */
    public EvidenceCoverageMart(MartSettings settings) {
        super(NAME, settings);
    }

    @Override
    public List<Object[]> part(LeaYear ly) {
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
        return List.<Object[]>of(r);
    }

    /** The LEA-year's one row. */
    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) throws IOException {
        for (Object[] r : part) {
            sink.row(NAME, partition, r);
        }
    }
}
