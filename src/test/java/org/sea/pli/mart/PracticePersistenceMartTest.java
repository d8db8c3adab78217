package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;
import static org.sea.pli.mart.Marts.eq;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** practice_persistence (docs/spec.md §5.10) over the next-year practice of §4.8. */
class PracticePersistenceMartTest {

    @TempDir
    Path dir;

    /*
     * lea-1, year Y = 2024-25:
     *   a-1 coaching c-1, all four sustained (3 sessions over 31 days):
     *     e-1 {2} → {4}: change 2; Y+1 baselines {3} (a-9) and {4} (a-8, another cohort): next 3.5
     *                    retained 3.5 − 2 = 1.5, fade 3.5 − 4 = −0.5
     *     e-2 {1} → {3}: change 2; next {2}: retained 1, fade −1
     *     e-3 {2} → {3}: change 1; no rating in Y+1: not followed
     *     e-4 {2} → {3}: change 1; next {4}, but e-4 also has a rating in a-2 (another unit): not followed
     *   a-2 workshop c-2, one session each (not sustained):
     *     e-4 baseline {2} only: no change, not a unit of the mart
     *     e-5 {1} → {3}: change 2; next {1} (its Y+1 followup {4} does not count): retained 0, fade −2
     *     e-6 {2} → {2}: change 0; next {2}: retained 0, fade 0
     *   a-3 plc c-3: e-7 {2} → {2}, e-8 {3} → {3}: changes 0; next {3} each: retained 1 and 0, fade 1 and 0
     *   a-5 inquiry_cycle c-5: e-9 {1} → {2}, next {2}: one followed unit
     *   a-6 online_course c-6: e-10 {1} → {2}, no Y+1 rating: nobody followed, no row
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        TestInbox.Lea y = inbox.lea("lea-1")
                .year("2024-25")
                .activity("a-1", "c-1", "coaching", false)
                .activity("a-2", "c-2", "workshop", false)
                .activity("a-3", "c-3", "plc", false)
                .activity("a-5", "c-5", "inquiry_cycle", false)
                .activity("a-6", "c-6", "online_course", false)
                .pair("a-1", "e-1", scores(2), scores(4))
                .pair("a-1", "e-2", scores(1), scores(3))
                .pair("a-1", "e-3", scores(2), scores(3))
                .pair("a-1", "e-4", scores(2), scores(3))
                .rate("a-2", "e-4", "baseline", 2)
                .pair("a-2", "e-5", scores(1), scores(3))
                .attend("a-2", "e-5", "10-01", 60)
                .pair("a-2", "e-6", scores(2), scores(2))
                .attend("a-2", "e-6", "10-01", 60)
                .pair("a-3", "e-7", scores(2), scores(2))
                .pair("a-3", "e-8", scores(3), scores(3))
                .pair("a-5", "e-9", scores(1), scores(2))
                .pair("a-6", "e-10", scores(1), scores(2));
        for (String e : new String[] {"e-1", "e-2", "e-3", "e-4"}) {
            y.attend("a-1", e, "10-01", 60).attend("a-1", e, "10-15", 60).attend("a-1", e, "11-01", 60);
        }
        inbox.lea("lea-1")
                .year("2025-26")
                .activity("a-9", "c-9", "coaching", false)
                .activity("a-8", "c-8", "plc", false)
                .rate("a-9", "e-1", "baseline", 3)
                .rate("a-8", "e-1", "baseline", 4)
                .rate("a-9", "e-2", "baseline", 2)
                .rate("a-9", "e-4", "baseline", 4)
                .rate("a-9", "e-5", "baseline", 1)
                .rate("a-9", "e-5", "followup", 4)
                .rate("a-9", "e-6", "baseline", 2)
                .rate("a-9", "e-7", "baseline", 3)
                .rate("a-9", "e-8", "baseline", 3)
                .rate("a-9", "e-9", "baseline", 2);
        return inbox.load();
    }

    private static Marts.Row cell(Marts marts, String model, boolean sustained) {
        return marts.one(PracticePersistenceMart.NAME, eq("pl_model", model).and(eq("sustained", sustained)));
    }

    @Test
    void followedUnitsCarryTheirChangeIntoTheNextYearsBaseline() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // followed e-1, e-2: retained {1.5, 1}: mean 1.25, sd √((0.0625 + 0.0625)/1) = 0.25·√2
        assertRow(
                cell(marts, "coaching", true),
                "pl_model",
                "coaching",
                "sustained",
                true,
                "n_units",
                4, // e-1..e-4 have a change
                "n_followed",
                2, // not e-3 (no next year), not e-4 (two units)
                "practice_change_mean",
                2.0, // (2 + 2)/2 over followed units
                "retained_change_mean",
                1.25,
                "retained_change_sd",
                approx(0.25 * Math.sqrt(2)),
                "retained_change_ci_low",
                approx(1.25 - 1.96 * 0.25), // 0.25·√2/√2
                "retained_change_ci_high",
                approx(1.25 + 1.96 * 0.25),
                "fade_mean",
                -0.75, // (−0.5 − 1)/2
                "persistence_ratio",
                0.625, // 1.25 ÷ 2
                "suppressed",
                false);
        assertRow(
                cell(marts, "workshop", false),
                "pl_model",
                "workshop",
                "sustained",
                false,
                "n_units",
                2, // e-5, e-6 (e-4 has no change here)
                "n_followed",
                2,
                "practice_change_mean",
                1.0, // (2 + 0)/2
                "retained_change_mean",
                0.0,
                "retained_change_sd",
                0.0,
                "retained_change_ci_low",
                0.0,
                "retained_change_ci_high",
                0.0,
                "fade_mean",
                -1.0, // (−2 + 0)/2
                "persistence_ratio",
                0.0, // 0 ÷ 1: all of it faded
                "suppressed",
                false);
    }

    @Test
    void noRatioWithoutAChangeAndSuppressionOnTheFollowedCount() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // plc: changes {0, 0}: |mean| < 1e-9, no ratio; retained {1, 0}: mean 0.5, sd √0.5
        assertRow(
                cell(marts, "plc", false),
                "pl_model",
                "plc",
                "sustained",
                false,
                "n_units",
                2,
                "n_followed",
                2,
                "practice_change_mean",
                0.0,
                "retained_change_mean",
                0.5,
                "retained_change_sd",
                approx(Math.sqrt(0.5)),
                "retained_change_ci_low",
                approx(0.5 - 1.96 * 0.5), // √0.5/√2 = 0.5
                "retained_change_ci_high",
                approx(0.5 + 1.96 * 0.5),
                "fade_mean",
                0.5, // (1 + 0)/2
                "persistence_ratio",
                null,
                "suppressed",
                false);
        // inquiry_cycle: one followed unit < 2
        assertRow(
                cell(marts, "inquiry_cycle", false),
                "pl_model",
                "inquiry_cycle",
                "sustained",
                false,
                "n_units",
                null,
                "n_followed",
                null,
                "practice_change_mean",
                null,
                "retained_change_mean",
                null,
                "retained_change_sd",
                null,
                "retained_change_ci_low",
                null,
                "retained_change_ci_high",
                null,
                "fade_mean",
                null,
                "persistence_ratio",
                null,
                "suppressed",
                true);
        // online_course: its unit has no next-year rating, so no row; nor for 2025-26, which has no Y+1
        assertThat(marts.rows(PracticePersistenceMart.NAME))
                .extracting(r -> r.schoolYear() + " " + r.get("pl_model"))
                .containsExactly("2024-25 coaching", "2024-25 inquiry_cycle", "2024-25 plc", "2024-25 workshop");
    }
}
