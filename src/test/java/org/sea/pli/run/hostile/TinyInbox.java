package org.sea.pli.run.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sea.pli.extract.InboxFixture;

/**
 * A tiny complete inbox (docs/spec.md §1, §2) for the hostile-inbox suite: four LEAs, one school year,
 * every extract but student_outcomes in each, and student_outcomes only in lea-1. Student growth
 * is standardized statewide (§4.3), so outcomes in one LEA only keep every other LEA's marts
 * independent of what happens in the folders of the others.
 */
final class TinyInbox {

    static final List<String> LEAS = List.of("lea-1", "lea-2", "lea-3", "lea-4");
    static final String DATE = "2026-06-01";
    private static final int EDUCATORS = 12;

    private TinyInbox() {}

    static void write(Path root) throws IOException {
        InboxFixture f = new InboxFixture(root);
        f.write(
                "_state/leas.csv",
                "lea_id,lea_name,region\nlea-1,One,north\nlea-2,Two,south\nlea-3,Three,east\n" + "lea-4,Four,west\n");
        for (String lea : LEAS) {
            f.activities(lea, DATE); // a-1 coaching 2025-08-01..2026-05-31, a-2 workshop 2025-09-10
            StringBuilder funding = new StringBuilder("activity_id,school_year,funding_source,amount_usd\n")
                    .append("a-1,2025-26,title_ii_a,12000.50\na-2,2025-26,local,800\n");
            StringBuilder enrollments = new StringBuilder("educator_id,activity_id,school_year,role,enrolled_on\n");
            StringBuilder attendance = new StringBuilder("educator_id,activity_id,school_year,session_date,minutes\n");
            StringBuilder satisfaction = new StringBuilder(
                    "educator_id,activity_id,school_year,responded_on,relevance,quality,intent_to_apply\n");
            StringBuilder ratings = new StringBuilder("artifact_id,educator_id,activity_id,school_year,artifact_type,"
                    + "phase,rated_on,rater_id,dimension,score\n");
            StringBuilder outcomes = new StringBuilder(
                    "student_id,educator_id,school_year,assessment_id,subject,grade,prior_score,score\n");
            for (int e = 1; e <= EDUCATORS; e++) {
                String id = lea + "-e" + e;
                String activity = e % 3 == 0 ? "a-2" : "a-1";
                enrollments.append(id).append(',').append(activity).append(",2025-26,teacher,2025-08-20\n");
                for (String day : List.of("2025-09-15", "2025-10-20", "2025-11-24")) {
                    attendance
                            .append(id)
                            .append(',')
                            .append(activity)
                            .append(",2025-26,")
                            .append(day)
                            .append(',')
                            .append(30 + e * 5)
                            .append('\n');
                }
                satisfaction
                        .append(id)
                        .append(',')
                        .append(activity)
                        .append(",2025-26,2025-12-01,")
                        .append(1 + e % 5)
                        .append(",4,")
                        .append(e % 2 == 0 ? "" : "3")
                        .append('\n');
                ratings.append("art-")
                        .append(e)
                        .append("-b,")
                        .append(id)
                        .append(',')
                        .append(activity)
                        .append(",2025-26,lesson_plan,baseline,2025-09-01,r-1,engagement,")
                        .append(1 + e % 3)
                        .append('\n');
                ratings.append("art-")
                        .append(e)
                        .append("-f,")
                        .append(id)
                        .append(',')
                        .append(activity)
                        .append(",2025-26,lesson_plan,followup,2026-04-01,r-1,engagement,")
                        .append(1 + (e + 1) % 4)
                        .append('\n');
                if (lea.equals("lea-1")) {
                    outcomes.append("s-")
                            .append(e)
                            .append(',')
                            .append(id)
                            .append(",2025-26,state-math,math,")
                            .append(3 + e % 2)
                            .append(',')
                            .append(200 + e)
                            .append(',')
                            .append(205 + e * e % 17)
                            .append('\n');
                }
            }
            f.write(lea + "/pl_funding_" + DATE + ".csv", funding.toString());
            f.write(lea + "/enrollments_" + DATE + ".csv", enrollments.toString());
            f.write(lea + "/attendance_" + DATE + ".csv", attendance.toString());
            f.write(lea + "/satisfaction_" + DATE + ".csv", satisfaction.toString());
            f.write(lea + "/artifact_ratings_" + DATE + ".csv", ratings.toString());
            if (lea.equals("lea-1")) {
                f.write(lea + "/student_outcomes_" + DATE + ".csv", outcomes.toString());
            }
        }
    }
}
