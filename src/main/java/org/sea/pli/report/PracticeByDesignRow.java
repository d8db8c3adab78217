package org.sea.pli.report;

import org.sea.pli.mart.PracticeByDesignMart;
import org.sea.pli.parquet.MartRecord;

/** One level of one PL design factor in one school year (practice_by_design, spec §5.8). */
record PracticeByDesignRow(
        String schoolYear,
        String factor,
        String level,
        Integer nElements,
        Integer nPracticePairs,
        Double practiceChangeMean,
        Double practiceChangeCiLow,
        Double practiceChangeCiHigh,
        Double improvedRate,
        Double allocatedCostUsd,
        Double costPerImproved,
        boolean suppressed) {

    static final String MART = PracticeByDesignMart.NAME;

    static PracticeByDesignRow from(MartRecord r) {
        return new PracticeByDesignRow(
                r.string("school_year"),
                r.string("factor"),
                r.string("level"),
                r.int32("n_elements"),
                r.int32("n_practice_pairs"),
                r.float64("practice_change_mean"),
                r.float64("practice_change_ci_low"),
                r.float64("practice_change_ci_high"),
                r.float64("improved_rate"),
                r.float64("allocated_cost_usd"),
                r.float64("cost_per_improved"),
                Boolean.TRUE.equals(r.bool("suppressed")));
    }
}
