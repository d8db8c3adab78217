package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** bright_spots (docs/spec.md §5.6): eligibility, ranking on 9 decimals, ties and the top-N cut. */
class BrightSpotsMartTest {

    @TempDir
    Path dir;

    /** "A" style: baseline {3}, followup {4,3,3}: change 10/3 − 3 = 0.3333333333333335 as a double. */
    private static TestInbox.Lea aStyle(TestInbox.Lea lea, String activity, String... educators) {
        for (String e : educators) {
            lea.pair(activity, e, scores(3), scores(4, 3, 3));
        }
        return lea;
    }

    /*
     * 2025-26 cohort_impact rows (min-cell-size 3):
     *   lea-1 (c-a, coaching): changes {0, 0, 1} → mean 1/3 = 0.3333333333333333; funding 10.00
     *   lea-1 (c-a, plc):      A ×3 → mean 0.3333333333333335
     *   lea-1 (c-b, coaching): A ×3 → 0.3333333333333335
     *   lea-2 (c-a, coaching): A ×3 → 0.3333333333333335
     *   lea-2 (c-z, coaching): {1, 1, 1} → 1.0; funding 90.00
     *   lea-1 (c-s, workshop): 2 units, changes 3 → suppressed: not eligible
     *   lea-1 (c-p, workshop): 3 units, 2 pairs of change 2 → n_practice_pairs 2 < 3: not eligible
     * All the 1/3-ish means round to 0.333333333, so they tie and order by lea_id, cohort_id, pl_model —
     * the raw doubles would have put the three A rows (…335) before lea-1 (c-a, coaching) (…333).
     * 2024-25: lea-1 (c-old, coaching) {1, 1, 1}.
     *
     * §4.6 shrinkage of 2025-26, over all seven groups (each has ≥ 2 pairs; c-s and c-p included although
     * not eligible here): n = 3, 3, 3, 2, 2, 3, 3 (c-a coaching, c-a plc, c-b, c-p, c-s, lea-2 c-a, c-z),
     * m = 1/3 (×4, taking the A doubles as 1/3), 2, 3, 1; s² = 1/3 for lea-1 (c-a, coaching), else 0.
     *   μ = (1 + 1 + 1 + 4 + 6 + 1 + 3)/19 = 17/19
     *   σ²_w = (2·1/3)/(2 + 2 + 2 + 1 + 1 + 2 + 2) = (2/3)/12 = 1/18
     *   (1/7)Σ(m − μ)² = (4·(32/57)² + (21/19)² + (40/19)² + (2/19)²)/7 = (4096 + 3969 + 14400 + 36)/(3249·7)
     *                  = 22501/22743 = 67503/68229
     *   σ²_w·(1/7)Σ1/n = (1/18)·(5/3 + 1)/7 = 4/189 = 1444/68229  →  τ² = 66059/68229
     *   B for n = 3: τ²/(τ² + (1/18)/3) = τ²/(τ² + 1/54); shrunk = μ + B·(m − μ), the same increasing
     *   function of m for every n = 3 group, so the 1/3-ish rows still tie at 9 decimals.
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        TestInbox.Lea lea1 = inbox.lea("lea-1")
                .activity("a-ca-c", "c-a", "coaching", false)
                .activity("a-ca-p", "c-a", "plc", false)
                .activity("a-cb-c", "c-b", "coaching", false)
                .activity("a-cs-w", "c-s", "workshop", false)
                .activity("a-cp-w", "c-p", "workshop", false)
                .funding("a-ca-c", "title_ii_a", "10.00")
                .pair("a-ca-c", "b-1", scores(2), scores(2))
                .pair("a-ca-c", "b-2", scores(2), scores(2))
                .pair("a-ca-c", "b-3", scores(2), scores(3))
                .pair("a-cs-w", "w-1", scores(1), scores(4))
                .pair("a-cs-w", "w-2", scores(1), scores(4))
                .pair("a-cp-w", "t-1", scores(1), scores(3))
                .pair("a-cp-w", "t-2", scores(1), scores(3))
                .enroll("a-cp-w", "t-3");
        aStyle(lea1, "a-ca-p", "p-1", "p-2", "p-3");
        aStyle(lea1, "a-cb-c", "q-1", "q-2", "q-3");
        lea1.year("2024-25")
                .activity("a-old", "c-old", "coaching", false)
                .pair("a-old", "o-1", scores(1), scores(2))
                .pair("a-old", "o-2", scores(1), scores(2))
                .pair("a-old", "o-3", scores(1), scores(2));
        TestInbox.Lea lea2 = inbox.lea("lea-2")
                .activity("a-z", "c-z", "coaching", false)
                .activity("a-ca", "c-a", "coaching", false)
                .funding("a-z", "state", "90.00")
                .pair("a-z", "z-1", scores(1), scores(2))
                .pair("a-z", "z-2", scores(1), scores(2))
                .pair("a-z", "z-3", scores(1), scores(2));
        aStyle(lea2, "a-ca", "y-1", "y-2", "y-3");
        return inbox.load();
    }

    private static final double MU = 17.0 / 19;
    private static final double TAU2 = 66059.0 / 68229;
    private static final double B3 = TAU2 / (TAU2 + 1.0 / 54);

    private static List<String> ranking(List<Marts.Row> rows) {
        return rows.stream()
                .map(r -> r.get("rank") + " " + r.get("lea_id") + " " + r.get("cohort_id") + " " + r.get("pl_model"))
                .toList();
    }

    @Test
    void topNOfTheEligibleRowsRankedOnNineDecimalsWithTies() throws IOException {
        Marts marts = Marts.run(fixture(), 3, 0.5, 4);
        List<Marts.Row> rows = marts.rows(BrightSpotsMart.NAME, "2025-26");
        assertThat(ranking(rows))
                .containsExactly(
                        "1 lea-2 c-z coaching",
                        "2 lea-1 c-a coaching",
                        "3 lea-1 c-a plc", // same cohort: coaching < plc
                        "4 lea-1 c-b coaching"); // lea-2 c-a coaching would be 5th: cut by bright-spots = 4
        assertRow(
                rows.get(0),
                "rank",
                1,
                "lea_id",
                "lea-2",
                "cohort_id",
                "c-z",
                "pl_model",
                "coaching",
                "n_practice_pairs",
                3,
                "practice_change_mean",
                1.0,
                "practice_change_ci_low",
                1.0, // sd 0: the interval is the point
                "practice_change_ci_high",
                1.0,
                "practice_change_shrunk",
                approx(MU + B3 * (1 - MU)), // 0.9981… (m 1 is above μ 0.895)
                "effect_size",
                null, // changes all equal: sd 0
                "improved_rate",
                1.0,
                "cost_per_improved",
                30.0); // 90.00 ÷ 3
        assertRow(
                rows.get(1),
                "rank",
                2,
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-a",
                "pl_model",
                "coaching",
                "n_practice_pairs",
                3,
                "practice_change_mean",
                1.0 / 3, // (0 + 0 + 1)/3
                // 1/3 ∓ 1.96·√(1/3)/√3 = 1/3 ∓ 1.96/3
                "practice_change_ci_low",
                approx((1 - 1.96) / 3),
                "practice_change_ci_high",
                approx((1 + 1.96) / 3),
                "practice_change_shrunk",
                approx(MU + B3 * (1.0 / 3 - MU)),
                // sd √(((1/3)² + (1/3)² + (2/3)²)/2) = √(1/3); (1/3)/√(1/3) = √(1/3)
                "effect_size",
                approx(Math.sqrt(1.0 / 3)),
                "improved_rate",
                approx(1.0 / 3),
                "cost_per_improved",
                10.0); // 10.00 ÷ 1
        assertRow(
                rows.get(2),
                "rank",
                3,
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-a",
                "pl_model",
                "plc",
                "n_practice_pairs",
                3,
                "practice_change_mean",
                10.0 / 3 - 3, // the double of each unit's change (all equal)
                "practice_change_ci_low",
                10.0 / 3 - 3,
                "practice_change_ci_high",
                10.0 / 3 - 3, // sd 0
                "practice_change_shrunk",
                approx(MU + B3 * (1.0 / 3 - MU)),
                "effect_size",
                null,
                "improved_rate",
                0.0, // 1/3 < 0.5
                "cost_per_improved",
                null); // 0.00 ÷ 0 improved
    }

    @Test
    void rankingRestartsPerSchoolYearAndAllEligibleRowsFitUnderALargeN() throws IOException {
        Marts marts = Marts.run(fixture(), 3, 0.5, 10);
        assertThat(ranking(marts.rows(BrightSpotsMart.NAME, "2025-26")))
                .containsExactly(
                        "1 lea-2 c-z coaching",
                        "2 lea-1 c-a coaching",
                        "3 lea-1 c-a plc",
                        "4 lea-1 c-b coaching",
                        "5 lea-2 c-a coaching"); // lea-1 < lea-2 on the tie
        assertThat(ranking(marts.rows(BrightSpotsMart.NAME, "2024-25"))).containsExactly("1 lea-1 c-old coaching");
        // cohort_impact rows come in key order (lea_id, cohort_id, pl_model) within the school year
        assertThat(marts.rows(CohortImpactMart.NAME, "2025-26"))
                .extracting(r -> r.get("lea_id") + " " + r.get("cohort_id") + " " + r.get("pl_model"))
                .containsExactly(
                        "lea-1 c-a coaching",
                        "lea-1 c-a plc",
                        "lea-1 c-b coaching",
                        "lea-1 c-p workshop",
                        "lea-1 c-s workshop",
                        "lea-2 c-a coaching",
                        "lea-2 c-z coaching");
        // the excluded rows exist in cohort_impact: c-s is small (2 < 3); c-p (3 educators, 2 pairs) is
        // the workshop model's only other cohort of the year, so it is withheld with c-s (§5.12 step 1)
        assertThat(marts.cohort("lea-1", "c-s", "workshop").get("suppressed")).isEqualTo(true);
        assertThat(marts.cohort("lea-1", "c-p", "workshop").get("suppressed")).isEqualTo(true);
        assertThat(marts.cohort("lea-1", "c-p", "workshop").get("n_practice_pairs"))
                .isNull();
    }

    @Test
    void minCellSizeAlsoBoundsThePracticePairs() throws IOException {
        // min-cell-size 2: c-s (2 units, mean 3) and c-p (2 pairs, mean 2) become eligible and lead
        Marts marts = Marts.run(fixture(), 2, 0.5, 3);
        assertThat(ranking(marts.rows(BrightSpotsMart.NAME, "2025-26")))
                .containsExactly("1 lea-1 c-s workshop", "2 lea-1 c-p workshop", "3 lea-2 c-z coaching");
    }
}
