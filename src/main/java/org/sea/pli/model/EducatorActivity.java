package org.sea.pli.model;

/** One element of P with its measures (docs/spec.md §4.2). */
public final class EducatorActivity extends Measures {

    private static final SatisfactionTally NO_RESPONSES = new SatisfactionTally();
    private static final PracticeTally NO_RATINGS = new PracticeTally();

    final Activity activity;
    final String educatorId;
    final boolean enrolled;
    final AttendanceTally attendance;

    EducatorActivity(
            Activity activity,
            String educatorId,
            boolean enrolled,
            AttendanceTally attendance,
            SatisfactionTally satisfaction,
            PracticeTally practice,
            Double studentGrowthZ) {
        super(
                satisfaction == null ? NO_RESPONSES : satisfaction,
                practice == null ? NO_RATINGS : practice,
                studentGrowthZ);
        this.activity = activity;
        this.educatorId = educatorId;
        this.enrolled = enrolled;
        this.attendance = attendance == null ? new AttendanceTally() : attendance;
    }

    public Activity activity() {
        return activity;
    }

    public String educatorId() {
        return educatorId;
    }

    public boolean enrolled() {
        return enrolled;
    }

    public long minutesAttended() {
        return attendance.minutes;
    }

    public int sessionsAttended() {
        return attendance.sessions;
    }

    public boolean attended() {
        return attendance.minutes > 0;
    }

    public boolean sustained() {
        return attendance.sustained();
    }

    public boolean hasAttendance() {
        return attendance.sessions > 0;
    }
}
