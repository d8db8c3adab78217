package org.sea.pli.model;

import java.math.BigDecimal;

/** One element of P with its measures (SPEC.md §4.2). */
public final class EducatorActivity {

    private static final SatisfactionTally NO_RESPONSES = new SatisfactionTally();
    private static final PracticeTally NO_RATINGS = new PracticeTally();

    final Activity activity;
    final String educatorId;
    final boolean enrolled;
    final AttendanceTally attendance;
    final SatisfactionTally satisfaction;
    final PracticeTally practice;
    final Double studentGrowthZ;

    EducatorActivity(Activity activity, String educatorId, boolean enrolled, AttendanceTally attendance,
                     SatisfactionTally satisfaction, PracticeTally practice, Double studentGrowthZ) {
        this.activity = activity;
        this.educatorId = educatorId;
        this.enrolled = enrolled;
        this.attendance = attendance == null ? new AttendanceTally() : attendance;
        this.satisfaction = satisfaction == null ? NO_RESPONSES : satisfaction;
        this.practice = practice == null ? NO_RATINGS : practice;
        this.studentGrowthZ = studentGrowthZ;
    }

    public Activity activity() { return activity; }

    public String educatorId() { return educatorId; }

    public boolean enrolled() { return enrolled; }

    public long minutesAttended() { return attendance.minutes; }

    public int sessionsAttended() { return attendance.sessions; }

    public boolean attended() { return attendance.minutes > 0; }

    public boolean sustained() { return attendance.sustained(); }

    public boolean hasAttendance() { return attendance.sessions > 0; }

    public boolean hasRatings() { return practice.baselineN + practice.followupN > 0; }

    public Double satisfaction() { return satisfaction.mean(); }

    public Double practiceBaseline() { return practice.baseline(); }

    public Double practiceFollowup() { return practice.followup(); }

    public Double practiceChange() { return practice.change(); }

    public Boolean improved(BigDecimal threshold) { return practice.improved(threshold); }

    public Double studentGrowthZ() { return studentGrowthZ; }

    public int evidenceLevel() {
        return EvidenceLevel.of(practiceChange(), studentGrowthZ, satisfaction());
    }
}
