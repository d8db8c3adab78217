package org.sea.pli.generate;

/**
 * Planted bad rows (spec §2 row reasons), each a mutation of a good row just written. All are extra
 * rows: no real record is lost, so nothing cascades into {@code unknown_activity} elsewhere.
 */
enum Defect {
    ACT_END_BEFORE_START(Extract.PL_ACTIVITIES, "out_of_range"),
    ACT_BAD_MODEL(Extract.PL_ACTIVITIES, "bad_enum"),
    FUND_THOUSANDS_SEPARATOR(Extract.PL_FUNDING, "bad_type"),
    FUND_THREE_DECIMALS(Extract.PL_FUNDING, "out_of_range"),
    FUND_BAD_SOURCE(Extract.PL_FUNDING, "bad_enum"),
    ENR_MISSING_EDUCATOR(Extract.ENROLLMENTS, "missing_value"),
    ENR_BAD_ROLE(Extract.ENROLLMENTS, "bad_enum"),
    ENR_BAD_ID(Extract.ENROLLMENTS, "bad_type"),
    ATT_EXTRA_FIELD(Extract.ATTENDANCE, "malformed_row"),
    ATT_MINUTES_ZERO(Extract.ATTENDANCE, "out_of_range"),
    ATT_MINUTES_DECIMAL(Extract.ATTENDANCE, "bad_type"),
    ATT_OUTSIDE_YEAR(Extract.ATTENDANCE, "out_of_range"),
    ATT_DUPLICATE(Extract.ATTENDANCE, "duplicate_key"),
    ATT_UNKNOWN_ACTIVITY(Extract.ATTENDANCE, "unknown_activity"),
    SAT_ITEM_SIX(Extract.SATISFACTION, "out_of_range"),
    SAT_ALL_BLANK(Extract.SATISFACTION, "out_of_range"),
    ART_SCORE_FIVE(Extract.ARTIFACT_RATINGS, "out_of_range"),
    ART_BAD_DIMENSION(Extract.ARTIFACT_RATINGS, "bad_enum"),
    ART_BAD_DATE(Extract.ARTIFACT_RATINGS, "bad_type"),
    ART_DUPLICATE(Extract.ARTIFACT_RATINGS, "duplicate_key"),
    ART_UNKNOWN_ACTIVITY(Extract.ARTIFACT_RATINGS, "unknown_activity"),
    OUT_GRADE_13(Extract.STUDENT_OUTCOMES, "out_of_range"),
    OUT_PRIOR_NAN(Extract.STUDENT_OUTCOMES, "out_of_range"),
    OUT_BAD_SCHOOL_YEAR(Extract.STUDENT_OUTCOMES, "bad_type"),
    OUT_MISSING_SCORE(Extract.STUDENT_OUTCOMES, "missing_value"),
    OUT_DUPLICATE(Extract.STUDENT_OUTCOMES, "duplicate_key");

    final Extract extract;
    /** The spec §2 reason a conforming validator must give this row. */
    final String reason;

    Defect(Extract extract, String reason) {
        this.extract = extract;
        this.reason = reason;
    }

    boolean extraField() {
        return this == ATT_EXTRA_FIELD;
    }

    /** Mutates a copy of a good row (canonical column order) into this defect. */
    void mutate(String[] f) {
        Extract x = extract;
        int syStart = Integer.parseInt(f[x.col("school_year")].substring(0, 4));
        switch (this) {
            case ACT_END_BEFORE_START -> {
                f[x.col("activity_id")] += "-r";
                String end = f[x.col("end_date")];
                f[x.col("start_date")] = end;
                f[x.col("end_date")] = Dates.iso(Dates.parse(end) - 1);
            }
            case ACT_BAD_MODEL -> {
                f[x.col("activity_id")] += "-w";
                f[x.col("pl_model")] = "webinar";
            }
            case FUND_THOUSANDS_SEPARATOR -> f[x.col("amount_usd")] = "1,250.00";
            case FUND_THREE_DECIMALS -> f[x.col("amount_usd")] = "12.505";
            case FUND_BAD_SOURCE -> f[x.col("funding_source")] = "esser";
            case ENR_MISSING_EDUCATOR -> f[x.col("educator_id")] = "";
            case ENR_BAD_ROLE -> f[x.col("role")] = "principal";
            case ENR_BAD_ID -> f[x.col("educator_id")] = "j.smith@district.org";
            case ATT_MINUTES_ZERO -> f[x.col("minutes")] = "0";
            case ATT_MINUTES_DECIMAL -> f[x.col("minutes")] = "45.5";
            case ATT_OUTSIDE_YEAR -> f[x.col("session_date")] = (syStart + 1) + "-07-02";
            case ATT_UNKNOWN_ACTIVITY -> f[x.col("activity_id")] += "-old";
            case ART_UNKNOWN_ACTIVITY -> {
                // the rating key has no activity_id: a new artifact id keeps it from being a duplicate_key
                f[x.col("activity_id")] += "-old";
                f[x.col("artifact_id")] += "-old";
            }
            case SAT_ITEM_SIX -> f[x.col("relevance")] = "6";
            case SAT_ALL_BLANK -> {
                f[x.col("relevance")] = "";
                f[x.col("quality")] = "";
                f[x.col("intent_to_apply")] = "";
            }
            case ART_SCORE_FIVE -> f[x.col("score")] = "5";
            case ART_BAD_DIMENSION -> f[x.col("dimension")] = "creativity";
            case ART_BAD_DATE -> f[x.col("rated_on")] = (syStart + 1) + "-02-30";
            case OUT_GRADE_13 -> f[x.col("grade")] = "13";
            case OUT_PRIOR_NAN -> f[x.col("prior_score")] = "NaN";
            case OUT_BAD_SCHOOL_YEAR -> f[x.col("school_year")] = syStart + "-" + (syStart + 1);
            case OUT_MISSING_SCORE -> f[x.col("score")] = " ";
            default -> {
                // duplicates and the extra field keep the row as it is
            }
        }
    }
}
