package org.sea.pli.report;

import java.math.BigDecimal;
import org.sea.pli.mart.CohortImpactMart;
import org.sea.pli.parquet.MartRecord;

/** One cohort of cohort_impact (spec §5.2): the columns the LEA page shows. */
record CohortImpactRow(
        String schoolYear,
        String leaId,
        String cohortId,
        String plModel,
        Integer activities,
        BigDecimal costUsd,
        Integer nEducators,
        Integer nAttended,
        Double sustainedRate,
        Double satisfactionMean,
        Integer nPracticePairs,
        Double practiceChangeMean,
        Double practiceChangeCiLow,
        Double practiceChangeCiHigh,
        Double practiceChangeShrunk,
        Double effectSize,
        Double improvedRate,
        Double costPerImproved,
        Double studentGrowthZDiff,
        Double studentGrowthZDiffCiLow,
        Double studentGrowthZDiffCiHigh,
        String baselineEquivalence,
        boolean suppressed,
        boolean studentSuppressed) {

    static final String MART = CohortImpactMart.NAME;

    static CohortImpactRow from(MartRecord r) {
        return new CohortImpactRow(
                r.string("school_year"),
                r.string("lea_id"),
                r.string("cohort_id"),
                r.string("pl_model"),
                r.int32("activities"),
                r.decimal("cost_usd"),
                r.int32("n_educators"),
                r.int32("n_attended"),
                r.float64("sustained_rate"),
                r.float64("satisfaction_mean"),
                r.int32("n_practice_pairs"),
                r.float64("practice_change_mean"),
                r.float64("practice_change_ci_low"),
                r.float64("practice_change_ci_high"),
                r.float64("practice_change_shrunk"),
                r.float64("effect_size"),
                r.float64("improved_rate"),
                r.float64("cost_per_improved"),
                r.float64("student_growth_z_diff"),
                r.float64("student_growth_z_diff_ci_low"),
                r.float64("student_growth_z_diff_ci_high"),
                r.string("baseline_equivalence"),
                Boolean.TRUE.equals(r.bool("suppressed")),
                Boolean.TRUE.equals(r.bool("student_suppressed")));
    }

    /** The row key of the cohort tables: school year, cohort, model. */
    String key() {
        return schoolYear + "|" + cohortId + "|" + plModel;
    }
}
