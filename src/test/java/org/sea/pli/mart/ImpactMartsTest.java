package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/**
 * §4.2 educator-activity measures and the restricted mart {@code educator_activity} (§5.1), end to end
 * from a hand-made inbox. Expected values are worked out by hand from docs/spec.md.
 */
class ImpactMartsTest {

    @TempDir
    Path dir;

    // lowercase hex HMAC-SHA256(key = "key", message = educator_id), computed independently with
    // python3 -c "import hmac,hashlib;print(hmac.new(b'key',b'e-1',hashlib.sha256).hexdigest())"
    static final String KEY_E1 = "b46221d158deb7b1b0c2986bc11e73dc964204b10af7fe65770a52511faf7af1";
    static final String KEY_E2 = "fba71bc1feeccb67571f4c6b24824980a5664e981d1dd000fd2f6b5369ddf575";
    static final String KEY_E3 = "816e6c0bf5f757aa1d0cec3eb392259ee3c75ebbbd2c15e292ba4b7b8576cd29";
    static final String KEY_E4 = "7c128c4ee2f71e8b3bf973f1bce9b5dd9c31f4eb3a35d573c20f24bf5bed5cb9";

    @Test
    void educatorKeyIsLowercaseHexHmacSha256OfTheEducatorId() {
        EducatorPseudonym p = new EducatorPseudonym(Marts.KEY);
        assertThat(p.key("e-1")).isEqualTo(KEY_E1);
        assertThat(p.key("e-2")).isEqualTo(KEY_E2);
        assertThat(p.key("e-3")).isEqualTo(KEY_E3);
        assertThat(p.key("e-4")).isEqualTo(KEY_E4);
    }

    /** One LEA, a-1 (c-1, coaching) with e-1..e-4, a-2 (c-2, workshop) with e-1; non-participant e-9. */
    private LeaModels section42Fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .activity("a-2", "c-2", "workshop", true)
                // e-1: enrolled; 3 sessions 2025-09-01 → 09-29 = 28 days: sustained
                .enroll("a-1", "e-1")
                .attend("a-1", "e-1", "09-01", 60)
                .attend("a-1", "e-1", "09-15", 45)
                .attend("a-1", "e-1", "09-29", 30)
                // responses (5,4,–) → 4.5 and (3,–,–) → 3
                .respond("a-1", "e-1", 5, 4, null)
                .respond("a-1", "e-1", 3, null, null)
                // baseline {1,2,2} = 5/3, followup {2,2,2,2,2,3} = 13/6: change exactly 1/2
                .rate("a-1", "e-1", "baseline", 1, 2, 2)
                .rate("a-1", "e-1", "followup", 2, 2, 2, 2, 2, 3)
                // e-1 in a-2: one response (1,1,1) only
                .respond("a-2", "e-1", 1, 1, 1)
                // e-2: not enrolled; 3 sessions 09-01 → 09-28 = 27 days: not sustained; baseline only
                .attend("a-1", "e-2", "09-01", 30)
                .attend("a-1", "e-2", "09-10", 30)
                .attend("a-1", "e-2", "09-28", 30)
                .rate("a-1", "e-2", "baseline", 3)
                // e-3: enrollment only
                .enroll("a-1", "e-3")
                // e-4: 2 sessions 45 days apart (fewer than 3: not sustained); change 7/3 − 2 = 1/3
                .attend("a-1", "e-4", "10-01", 20)
                .attend("a-1", "e-4", "11-15", 40)
                .respond("a-1", "e-4", 2, 3, 4)
                .pair("a-1", "e-4", scores(2), scores(2, 2, 3))
                // growth group (ma, 5): e-1 gain 12 − 10 = 2, non-participant e-9 gain 14 − 10 = 4
                .outcome("s-1", "e-1", "ma", 5, "10", "12")
                .outcome("s-2", "e-9", "ma", 5, "10", "14");
        return inbox.load();
    }

    @Test
    void educatorActivityHasOneRowPerParticipationElementWithTheMeasuresOfSection42() throws IOException {
        Marts marts = Marts.run(section42Fixture(), 3);

        // z in (2025-26, ma, 5): gains {2, 4}, mean 3, pop_sd √(((2−3)² + (4−3)²)/2) = 1 → e-1: (2 − 3)/1 = −1
        double zE1 = -1.0;

        assertRow(
                marts.educatorActivity("lea-1", "a-1", "e-1"),
                "lea_id",
                "lea-1",
                "activity_id",
                "a-1",
                "educator_key",
                KEY_E1,
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "enrolled",
                true,
                "minutes_attended",
                135L, // 60 + 45 + 30
                "sessions_attended",
                3,
                "sustained",
                true, // 3 sessions, 2025-09-29 − 2025-09-01 = 28 days ≥ 28
                "satisfaction",
                3.75, // mean of response means (4.5 + 3)/2, not item mean 12/3 = 4
                "practice_baseline",
                5.0 / 3, // (1+2+2)/3
                "practice_followup",
                13.0 / 6, // (2·5+3)/6
                // the double 13/6 − 5/3 = 0.4999999999999998, a change of exactly 1/2
                "practice_change",
                13.0 / 6 - 5.0 / 3,
                // exact: 13·3 − 5·6 = 9 ≥ 0.5·3·6 = 9
                "improved",
                true,
                "student_growth_z",
                approx(zE1),
                "evidence_level",
                5); // change and growth z

        assertRow(
                marts.educatorActivity("lea-1", "a-1", "e-2"),
                "lea_id",
                "lea-1",
                "activity_id",
                "a-1",
                "educator_key",
                KEY_E2,
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "enrolled",
                false, // attendance only, no enrollments row
                "minutes_attended",
                90L,
                "sessions_attended",
                3,
                "sustained",
                false, // 2025-09-28 − 2025-09-01 = 27 days < 28
                "satisfaction",
                null,
                "practice_baseline",
                3.0,
                "practice_followup",
                null,
                "practice_change",
                null, // baseline only
                "improved",
                null, // null when practice_change is null
                "student_growth_z",
                null, // no outcome rows
                "evidence_level",
                0);

        assertRow(
                marts.educatorActivity("lea-1", "a-1", "e-3"),
                "lea_id",
                "lea-1",
                "activity_id",
                "a-1",
                "educator_key",
                KEY_E3,
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "enrolled",
                true,
                "minutes_attended",
                0L, // 0 when no attendance
                "sessions_attended",
                0,
                "sustained",
                false,
                "satisfaction",
                null,
                "practice_baseline",
                null,
                "practice_followup",
                null,
                "practice_change",
                null,
                "improved",
                null,
                "student_growth_z",
                null,
                "evidence_level",
                0);

        assertRow(
                marts.educatorActivity("lea-1", "a-1", "e-4"),
                "lea_id",
                "lea-1",
                "activity_id",
                "a-1",
                "educator_key",
                KEY_E4,
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "enrolled",
                false,
                "minutes_attended",
                60L, // 20 + 40
                "sessions_attended",
                2,
                "sustained",
                false, // span 45 days but only 2 sessions
                "satisfaction",
                3.0, // (2+3+4)/3
                "practice_baseline",
                2.0,
                "practice_followup",
                7.0 / 3, // (2+2+3)/3
                "practice_change",
                7.0 / 3 - 2.0, // 1/3
                "improved",
                false, // 7·1 − 2·3 = 1 < 0.5·1·3 = 1.5
                "student_growth_z",
                null,
                "evidence_level",
                4);

        // e-1 in a-2: its own measures give level 1 (satisfaction only), although its LEA-year growth z is set
        assertRow(
                marts.educatorActivity("lea-1", "a-2", "e-1"),
                "lea_id",
                "lea-1",
                "activity_id",
                "a-2",
                "educator_key",
                KEY_E1,
                "cohort_id",
                "c-2",
                "pl_model",
                "workshop",
                "enrolled",
                false,
                "minutes_attended",
                0L,
                "sessions_attended",
                0,
                "sustained",
                false,
                "satisfaction",
                1.0,
                "practice_baseline",
                null,
                "practice_followup",
                null,
                "practice_change",
                null,
                "improved",
                null,
                "student_growth_z",
                approx(zE1),
                "evidence_level",
                1);
    }

    @Test
    void educatorActivityRowsAreSortedByActivityThenEducatorKeyAndNeverHoldTheEducatorId() throws IOException {
        Marts marts = Marts.run(section42Fixture(), 3);
        List<Marts.Row> rows = marts.rows(EducatorActivityMart.NAME, "2025-26");

        // P = {a-1: e-1, e-2, e-3, e-4; a-2: e-1}; the non-participant e-9 has no row.
        // Keys sorted: 7c12… (e-4) < 816e… (e-3) < b462… (e-1) < fba7… (e-2), unlike the ids' order.
        assertThat(rows)
                .extracting(r -> r.get("activity_id") + " " + r.get("educator_key"))
                .containsExactly("a-1 " + KEY_E4, "a-1 " + KEY_E3, "a-1 " + KEY_E1, "a-1 " + KEY_E2, "a-2 " + KEY_E1);
        assertThat(rows)
                .allSatisfy(r -> assertThat(Arrays.asList(r.values()))
                        .doesNotContain("e-1", "e-2", "e-3", "e-4", "e-9", "s-1", "s-2"));
        assertThat(marts.rows(EducatorActivityMart.NAME)).hasSize(5);
    }

    @Test
    void improvedFollowsTheConfiguredThreshold() throws IOException {
        LeaModels models = section42Fixture();
        // threshold 0.51: e-1's change of exactly 1/2 is no longer enough (13·3 − 5·6 = 9 < 0.51·3·6 = 9.18)
        Marts strict = Marts.run(models, 3, 0.51, 10);
        assertThat(strict.educatorActivity("lea-1", "a-1", "e-1").get("improved"))
                .isEqualTo(false);
        // threshold 0.25: e-4's 1/3 is enough (7·1 − 2·3 = 1 ≥ 0.25·1·3 = 0.75)
        Marts lax = Marts.run(models, 3, 0.25, 10);
        assertThat(lax.educatorActivity("lea-1", "a-1", "e-4").get("improved")).isEqualTo(true);
    }
}
