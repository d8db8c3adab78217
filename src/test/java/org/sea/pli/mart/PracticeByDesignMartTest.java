package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;
import static org.sea.pli.mart.Marts.eq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** practice_by_design (docs/spec.md §5.8): one design factor at a time over the P elements. */
class PracticeByDesignMartTest {

    @TempDir
    Path dir;

    /*
     * lea-1
     *   a-1 coaching, focus ai_literacy, not tool-specific, framework iste; funding 60.00 + 30.00 = 90.00
     *     over 3 elements: 30 each
     *     e-1: 3 sessions 10-01, 10-15, 11-01 (31 days ≥ 28): sustained; {2} → {3}: change 1, improved
     *     e-2: 1 session: attended, not sustained; {2} → {2}: change 0
     *     e-3: enrolled only
     *   a-2 workshop, focus tool_training, tool-specific, framework none; funding 10.00 over 2: 5 each
     *     e-1: 1 session; {1} → {3}: change 2, improved
     *     e-4: {3} → {2}: change −1
     *   a-3 coaching, funding 1000.00, no participant: not in any level
     * lea-2
     *   a-1 coaching, focus udl, not tool-specific, framework udl; funding 5.00 over 1 element
     *     e-1 (another LEA, so another educator): 3 sessions over 31 days, sustained; {1} → {2}: change 1
     * PL dollars on activities with participants: 90 + 10 + 5 = 105.
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", "ai_literacy", false, "iste")
                .activity("a-2", "c-2", "workshop", "tool_training", true, "none")
                .activity("a-3", "c-3", "coaching", "ai_literacy", false, "iste")
                .funding("a-1", "title_ii_a", "60.00")
                .funding("a-1", "local", "30.00")
                .funding("a-2", "title_iv_a", "10.00")
                .funding("a-3", "state", "1000.00")
                .pair("a-1", "e-1", scores(2), scores(3))
                .attend("a-1", "e-1", "10-01", 60)
                .attend("a-1", "e-1", "10-15", 60)
                .attend("a-1", "e-1", "11-01", 60)
                .pair("a-1", "e-2", scores(2), scores(2))
                .attend("a-1", "e-2", "10-01", 60)
                .enroll("a-1", "e-3")
                .pair("a-2", "e-1", scores(1), scores(3))
                .attend("a-2", "e-1", "10-01", 60)
                .pair("a-2", "e-4", scores(3), scores(2));
        inbox.lea("lea-2")
                .activity("a-1", "c-1", "coaching", "udl", false, "udl")
                .funding("a-1", "state", "5.00")
                .pair("a-1", "e-1", scores(1), scores(2))
                .attend("a-1", "e-1", "10-01", 30)
                .attend("a-1", "e-1", "10-15", 30)
                .attend("a-1", "e-1", "11-01", 30);
        return inbox.load();
    }

    private static Marts.Row level(Marts marts, String factor, String level) {
        return marts.one(PracticeByDesignMart.NAME, eq("factor", factor).and(eq("level", level)));
    }

    @Test
    void focusLevelsSplitEachActivitysFundingOverItsElements() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // ai_literacy = lea-1 a-1: changes {1, 0}, mean 0.5, sd √((0.25 + 0.25)/1) = √0.5
        assertRow(
                level(marts, "focus", "ai_literacy"),
                "factor",
                "focus",
                "level",
                "ai_literacy",
                "n_elements",
                3,
                "n_educators",
                3,
                "n_attended",
                2, // e-1, e-2
                "sustained_rate",
                0.5, // e-1 of 2 attended
                "n_practice_pairs",
                2,
                "practice_change_mean",
                0.5,
                "practice_change_sd",
                approx(Math.sqrt(0.5)),
                "practice_change_ci_low",
                approx(0.5 - 1.96 * 0.5), // 1.96·√0.5/√2 = 1.96·0.5
                "practice_change_ci_high",
                approx(0.5 + 1.96 * 0.5),
                "effect_size",
                approx(0.5 / Math.sqrt(0.5)),
                "improved_rate",
                0.5, // e-1 of 2 pairs
                "allocated_cost_usd",
                90.0, // 3 elements × 90/3; a-3 has none
                "cost_per_improved",
                90.0, // 90 ÷ 1 improved
                "suppressed",
                false);
        // tool_training = lea-1 a-2: 2 educators ≥ 2, but udl (below) is the focus factor's only small
        // level among 3, so the smallest other level is withheld with it (§5.12 step 1): tool_training
        // (2 educators) before ai_literacy (3). Otherwise the year's total less ai_literacy less
        // tool_training would give udl back. Its dollars stay.
        assertRow(
                level(marts, "focus", "tool_training"),
                "factor",
                "focus",
                "level",
                "tool_training",
                "n_elements",
                null,
                "n_educators",
                null,
                "n_attended",
                null,
                "sustained_rate",
                null,
                "n_practice_pairs",
                null,
                "practice_change_mean",
                null,
                "practice_change_sd",
                null,
                "practice_change_ci_low",
                null,
                "practice_change_ci_high",
                null,
                "effect_size",
                null,
                "improved_rate",
                null,
                "allocated_cost_usd",
                10.0, // 2 × 10/2
                "cost_per_improved",
                null,
                "suppressed",
                true);
        // udl = lea-2 a-1: 1 educator < min-cell-size 2: suppressed, but its dollars still shown
        assertRow(
                level(marts, "focus", "udl"),
                "factor",
                "focus",
                "level",
                "udl",
                "n_elements",
                null,
                "n_educators",
                null,
                "n_attended",
                null,
                "sustained_rate",
                null,
                "n_practice_pairs",
                null,
                "practice_change_mean",
                null,
                "practice_change_sd",
                null,
                "practice_change_ci_low",
                null,
                "practice_change_ci_high",
                null,
                "effect_size",
                null,
                "improved_rate",
                null,
                "allocated_cost_usd",
                5.0,
                "cost_per_improved",
                null,
                "suppressed",
                true);
    }

    @Test
    void theLevelsOfEveryFactorAddUpToTheDollarsOnActivitiesWithParticipants() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        for (String factor : List.of("focus", "framework", "tool_specific", "sustained")) {
            double sum = marts.rows(PracticeByDesignMart.NAME).stream()
                    .filter(eq("factor", factor))
                    .mapToDouble(r -> (Double) r.get("allocated_cost_usd"))
                    .sum();
            assertThat(sum).as(factor).isCloseTo(105.0, within(1e-9)); // 90 + 10 + 5; not a-3's 1000
        }
        // levels sort as strings within a factor; factors sort too
        assertThat(marts.rows(PracticeByDesignMart.NAME))
                .extracting(r -> r.get("factor") + "=" + r.get("level"))
                .containsExactly(
                        "focus=ai_literacy",
                        "focus=tool_training",
                        "focus=udl",
                        "framework=iste",
                        "framework=none",
                        "framework=udl",
                        "sustained=false",
                        "sustained=true",
                        "tool_specific=false",
                        "tool_specific=true");
    }

    @Test
    void toolSpecificCountsDistinctEducatorsPerLea() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // false = lea-1 a-1 (e-1, e-2, e-3) + lea-2 a-1 (e-1): e-1 of lea-2 is another (lea_id, educator_id)
        // changes in key order: lea-1 e-1 1, e-2 0, lea-2 e-1 1: mean 2/3;
        // squares (1/3)² + (2/3)² + (1/3)² = 6/9, ÷ 2 = 1/3: sd √(1/3)
        double sd = Math.sqrt(1.0 / 3);
        assertRow(
                level(marts, "tool_specific", "false"),
                "factor",
                "tool_specific",
                "level",
                "false",
                "n_elements",
                4,
                "n_educators",
                4,
                "n_attended",
                3, // lea-1 e-1, e-2; lea-2 e-1
                "sustained_rate",
                approx(2.0 / 3), // lea-1 e-1, lea-2 e-1
                "n_practice_pairs",
                3,
                "practice_change_mean",
                approx(2.0 / 3),
                "practice_change_sd",
                approx(sd),
                "practice_change_ci_low",
                approx(2.0 / 3 - 1.96 * sd / Math.sqrt(3)),
                "practice_change_ci_high",
                approx(2.0 / 3 + 1.96 * sd / Math.sqrt(3)),
                "effect_size",
                approx(2.0 / 3 / sd),
                "improved_rate",
                approx(2.0 / 3),
                "allocated_cost_usd",
                95.0, // 90 + 5
                "cost_per_improved",
                47.5, // 95 ÷ 2
                "suppressed",
                false);
    }

    @Test
    void sustainedIsTheElementsOwnSoOneActivitysDollarsSplitAcrossLevels() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // true: lea-1 a-1 e-1 and lea-2 a-1 e-1, changes {1, 1}: sd 0, so no effect size
        assertRow(
                level(marts, "sustained", "true"),
                "factor",
                "sustained",
                "level",
                "true",
                "n_elements",
                2,
                "n_educators",
                2,
                "n_attended",
                2,
                "sustained_rate",
                1.0,
                "n_practice_pairs",
                2,
                "practice_change_mean",
                1.0,
                "practice_change_sd",
                0.0,
                "practice_change_ci_low",
                1.0,
                "practice_change_ci_high",
                1.0,
                "effect_size",
                null, // sd below 1e-9 (§5.2)
                "improved_rate",
                1.0,
                "allocated_cost_usd",
                35.0, // 30 (a-1's share of e-1) + 5 (lea-2)
                "cost_per_improved",
                17.5, // 35 ÷ 2
                "suppressed",
                false);
        // false: lea-1 a-1 e-2, e-3; a-2 e-1, e-4: changes in key order {0, 2, −1}, mean 1/3;
        // squares (1/3)² + (5/3)² + (4/3)² = 42/9, ÷ 2 = 7/3
        double sd = Math.sqrt(7.0 / 3);
        assertRow(
                level(marts, "sustained", "false"),
                "factor",
                "sustained",
                "level",
                "false",
                "n_elements",
                4,
                "n_educators",
                4,
                "n_attended",
                2, // a-1 e-2, a-2 e-1
                "sustained_rate",
                0.0,
                "n_practice_pairs",
                3,
                "practice_change_mean",
                approx(1.0 / 3),
                "practice_change_sd",
                approx(sd),
                "practice_change_ci_low",
                approx(1.0 / 3 - 1.96 * sd / Math.sqrt(3)),
                "practice_change_ci_high",
                approx(1.0 / 3 + 1.96 * sd / Math.sqrt(3)),
                "effect_size",
                approx(1.0 / 3 / sd),
                "improved_rate",
                approx(1.0 / 3), // a-2 e-1
                "allocated_cost_usd",
                70.0, // 30 + 30 (a-1 e-2, e-3) + 5 + 5 (a-2)
                "cost_per_improved",
                70.0,
                "suppressed",
                false);
    }

    @Test
    void anUnevenSplitStillAddsUp() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        // 10.00 over 3 elements: 3.33… each, one sustained, two not: 10/3 and 20/3, together 10
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "plc", "udl", false, "udl")
                .funding("a-1", "local", "10.00")
                .attend("a-1", "e-1", "10-01", 30)
                .attend("a-1", "e-1", "10-15", 30)
                .attend("a-1", "e-1", "11-01", 30)
                .enroll("a-1", "e-2")
                .enroll("a-1", "e-3");
        Marts marts = Marts.run(inbox.load(), 1);
        assertThat((Double) level(marts, "sustained", "true").get("allocated_cost_usd"))
                .isCloseTo(10.0 / 3, within(1e-12));
        assertThat((Double) level(marts, "sustained", "false").get("allocated_cost_usd"))
                .isCloseTo(20.0 / 3, within(1e-12));
        assertThat(level(marts, "focus", "udl").get("allocated_cost_usd")).isEqualTo(10.0);
        assertThat(level(marts, "focus", "udl").get("cost_per_improved")).isNull(); // no improved element
    }
}
