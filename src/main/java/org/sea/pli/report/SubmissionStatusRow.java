package org.sea.pli.report;

import java.time.LocalDate;
import org.sea.pli.mart.SubmissionStatusMart;
import org.sea.pli.parquet.MartRecord;

/** One (school year, LEA, extract) of submission_status (spec §5.11). */
record SubmissionStatusRow(
        String schoolYear,
        String leaId,
        String extract,
        String status,
        Integer files,
        String inForceFile,
        LocalDate inForceExtractDate,
        Long rowsInForce,
        Integer daysSinceInForce,
        String latestFile,
        String latestStatus) {

    static final String MART = SubmissionStatusMart.NAME;

    static SubmissionStatusRow from(MartRecord r) {
        return new SubmissionStatusRow(
                r.string("school_year"),
                r.string("lea_id"),
                r.string("extract"),
                r.string("status"),
                r.int32("files"),
                r.string("in_force_file"),
                r.date("in_force_extract_date"),
                r.int64("rows_in_force"),
                r.int32("days_since_in_force"),
                r.string("latest_file"),
                r.string("latest_status"));
    }
}
