package org.sea.pli.generate;

/** The seven extracts of spec §2 with their columns in canonical (spec) order. */
enum Extract {
    PL_ACTIVITIES(
            "pl_activities",
            "activity_id",
            "school_year",
            "title",
            "cohort_id",
            "pl_model",
            "focus",
            "tool_specific",
            "framework",
            "start_date",
            "end_date",
            "planned_hours"),
    PL_FUNDING("pl_funding", "activity_id", "school_year", "funding_source", "amount_usd"),
    ENROLLMENTS("enrollments", "educator_id", "activity_id", "school_year", "role", "enrolled_on"),
    ATTENDANCE("attendance", "educator_id", "activity_id", "school_year", "session_date", "minutes"),
    SATISFACTION(
            "satisfaction",
            "educator_id",
            "activity_id",
            "school_year",
            "responded_on",
            "relevance",
            "quality",
            "intent_to_apply"),
    ARTIFACT_RATINGS(
            "artifact_ratings",
            "artifact_id",
            "educator_id",
            "activity_id",
            "school_year",
            "artifact_type",
            "phase",
            "rated_on",
            "rater_id",
            "dimension",
            "score"),
    STUDENT_OUTCOMES(
            "student_outcomes",
            "student_id",
            "educator_id",
            "school_year",
            "assessment_id",
            "subject",
            "grade",
            "prior_score",
            "score");

    final String fileName;
    final String[] columns;

    Extract(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    int col(String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fileName + " has no column " + name);
    }
}
