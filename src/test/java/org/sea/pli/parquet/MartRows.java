package org.sea.pli.parquet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small typed fixture rows for the mart writer tests. */
final class MartRows {
    private MartRows() {}

    /** A row from column name → value pairs; unnamed columns are null. */
    static Object[] row(MartSchema schema, Object... pairs) {
        Object[] values = new Object[schema.columns().size()];
        for (int i = 0; i < pairs.length; i += 2) {
            values[schema.index((String) pairs[i])] = pairs[i + 1];
        }
        return values;
    }

    record Partitioned(String schoolYear, Object[] values) {}

    /** cohort_impact rows over two school years, sorted by the mart key, with every type and nulls. */
    static List<Partitioned> cohortImpact(MartSchema s) {
        List<Partitioned> rows = new ArrayList<>();
        rows.add(new Partitioned(
                "2024-25",
                row(
                        s,
                        "lea_id",
                        "lea-001",
                        "cohort_id",
                        "c1",
                        "pl_model",
                        "coaching",
                        "activities",
                        3,
                        "cost_usd",
                        new BigDecimal("12.50"),
                        "n_educators",
                        25,
                        "n_attended",
                        24,
                        "minutes_mean",
                        312.5,
                        "sustained_rate",
                        0.75,
                        "satisfaction_mean",
                        4.25,
                        "n_practice_pairs",
                        12,
                        "practice_baseline_mean",
                        2.1,
                        "practice_followup_mean",
                        2.9,
                        "practice_change_mean",
                        0.8,
                        "practice_change_sd",
                        0.4,
                        "effect_size",
                        2.0,
                        "improved_rate",
                        0.5,
                        "change_evidence_rate",
                        0.5,
                        "n_students",
                        40,
                        "student_growth_z_mean",
                        0.12,
                        "comparison_growth_z_mean",
                        -0.03,
                        "student_growth_z_diff",
                        0.15,
                        "cost_per_attended",
                        0.5208333333333334,
                        "cost_per_improved",
                        2.0833333333333335,
                        "suppressed",
                        false,
                        "student_suppressed",
                        false)));
        rows.add(new Partitioned(
                "2024-25",
                row(
                        s,
                        "lea_id",
                        "lea-002",
                        "cohort_id",
                        "c9",
                        "pl_model",
                        "workshop",
                        "activities",
                        1,
                        "cost_usd",
                        new BigDecimal("0"),
                        "suppressed",
                        true,
                        "student_suppressed",
                        true)));
        rows.add(new Partitioned(
                "2025-26",
                row(
                        s,
                        "lea_id",
                        "lea-001",
                        "cohort_id",
                        "c1",
                        "pl_model",
                        "plc",
                        "activities",
                        2,
                        "cost_usd",
                        new BigDecimal("1234567.89"),
                        "n_educators",
                        11,
                        "n_attended",
                        10,
                        "minutes_mean",
                        90.0,
                        "sustained_rate",
                        0.1,
                        "satisfaction_mean",
                        null,
                        "n_practice_pairs",
                        0,
                        "improved_rate",
                        null,
                        "suppressed",
                        false,
                        "student_suppressed",
                        true)));
        return rows;
    }

    /** load_report rows (unpartitioned), every column type of that mart, nulls included. */
    static List<Object[]> loadReport(MartSchema s) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(
                s,
                "lea_id",
                "lea-001",
                "extract",
                null,
                "file",
                "notes.txt",
                "extract_date",
                null,
                "sha256",
                "ab".repeat(32),
                "status",
                "ignored",
                "reason",
                "unknown_file"));
        rows.add(row(
                s,
                "lea_id",
                "lea-001",
                "extract",
                "attendance",
                "file",
                "attendance_2026-06-01.csv",
                "extract_date",
                LocalDate.of(2026, 6, 1),
                "sha256",
                "cd".repeat(32),
                "rows_read",
                1_000_000L,
                "rows_accepted",
                999_990L,
                "rows_rejected",
                10L,
                "status",
                "in_force",
                "reject_reasons",
                "{\"out_of_range\":10}",
                "unknown_columns",
                "comment,extra"));
        return rows;
    }
}
