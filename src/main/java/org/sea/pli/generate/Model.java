package org.sea.pli.generate;

/**
 * PL models of spec §2 with the planted behaviour: durable models meet several times over weeks
 * (sustained attendance, spec §4.2) and change practice; one-off models meet once or twice.
 */
enum Model {
    COACHING("coaching", true, 8, 18, 2, 4, new int[] {30, 45, 60}, 1800, new String[] {"classroom_video", "observation"
    }),
    PLC("plc", true, 8, 25, 2, 4, new int[] {45, 60, 75, 90}, 350, new String[] {
        "student_work", "lesson_plan", "peer_feedback"
    }),
    INQUIRY_CYCLE("inquiry_cycle", true, 10, 30, 1, 2, new int[] {60, 75, 90, 120}, 900, new String[] {
        "student_work", "lesson_plan", "observation"
    }),
    WORKSHOP("workshop", false, 10, 40, 1, 2, new int[] {90, 120, 180, 240, 360, 390}, 275, new String[] {"lesson_plan"
    }),
    ONLINE_COURSE("online_course", false, 10, 40, 1, 1, new int[] {45, 60, 90, 120}, 180, new String[] {
        "lesson_plan", "student_work"
    }),
    CONFERENCE("conference", false, 3, 14, 1, 1, new int[] {300, 360, 420, 480}, 1400, new String[] {"lesson_plan"});

    final String code;
    final boolean durable;
    final int minSize;
    final int maxSize;
    final int minActivities;
    final int maxActivities;
    final int[] minutes;
    /** Typical cost per participant and activity, in dollars. */
    final int perHead;

    final String[] artifactTypes;

    Model(
            String code,
            boolean durable,
            int minSize,
            int maxSize,
            int minActivities,
            int maxActivities,
            int[] minutes,
            int perHead,
            String[] artifactTypes) {
        this.code = code;
        this.durable = durable;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.minActivities = minActivities;
        this.maxActivities = maxActivities;
        this.minutes = minutes;
        this.perHead = perHead;
        this.artifactTypes = artifactTypes;
    }
}
