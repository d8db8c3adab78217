package org.sea.pli.report;

import java.math.BigDecimal;
import org.sea.pli.mart.ModelComparisonMart;
import org.sea.pli.parquet.MartRecord;

/** One PL model in one school year, statewide (model_comparison, spec §5.3). */
record ModelComparisonRow(
        String schoolYear,
        String plModel,
        Integer leas,
        Integer nEducators,
        Double sustainedRate,
        Integer nPracticePairs,
        Double practiceChangeMean,
        Double practiceChangeCiLow,
        Double practiceChangeCiHigh,
        Double improvedRate,
        BigDecimal costUsd,
        boolean suppressed)
        implements ReportMarts.YearRow {

    static final String MART = ModelComparisonMart.NAME;

    static ModelComparisonRow from(MartRecord r) {
        return new ModelComparisonRow(
                r.string("school_year"),
                r.string("pl_model"),
                r.int32("leas"),
                r.int32("n_educators"),
                r.float64("sustained_rate"),
                r.int32("n_practice_pairs"),
                r.float64("practice_change_mean"),
                r.float64("practice_change_ci_low"),
                r.float64("practice_change_ci_high"),
                r.float64("improved_rate"),
                r.decimal("cost_usd"),
                Boolean.TRUE.equals(r.bool("suppressed")));
    }
}
