package org.sea.pli.model;

/**
 * Attendance of one educator in one activity (docs/spec.md §4.2). Rows in force come from one file per
 * school year whose key includes session_date, so each accepted row is a distinct session.
 */
public final class AttendanceTally {
    long minutes;
    int sessions;
    long firstSession = Long.MAX_VALUE;
    long lastSession = Long.MIN_VALUE;

    void add(int minutes, long sessionDay) {
        this.minutes += minutes;
        sessions++;
        firstSession = Math.min(firstSession, sessionDay);
        lastSession = Math.max(lastSession, sessionDay);
    }

    /** §4.2: at least 3 sessions spanning at least 28 days — durable PL, whatever the model's label. */
    boolean sustained() {
        return sessions >= 3 && lastSession - firstSession >= 28;
    }
}
