package org.sea.pli.report;

import org.sea.pli.mart.PracticePersistenceMart;
import org.sea.pli.parquet.MartRecord;

/** Change in year Y and what remained in Y+1, by PL model and sustained attendance (practice_persistence, spec §5.10). */
record PracticePersistenceRow(
        String schoolYear,
        String plModel,
        Boolean sustained,
        Integer nUnits,
        Integer nFollowed,
        Double practiceChangeMean,
        Double retainedChangeMean,
        Double retainedChangeCiLow,
        Double retainedChangeCiHigh,
        Double fadeMean,
        Double persistenceRatio,
        boolean suppressed) {

    static final String MART = PracticePersistenceMart.NAME;

    static PracticePersistenceRow from(MartRecord r) {
        return new PracticePersistenceRow(
                r.string("school_year"),
                r.string("pl_model"),
                r.bool("sustained"),
                r.int32("n_units"),
                r.int32("n_followed"),
                r.float64("practice_change_mean"),
                r.float64("retained_change_mean"),
                r.float64("retained_change_ci_low"),
                r.float64("retained_change_ci_high"),
                r.float64("fade_mean"),
                r.float64("persistence_ratio"),
                Boolean.TRUE.equals(r.bool("suppressed")));
    }

    boolean isSustained() {
        return Boolean.TRUE.equals(sustained);
    }
}
