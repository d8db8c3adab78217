package org.sea.pli.report;

import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.parquet.MartRecord;

/** One ranked cohort of bright_spots (spec §5.6). */
record BrightSpotRow(
        String schoolYear,
        Integer rank,
        String leaId,
        String cohortId,
        String plModel,
        Integer nPracticePairs,
        Double practiceChangeMean,
        Double practiceChangeCiLow,
        Double practiceChangeCiHigh,
        Double practiceChangeShrunk,
        Double effectSize,
        Double improvedRate,
        Double costPerImproved)
        implements ReportMarts.YearRow {

    static final String MART = BrightSpotsMart.NAME;

    static BrightSpotRow from(MartRecord r) {
        return new BrightSpotRow(
                r.string("school_year"),
                r.int32("rank"),
                r.string("lea_id"),
                r.string("cohort_id"),
                r.string("pl_model"),
                r.int32("n_practice_pairs"),
                r.float64("practice_change_mean"),
                r.float64("practice_change_ci_low"),
                r.float64("practice_change_ci_high"),
                r.float64("practice_change_shrunk"),
                r.float64("effect_size"),
                r.float64("improved_rate"),
                r.float64("cost_per_improved"));
    }
}
