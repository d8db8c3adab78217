package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** Units U (docs/spec.md §4.4), cohort_impact (§5.2) and its suppression (§5). */
class CohortImpactMartTest {

    @TempDir
    Path dir;

    /*
     * lea-1, 2025-26: a-1 and a-2 are (c-1, coaching), a-3 is (c-1, plc).
     * Funding: a-1 title_ii_a 100.10, a-2 local 200.20, a-3 state 50.00.
     *
     * Unit (c-1, coaching, e-1), pooling a-1 and a-2:
     *   a-1: 60 min on 10-08; response (5,5,5) → 5; baseline {2}, followup {4}
     *   a-2: 30 min on 10-08, 10-22, 11-05 (3 sessions, 28 days: sustained);
     *        responses (1,–,–) → 1 and (2,2,–) → 2; baseline {1,1,1}, followup {2,2,2}
     *   minutes 60 + 90 = 150; sessions 1 + 3 = 4 (a sum, though 10-08 is in both); sustained (a-2)
     *   satisfaction pooled (5 + 1 + 2)/3 = 8/3      [mean of means (5 + 1.5)/2 = 3.25]
     *   baseline pooled (2+1+1+1)/4 = 5/4             [mean of means (2 + 1)/2 = 1.5]
     *   followup pooled (4+2+2+2)/4 = 5/2             [mean of means (4 + 2)/2 = 3]
     *   change 5/2 − 5/4 = 5/4                       [mean of means 1.5]
     *   improved: 10·4 − 5·4 = 20 ≥ 0.5·4·4 = 8; no growth z → level 4
     * (c-1, coaching, e-2): a-1 45 min on 10-08; response (3,4,5) → 4; level 1
     * (c-1, coaching, e-3): a-1 enrollment only; level 0
     * (c-1, coaching, e-4): a-1 90 min on 10-08; baseline {2,3} = 5/2, followup {2,3,3} = 8/3, change 1/6,
     *   improved: 8·2 − 5·3 = 1 < 0.5·2·3 = 3 → false; growth (ma,5): e-4 gain 1, non-participant e-8 gain 3,
     *   mean 2, pop_sd 1 → z(e-4) = −1, z(e-8) = +1; level 5
     * (c-1, plc, e-5): a-3 20 min; level 0.  (c-1, plc, e-6): a-3 response (4,4,4); level 1.
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .activity("a-2", "c-1", "coaching", false)
                .activity("a-3", "c-1", "plc", false)
                .funding("a-1", "title_ii_a", "100.10")
                .funding("a-2", "local", "200.20")
                .funding("a-3", "state", "50.00")
                .attend("a-1", "e-1", "10-08", 60)
                .respond("a-1", "e-1", 5, 5, 5)
                .pair("a-1", "e-1", scores(2), scores(4))
                .attend("a-2", "e-1", "10-08", 30)
                .attend("a-2", "e-1", "10-22", 30)
                .attend("a-2", "e-1", "11-05", 30)
                .respond("a-2", "e-1", 1, null, null)
                .respond("a-2", "e-1", 2, 2, null)
                .pair("a-2", "e-1", scores(1, 1, 1), scores(2, 2, 2))
                .attend("a-1", "e-2", "10-08", 45)
                .respond("a-1", "e-2", 3, 4, 5)
                .enroll("a-1", "e-3")
                .attend("a-1", "e-4", "10-08", 90)
                .pair("a-1", "e-4", scores(2, 3), scores(2, 3, 3))
                .outcome("s-1", "e-4", "ma", 5, "0", "1")
                .outcome("s-2", "e-8", "ma", 5, "0", "3")
                .attend("a-3", "e-5", "10-08", 20)
                .respond("a-3", "e-6", 4, 4, 4);
        return inbox.load();
    }

    @Test
    void cohortImpactPoolsEachUnitAndIsStudentSuppressedBelowTheStudentMinimum() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        assertRow(
                marts.cohort("lea-1", "c-1", "coaching"),
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "activities",
                2, // a-1, a-2
                "cost_usd",
                new BigDecimal("300.30"), // 100.10 + 200.20, exact
                "n_educators",
                4, // e-1..e-4
                "n_attended",
                3, // e-1 150, e-2 45, e-4 90 min
                "minutes_mean",
                95.0, // (150 + 45 + 90)/3 = 285/3
                "sustained_rate",
                approx(1.0 / 3), // e-1 of 3 attended
                "satisfaction_mean",
                approx(10.0 / 3), // (8/3 + 4)/2 (mean of means would give 3.625)
                "n_practice_pairs",
                2, // e-1, e-4
                "practice_baseline_mean",
                15.0 / 8, // (5/4 + 5/2)/2
                "practice_followup_mean",
                approx(31.0 / 12), // (5/2 + 8/3)/2 = (30 + 32)/24
                "practice_change_mean",
                approx(17.0 / 24), // (5/4 + 1/6)/2 = (15 + 2)/24
                // sd of two values = |5/4 − 1/6|/√2 = (13/12)/√2
                "practice_change_sd",
                approx(13.0 / 12 / Math.sqrt(2)),
                "effect_size",
                approx(17 * Math.sqrt(2) / 26), // (17/24) ÷ (13/(12√2)) = 17√2/26
                "improved_rate",
                0.5, // e-1 of 2 pairs
                "change_evidence_rate",
                approx(2.0 / 3), // e-1, e-4 of 3 attended
                // only e-4 has growth z: 1 student < 3 → ‡ null
                "n_students",
                null,
                "student_growth_z_mean",
                null,
                "comparison_growth_z_mean",
                null,
                "student_growth_z_diff",
                null,
                "cost_per_attended",
                approx(100.1), // 300.30/3
                "cost_per_improved",
                approx(300.3), // 300.30/1
                // §4.5: 17/24 ∓ 1.96·sd/√2 = 17/24 ∓ 1.96·(13/12)/2 = 17/24 ∓ 1.96·13/24
                "practice_change_ci_low",
                approx((17 - 1.96 * 13) / 24),
                "practice_change_ci_high",
                approx((17 + 1.96 * 13) / 24),
                // §4.6: the year's only group with ≥ 2 pairs (plc has none): k 1, μ = 17/24,
                // τ² = max(0, (17/24 − μ)² − σ²_w·(1/2)) = 0 → B = 0, shrunk = μ
                "practice_change_shrunk",
                approx(17.0 / 24),
                "shrinkage",
                0.0,
                // ‡ (student-suppressed); they would be null anyway: one growth z on each side, and the
                // (ma,5) prior scores {0, 0} have pop_sd 0, so no prior z
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
    }

    @Test
    void studentColumnsAppearWhenTheStudentMinimumIsMet() throws IOException {
        // min-cell-size 1: 4 educators and 1 student are enough
        Marts.Row row = Marts.run(fixture(), 1).cohort("lea-1", "c-1", "coaching");
        assertThat(row.get("n_students")).isEqualTo(1); // s-1
        assertThat(row.get("student_growth_z_mean")).isEqualTo(-1.0); // e-4 alone: (1 − 2)/1
        assertThat(row.get("comparison_growth_z_mean")).isEqualTo(1.0); // e-8: (3 − 2)/1
        assertThat(row.get("student_growth_z_diff")).isEqualTo(-2.0);
        assertThat(row.get("student_suppressed")).isEqualTo(false);
    }

    @Test
    void aGroupBelowTheMinimumHasItsDaggerColumnsNullButKeepsActivitiesAndCost() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        assertRow(
                marts.cohort("lea-1", "c-1", "plc"),
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-1",
                "pl_model",
                "plc",
                "activities",
                1,
                "cost_usd",
                new BigDecimal("50.00"),
                // 2 units (e-5, e-6) < 3: every † and ‡ column null
                "n_educators",
                null,
                "n_attended",
                null,
                "minutes_mean",
                null,
                "sustained_rate",
                null,
                "satisfaction_mean",
                null,
                "n_practice_pairs",
                null,
                "practice_baseline_mean",
                null,
                "practice_followup_mean",
                null,
                "practice_change_mean",
                null,
                "practice_change_sd",
                null,
                "effect_size",
                null,
                "improved_rate",
                null,
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
                null,
                "practice_change_ci_low",
                null,
                "practice_change_ci_high",
                null,
                "practice_change_shrunk",
                null,
                "shrinkage",
                null,
                "student_growth_z_diff_ci_low",
                null,
                "student_growth_z_diff_ci_high",
                null,
                "baseline_es",
                null,
                "baseline_equivalence",
                null,
                "suppressed",
                true,
                "student_suppressed",
                true);
    }

    @Test
    void defaultMinCellSizeOf10SuppressesAGroupOf4() throws IOException {
        Marts.Row row = Marts.run(fixture(), 10).cohort("lea-1", "c-1", "coaching");
        assertThat(row.get("suppressed")).isEqualTo(true);
        assertThat(row.get("student_suppressed")).isEqualTo(true);
        assertThat(row.get("n_educators")).isNull();
        assertThat(row.get("practice_change_mean")).isNull();
        assertThat(row.get("cost_per_improved")).isNull();
        assertThat(row.get("activities")).isEqualTo(2);
        assertThat(row.get("cost_usd")).isEqualTo(new BigDecimal("300.30"));
    }

    @Test
    void unitsCountByEvidenceLevelAndPElementsKeepTheirOwnMeasures() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        // units: level 0 e-3, (plc) e-5; level 1 e-2, (plc) e-6; level 4 e-1; level 5 e-4
        Marts.Row coverage = marts.one(EvidenceCoverageMart.NAME, r -> true);
        assertThat(coverage.get("units_level_0")).isEqualTo(2);
        assertThat(coverage.get("units_level_1")).isEqualTo(2);
        assertThat(coverage.get("units_level_4")).isEqualTo(1);
        assertThat(coverage.get("units_level_5")).isEqualTo(1);
        // the P element (a-2, e-1) alone: baseline 1, followup 2, change 1; satisfaction (1 + 2)/2 = 1.5
        Marts.Row a2 = marts.educatorActivity("lea-1", "a-2", "e-1");
        assertThat(a2.get("practice_change")).isEqualTo(1.0);
        assertThat(a2.get("satisfaction")).isEqualTo(1.5);
        assertThat(a2.get("sessions_attended")).isEqualTo(3);
        assertThat(a2.get("sustained")).isEqualTo(true);
        assertThat(marts.educatorActivity("lea-1", "a-1", "e-1").get("sustained"))
                .isEqualTo(false);
    }
}
