package org.sea.pli.model;

/**
 * The educator-group unit U of docs/spec.md §4.4: (school_year, lea_id, cohort_id, pl_model,
 * educator_id), pooling the educator's P elements of that cohort and model.
 */
public final class EducatorUnit extends Measures {

    final String cohortId;
    final String plModel;
    final String educatorId;
    long minutes;
    int sessions;
    boolean sustained;

    EducatorUnit(String cohortId, String plModel, String educatorId, Double studentGrowthZ) {
        super(new SatisfactionTally(), new PracticeTally(), studentGrowthZ);
        this.cohortId = cohortId;
        this.plModel = plModel;
        this.educatorId = educatorId;
    }

    void add(EducatorActivity e) {
        minutes += e.attendance.minutes;
        sessions += e.attendance.sessions;
        sustained |= e.sustained();
        satisfaction.addAll(e.satisfaction); // pooled over responses, not a mean of means
        practice.addAll(e.practice); // pooled over rating rows
    }

    public String cohortId() {
        return cohortId;
    }

    public String plModel() {
        return plModel;
    }

    public String educatorId() {
        return educatorId;
    }

    public long minutesAttended() {
        return minutes;
    }

    public int sessionsAttended() {
        return sessions;
    }

    public boolean attended() {
        return minutes > 0;
    }

    public boolean sustained() {
        return sustained;
    }
}
