package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/**
 * The columns of cohort_impact that make its evidence credible (spec §5.2): the §4.5 intervals, the
 * §4.6 shrunk change over every cohort group of the year, the §4.7 baseline equivalence, and their
 * suppression († and ‡); and the §5.6 reordering of bright spots by the shrunk change.
 */
class CredibleEvidenceMartTest {

    @TempDir
    Path dir;

    /*
     * 2025-26, one activity per cohort, practice pairs of single-score baselines (changes in halves):
     *   lea-1 (c-a, coaching) A: a-1 {2}→{1} −1, a-2 {1}→{1} 0                       n 2, m −0.5, s² 0.5
     *   lea-1 (c-b, coaching) B: b-1 {1}→{1} 0, b-2 {1}→{1,2} 0.5, b-3 {1}→{2} 1      n 3, m 0.5,  s² 0.25
     *   lea-2 (c-c, coaching) C: c-1 {1}→{1,2} 0.5, c-2 {1}→{2} 1, c-3 {1}→{2,3} 1.5,
     *                            c-4 {1}→{3} 2, c-5 {1}→{3,4} 2.5                     n 5, m 1.5,  s² 0.625
     *   lea-2 (c-d, coaching) D: d-1 {1}→{4} 3                                          n 1: not in §4.6
     * §4.6 (the CohortShrinkageTest example shifted by −1 and halved: B is unchanged by both):
     *   μ = (2·(−0.5) + 3·0.5 + 5·1.5)/10 = 8/10 = 0.8
     *   σ²_w = (1·0.5 + 2·0.25 + 4·0.625)/7 = 3.5/7 = 0.5
     *   τ² = (1.3² + 0.3² + 0.7²)/3 − 0.5·(1/2 + 1/3 + 1/5)/3 = 2.27/3 − 31/180 = 526/900
     *   B_A = τ²/(τ² + 0.5/2) = 526/751, B_B = τ²/(τ² + 0.5/3) = 526/676, B_C = τ²/(τ² + 0.5/5) = 526/616
     *   shrunk A 0.8 − 1.3·526/751, B 0.8 − 0.3·526/676, C 0.8 + 0.7·526/616
     * With min-cell-size 3, A (2 units) and D (1) are suppressed — A still counts in the fit.
     *
     * Outcomes, one standardization group per LEA:
     *   lea-1 (el,5): b-1 s-11 prior 1 gain 0, b-2 s-12 prior 3 gain 2; non-participants m-1 s-13 prior 1
     *     gain 2 and s-14 prior 3 gain 0, m-2 s-15 prior 2 gain 1.
     *     gains {0, 2, 2, 0, 1}: mean 1, pop var 4/5 → z b-1 −1/√0.8, b-2 +1/√0.8, m-1 (1 − 1)/(2√0.8) = 0, m-2 0
     *     priors {1, 3, 1, 3, 2}: mean 2; treatment prior z of b-1, b-2 mean 0, comparison mean 0 → g = 0
     *   lea-2 (ma,5): c-1 s-1 prior 2 gain 1, c-2 s-2 prior 4 gain 3, c-3 s-3 prior 6 gain 5;
     *     non-participants n-1 s-4 prior 0 gain 1 and s-5 prior 4 gain 5, n-2 s-6 prior 2 gain 3.
     *     gains {1, 3, 5, 1, 5, 3}: mean 3, pop var 16/6 = 8/3 → z c-1 −2/σ, c-2 0, c-3 2/σ; n-1 0, n-2 0
     *     priors {2, 4, 6, 0, 4, 2}: one group, so Hedges' g on z equals g on the raw priors (z is linear):
     *     treatment {2, 4, 6} x̄ 4, SS 8; comparison {0, 4, 2} x̄ 2, SS 8; s_p = √(16/4) = 2;
     *     g = (1 − 3/(4·6 − 9))·(4 − 2)/2 = (4/5)·1 = 0.8 → fails
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("act-a", "c-a", "coaching", false)
                .activity("act-b", "c-b", "coaching", false)
                .pair("act-a", "a-1", scores(2), scores(1))
                .pair("act-a", "a-2", scores(1), scores(1))
                .pair("act-b", "b-1", scores(1), scores(1))
                .pair("act-b", "b-2", scores(1), scores(1, 2))
                .pair("act-b", "b-3", scores(1), scores(2))
                .outcome("s-11", "b-1", "el", 5, "1", "1")
                .outcome("s-12", "b-2", "el", 5, "3", "5")
                .outcome("s-13", "m-1", "el", 5, "1", "3")
                .outcome("s-14", "m-1", "el", 5, "3", "3")
                .outcome("s-15", "m-2", "el", 5, "2", "3");
        inbox.lea("lea-2")
                .activity("act-c", "c-c", "coaching", false)
                .activity("act-d", "c-d", "coaching", false)
                .pair("act-c", "c-1", scores(1), scores(1, 2))
                .pair("act-c", "c-2", scores(1), scores(2))
                .pair("act-c", "c-3", scores(1), scores(2, 3))
                .pair("act-c", "c-4", scores(1), scores(3))
                .pair("act-c", "c-5", scores(1), scores(3, 4))
                .pair("act-d", "d-1", scores(1), scores(4))
                .outcome("s-1", "c-1", "ma", 5, "2", "3")
                .outcome("s-2", "c-2", "ma", 5, "4", "7")
                .outcome("s-3", "c-3", "ma", 5, "6", "11")
                .outcome("s-4", "n-1", "ma", 5, "0", "1")
                .outcome("s-5", "n-1", "ma", 5, "4", "9")
                .outcome("s-6", "n-2", "ma", 5, "2", "5");
        return inbox.load();
    }

    private static final double TAU2 = 526.0 / 900;

    @Test
    void intervalsShrunkChangeAndBaselineEquivalenceOfALargeCohort() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        assertRow(
                marts.cohort("lea-2", "c-c", "coaching"),
                "lea_id",
                "lea-2",
                "cohort_id",
                "c-c",
                "pl_model",
                "coaching",
                "activities",
                1,
                "cost_usd",
                new BigDecimal("0.00"),
                "n_educators",
                5,
                "n_attended",
                0,
                "minutes_mean",
                null,
                "sustained_rate",
                null,
                "satisfaction_mean",
                null,
                "n_practice_pairs",
                5,
                "practice_baseline_mean",
                1.0,
                "practice_followup_mean",
                2.5, // (1.5 + 2 + 2.5 + 3 + 3.5)/5
                "practice_change_mean",
                1.5,
                "practice_change_sd",
                approx(Math.sqrt(0.625)), // √((1 + 0.25 + 0 + 0.25 + 1)/4)
                "effect_size",
                approx(1.5 / Math.sqrt(0.625)),
                "improved_rate",
                1.0, // every change ≥ 0.5
                "change_evidence_rate",
                null, // 0 attended
                "n_students",
                3, // s-1, s-2, s-3
                "student_growth_z_mean",
                approx(0.0), // (−2/σ + 0 + 2/σ)/3
                "comparison_growth_z_mean",
                approx(0.0), // n-1 (−2/σ + 2/σ)/2, n-2 0
                "student_growth_z_diff",
                approx(0.0),
                "cost_per_attended",
                null,
                "cost_per_improved",
                0.0,
                // §4.5: 1.5 ∓ 1.96·√0.625/√5 = 1.5 ∓ 1.96·√0.125
                "practice_change_ci_low",
                approx(1.5 - 1.96 * Math.sqrt(0.125)),
                "practice_change_ci_high",
                approx(1.5 + 1.96 * Math.sqrt(0.125)),
                "practice_change_shrunk",
                approx(0.8 + 0.7 * 526 / 616), // 1.3977…
                "shrinkage",
                approx(526.0 / 616),
                // §4.5 difference: treatment z {−2/σ, 0, 2/σ}, s² = (8/σ²)/2 = 4·3/8 = 1.5, n 3;
                // comparison {0, 0}, s² 0, n 2 → 0 ∓ 1.96·√(1.5/3 + 0/2) = ∓1.96·√0.5
                "student_growth_z_diff_ci_low",
                approx(-1.96 * Math.sqrt(0.5)),
                "student_growth_z_diff_ci_high",
                approx(1.96 * Math.sqrt(0.5)),
                "baseline_es",
                approx(0.8),
                "baseline_equivalence",
                "fails",
                "suppressed",
                false,
                "student_suppressed",
                false);
    }

    @Test
    void everyNewColumnIsSuppressedWithItsRow() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        // B: 3 educators shown (†), but 2 students (s-11, s-12) < 3 → every ‡ column null,
        // although its baseline_es (0) and growth interval exist (see the min-cell-size 2 run below)
        assertRow(
                marts.cohort("lea-1", "c-b", "coaching"),
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-b",
                "pl_model",
                "coaching",
                "activities",
                1,
                "cost_usd",
                new BigDecimal("0.00"),
                "n_educators",
                3,
                "n_attended",
                0,
                "minutes_mean",
                null,
                "sustained_rate",
                null,
                "satisfaction_mean",
                null,
                "n_practice_pairs",
                3,
                "practice_baseline_mean",
                1.0,
                "practice_followup_mean",
                1.5, // (1 + 1.5 + 2)/3
                "practice_change_mean",
                0.5,
                "practice_change_sd",
                0.5, // √((0.25 + 0 + 0.25)/2)
                "effect_size",
                1.0,
                "improved_rate",
                approx(2.0 / 3), // b-2 (exactly 0.5), b-3
                "change_evidence_rate",
                null,
                "n_students",
                null,
                "student_growth_z_mean",
                null,
                "comparison_growth_z_mean",
                null,
                "student_growth_z_diff",
                null,
                "cost_per_attended",
                null,
                "cost_per_improved",
                0.0,
                "practice_change_ci_low",
                approx(0.5 - 1.96 * 0.5 / Math.sqrt(3)),
                "practice_change_ci_high",
                approx(0.5 + 1.96 * 0.5 / Math.sqrt(3)),
                "practice_change_shrunk",
                approx(0.8 - 0.3 * 526 / 676), // 0.5665…
                "shrinkage",
                approx(526.0 / 676),
                "student_growth_z_diff_ci_low",
                null,
                "student_growth_z_diff_ci_high",
                null,
                "baseline_es",
                null,
                "baseline_equivalence",
                null,
                "suppressed",
                false,
                "student_suppressed",
                true);
        // A: 2 educators < 3 → every † and ‡ column null, its shrunk change and interval included
        Marts.Row a = marts.cohort("lea-1", "c-a", "coaching");
        assertThat(a.get("suppressed")).isEqualTo(true);
        for (String c : List.of(
                "practice_change_ci_low",
                "practice_change_ci_high",
                "practice_change_shrunk",
                "shrinkage",
                "student_growth_z_diff_ci_low",
                "student_growth_z_diff_ci_high",
                "baseline_es",
                "baseline_equivalence")) {
            assertThat(a.get(c)).as(c).isNull();
        }
    }

    @Test
    void shrinkageDoesNotDependOnSuppressionAndOnePairHasNone() throws IOException {
        // min-cell-size 2: D (1 educator) is the only small coaching cohort of the year among four, so the
        // smallest other, A (2 educators), is withheld with it (§5.12 step 1); B's students are shown.
        // The fit is the same whatever is withheld (it always includes A): A's values read at min-cell-size 1.
        Marts marts = Marts.run(fixture(), 2);
        assertThat(marts.cohort("lea-1", "c-a", "coaching").get("suppressed")).isEqualTo(true);
        assertThat(marts.cohort("lea-1", "c-a", "coaching").get("practice_change_shrunk"))
                .isNull();
        Marts.Row a = Marts.run(fixture(), 1).cohort("lea-1", "c-a", "coaching");
        assertThat((Double) a.get("practice_change_shrunk"))
                .isCloseTo(0.8 - 1.3 * 526 / 751, org.assertj.core.api.Assertions.within(1e-12)); // 0.0895…
        assertThat((Double) a.get("shrinkage"))
                .isCloseTo(TAU2 / (TAU2 + 0.25), org.assertj.core.api.Assertions.within(1e-12));
        // A's interval: −0.5 ∓ 1.96·√0.5/√2 = −0.5 ∓ 0.98
        assertThat((Double) a.get("practice_change_ci_low"))
                .isCloseTo(-1.48, org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) a.get("practice_change_ci_high"))
                .isCloseTo(0.48, org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) marts.cohort("lea-2", "c-c", "coaching").get("practice_change_shrunk"))
                .isCloseTo(0.8 + 0.7 * 526 / 616, org.assertj.core.api.Assertions.within(1e-12));
        // D: one practice pair → no interval, no shrinkage (and, with 1 educator < 2, suppressed anyway)
        Marts.Row d = Marts.run(fixture(), 1).cohort("lea-2", "c-d", "coaching");
        assertThat(d.get("n_practice_pairs")).isEqualTo(1);
        assertThat(d.get("practice_change_ci_low")).isNull();
        assertThat(d.get("practice_change_shrunk")).isNull();
        assertThat(d.get("shrinkage")).isNull();
        // B's students shown at min-cell-size 2: z b-1 −1/√0.8, b-2 +1/√0.8 → s² = (2/0.8)/1 = 2.5, n 2;
        // comparison m-1 0, m-2 0 → s² 0, n 2: 0 ∓ 1.96·√(2.5/2) = ∓1.96·√1.25
        Marts.Row b = marts.cohort("lea-1", "c-b", "coaching");
        assertThat(b.get("student_suppressed")).isEqualTo(false);
        assertThat((Double) b.get("student_growth_z_diff_ci_high"))
                .isCloseTo(1.96 * Math.sqrt(1.25), org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) b.get("student_growth_z_diff_ci_low"))
                .isCloseTo(-1.96 * Math.sqrt(1.25), org.assertj.core.api.Assertions.within(1e-12));
        // priors: treatment b-1 1, b-2 3 (z mean 0); comparison 1, 3, 2 (z mean 0) → g = 0 → satisfies
        assertThat((Double) b.get("baseline_es")).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.get("baseline_equivalence")).isEqualTo("satisfies");
    }

    /*
     * §4.7 prior z is standardized statewide per (school_year, assessment_id, grade), like the gains:
     * lea-1 (c-1, coaching) units t-1, t-2 (enrolled); non-participants n-1, n-2; lea-2's x-1, x-2 share (el,5).
     *   (ma,5): t-1 prior 10, n-1 prior 0 → mean 5, pop_sd 5 → prior z t-1 +1, n-1 −1
     *   (el,5): t-2 prior 0, n-2 prior 2, x-1 4, x-2 6 → mean 3, pop var (9 + 1 + 1 + 9)/4 = 5
     *           → prior z t-2 −3a, n-2 −a with a = 1/√5
     *   treatment {1, −3a}: x̄ (1 − 3a)/2, SS (1 + 3a)²/2; comparison {−1, −a}: x̄ −(1 + a)/2, SS (1 − a)²/2
     *   x̄_t − x̄_c = 1 − a; s_p² = ((1 + 3a)² + (1 − a)²)/4 = (2 + 4a + 10a²)/4 = 1 + a (10a² = 2)
     *   g = (1 − 3/(16 − 9))·(1 − a)/√(1 + a) = (4/7)(1 − a)/√(1 + a) = 0.2625… → fails
     * (lea-1's (el,5) rows alone would give z t-2 −1, n-2 +1 and g = 0; raw priors g = (4/7)·4/√26 = 0.448)
     * Gains (for growth z): (ma,5) t-1 1, n-1 3; (el,5) t-2 1, n-2 1, x-1 1, x-2 3.
     */
    @Test
    void priorScoresAreStandardizedStatewideWithinTheirGroup() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("act-1", "c-1", "coaching", false)
                .enroll("act-1", "t-1")
                .enroll("act-1", "t-2")
                .outcome("s-1", "t-1", "ma", 5, "10", "11")
                .outcome("s-2", "n-1", "ma", 5, "0", "3")
                .outcome("s-3", "t-2", "el", 5, "0", "1")
                .outcome("s-4", "n-2", "el", 5, "2", "3");
        inbox.lea("lea-2").outcome("s-5", "x-1", "el", 5, "4", "5").outcome("s-6", "x-2", "el", 5, "6", "9");
        Marts.Row row = Marts.run(inbox.load(), 2).cohort("lea-1", "c-1", "coaching");
        double a = 1 / Math.sqrt(5);
        assertThat(row.get("student_suppressed")).isEqualTo(false); // 2 educators, 2 students
        assertThat((Double) row.get("baseline_es"))
                .isCloseTo(4.0 / 7 * (1 - a) / Math.sqrt(1 + a), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(row.get("baseline_equivalence")).isEqualTo("fails");
    }

    /*
     * Bright spots at min-cell-size 10, 2025-26, lea-1 (single-score pairs, changes integers):
     *   L (c-l, workshop) n 10: five 0 ({1}→{1}), five 3 ({1}→{4})  m 3/2,   SS 22.5,  s² 5/2
     *   M (c-m, coaching) n 20: eleven 1, nine 2                     m 29/20, SS 11·0.45² + 9·0.55² = 4.95
     *   N (c-n, plc)      n 10: two 0, eight 1                       m 4/5,   SS 2·0.64 + 8·0.04 = 1.6
     *   μ = (15 + 29 + 8)/40 = 1.3;  σ²_w = (22.5 + 4.95 + 1.6)/(9 + 19 + 9) = 29.05/37 = 581/740
     *   (1/3)Σ(m − μ)² = (0.04 + 0.0225 + 0.25)/3 = 5/48 = 925/8880
     *   σ²_w·(1/3)(1/10 + 1/20 + 1/10) = 581/8880  →  τ² = 344/8880 = 43/1110 = 860/22200
     *   B_L = 860/(860 + σ²_w/10 = 1743/22200) = 860/2603;  B_M = 860/(860 + 871.5) = 1720/3463
     *   shrunk L = 1.3 + 0.2·860/2603 = 1.3 + 172/2603 = 1.36608…
     *   shrunk M = 1.3 + 0.15·1720/3463 = 1.3 + 258/3463 = 1.37450…
     *   shrunk N = 1.3 − 0.5·860/2603 = 1.3 − 430/2603 = 1.13481…
     * Raw means rank L, M, N; the shrunk change ranks M, L, N: the noisy ten fall below the steady twenty.
     */
    @Test
    void theRawLeaderOfTenFallsBelowALargerSteadierCohort() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        TestInbox.Lea lea = inbox.lea("lea-1")
                .activity("act-l", "c-l", "workshop", false)
                .activity("act-m", "c-m", "coaching", false)
                .activity("act-n", "c-n", "plc", false);
        for (int i = 0; i < 10; i++) {
            lea.pair("act-l", "l-" + i, scores(1), scores(i < 5 ? 1 : 4));
            lea.pair("act-n", "n-" + i, scores(1), scores(i < 2 ? 1 : 2));
        }
        for (int i = 0; i < 20; i++) {
            lea.pair("act-m", "m-" + i, scores(1), scores(i < 11 ? 2 : 3));
        }
        Marts marts = Marts.run(inbox.load(), 10);
        List<Marts.Row> spots = marts.rows(BrightSpotsMart.NAME, "2025-26");
        assertThat(spots)
                .extracting(r -> r.get("rank") + " " + r.get("cohort_id"))
                .containsExactly("1 c-m", "2 c-l", "3 c-n");
        assertRow(
                spots.get(1),
                "rank",
                2,
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-l",
                "pl_model",
                "workshop",
                "n_practice_pairs",
                10,
                "practice_change_mean",
                1.5,
                "practice_change_ci_low",
                approx(1.5 - 1.96 * 0.5), // sd √2.5, √2.5/√10 = 0.5
                "practice_change_ci_high",
                approx(1.5 + 1.96 * 0.5),
                "practice_change_shrunk",
                approx(1.3 + 172.0 / 2603),
                "effect_size",
                approx(1.5 / Math.sqrt(2.5)),
                "improved_rate",
                0.5, // the five 3s
                "cost_per_improved",
                0.0); // no funding: 0.00 ÷ 5
        assertThat((Double) spots.get(0).get("practice_change_shrunk"))
                .isCloseTo(1.3 + 258.0 / 3463, org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) spots.get(2).get("practice_change_shrunk"))
                .isCloseTo(1.3 - 430.0 / 2603, org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) marts.cohort("lea-1", "c-m", "coaching").get("shrinkage"))
                .isCloseTo(1720.0 / 3463, org.assertj.core.api.Assertions.within(1e-12));
    }
}
