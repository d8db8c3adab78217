package org.sea.pli.report;

import org.sea.pli.mart.PracticeByDimensionMart;
import org.sea.pli.parquet.MartRecord;

/** One PL model × rubric dimension cell in one school year (practice_by_dimension, spec §5.9). */
record PracticeByDimensionRow(
        String schoolYear,
        String plModel,
        String dimension,
        Integer nEducators,
        Double practiceChangeMean,
        Double practiceChangeCiLow,
        Double practiceChangeCiHigh,
        boolean suppressed) {

    static final String MART = PracticeByDimensionMart.NAME;

    static PracticeByDimensionRow from(MartRecord r) {
        return new PracticeByDimensionRow(
                r.string("school_year"),
                r.string("pl_model"),
                r.string("dimension"),
                r.int32("n_educators"),
                r.float64("practice_change_mean"),
                r.float64("practice_change_ci_low"),
                r.float64("practice_change_ci_high"),
                Boolean.TRUE.equals(r.bool("suppressed")));
    }
}
