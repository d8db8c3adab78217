package org.sea.pli.generate;

/** One row of {@code pl_activities} plus what the other extracts need to know about it. */
final class Activity {
    int idx;
    String id;
    String cohortId;
    Model model;
    String focus;
    boolean toolSpecific;
    String framework;
    String title;
    /** Session dates (epoch days, ascending); start_date is the first, end_date the last. */
    int[] sessions;

    int minutes;
    boolean artifacts;
    /** Indexes into the rubric dimensions rated on this activity's artifacts. */
    int[] dims;
    /** Cohort-level shift of practice change (pockets of excellence). */
    double cohortEffect;
    /** Educator indexes of the cohort, in cohort order. */
    int[] members;

    int start() {
        return sessions[0];
    }

    int end() {
        return sessions[sessions.length - 1];
    }

    /** planned_hours: sessions x minutes, written in quarter hours without trailing zeros. */
    String plannedHours() {
        int quarters = sessions.length * minutes / 15;
        int whole = quarters / 4;
        return switch (quarters % 4) {
            case 1 -> whole + ".25";
            case 2 -> whole + ".5";
            case 3 -> whole + ".75";
            default -> Integer.toString(whole);
        };
    }
}
