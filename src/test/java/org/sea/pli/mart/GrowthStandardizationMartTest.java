package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** Statewide growth standardization (docs/spec.md §4.3) as it reaches educator_activity and cohort_impact (§5.2). */
class GrowthStandardizationMartTest {

    @TempDir
    Path dir;

    /*
     * 2025-26 outcome rows, by (assessment_id, grade) group, over BOTH LEAs:
     *   (ma,5): lea-1 e-1 s-1 gain 5, lea-1 e-1 s-2 gain 7, lea-1 e-2 s-2 gain 3, lea-1 e-7 s-5 gain 1,
     *           lea-2 e-9 s-9 gain 4
     *           n 5, mean 20/5 = 4, pop var (1+9+1+9+0)/5 = 4, pop_sd 2
     *           (a sample sd would be √5; lea-1 alone would give pop_sd √(20/4) = √5)
     *           z: e-1 (5−4)/2 = 0.5 and (7−4)/2 = 1.5; e-2 −0.5; e-7 −1.5; e-9 0
     *   (ma,6): lea-1 e-1 s-4 alone → z null (fewer than 2 rows)
     *   (el,5): lea-1 e-1 s-3 gain 2.5 − 1 = 1.5, lea-2 e-9 s-9 gain 3.5 − 2 = 1.5 → pop_sd 0 → z null
     *   (sc,7): lea-1 e-2 s-6 gain 10000000000000001 − 10000000000000000 = 1 (exact in decimal; 0 if the
     *           operands were doubles first), lea-2 e-9 s-7 gain 0 → mean 0.5, pop_sd 0.5, z +1 / −1
     *   (ma,8): lea-1 e-8 s-8 alone → z null
     * 2024-25: lea-2 e-9 s-9 (ma,5) gain 100 — another school year, so not in the 2025-26 group.
     *
     * student_growth_z (mean over rows with non-null z):
     *   e-1 = (0.5 + 1.5)/2 = 1.0 (its null-z rows in (ma,6), (el,5) do not count)
     *   e-2 = (−0.5 + 1)/2 = 0.25
     *   e-7 = −1.5 (non-participant of lea-1), e-8 = null (non-participant, no z), e-9 (lea-2) = (0 − 1)/2 = −0.5
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .enroll("a-1", "e-1")
                .enroll("a-1", "e-2")
                .outcome("s-1", "e-1", "ma", 5, "0", "5")
                .outcome("s-2", "e-1", "ma", 5, "0", "7")
                .outcome("s-2", "e-2", "ma", 5, "0", "3")
                .outcome("s-5", "e-7", "ma", 5, "0", "1")
                .outcome("s-4", "e-1", "ma", 6, "1", "2")
                .outcome("s-3", "e-1", "el", 5, "1", "2.5")
                .outcome("s-6", "e-2", "sc", 7, "10000000000000000", "10000000000000001")
                .outcome("s-8", "e-8", "ma", 8, "3", "4");
        inbox.lea("lea-2")
                .outcome("s-9", "e-9", "ma", 5, "0", "4")
                .outcome("s-9", "e-9", "el", 5, "2", "3.5")
                .outcome("s-7", "e-9", "sc", 7, "0", "0")
                .year("2024-25")
                .outcome("s-9", "e-9", "ma", 5, "0", "100");
        return inbox.load();
    }

    @Test
    void zIsStandardizedStatewideWithinSchoolYearAssessmentAndGrade() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        assertThat((Double) marts.educatorActivity("lea-1", "a-1", "e-1").get("student_growth_z"))
                .isCloseTo(1.0, within(1e-12));
        assertThat((Double) marts.educatorActivity("lea-1", "a-1", "e-2").get("student_growth_z"))
                .isCloseTo(0.25, within(1e-12));
        // level: no practice change, no satisfaction → 0 even with growth z
        assertThat(marts.educatorActivity("lea-1", "a-1", "e-1").get("evidence_level"))
                .isEqualTo(0);
    }

    @Test
    void cohortImpactStudentColumnsUseDistinctStudentsWithZAndTheLeaYearsNonParticipants() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        assertRow(
                marts.cohort("lea-1", "c-1", "coaching"),
                "lea_id",
                "lea-1",
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "activities",
                1,
                "cost_usd",
                new BigDecimal("0.00"), // no pl_funding rows: 0
                "n_educators",
                2, // units e-1, e-2 (enrolled only)
                "n_attended",
                0,
                "minutes_mean",
                null, // mean over no attended unit
                "sustained_rate",
                null, // 0 ÷ 0
                "satisfaction_mean",
                null,
                "n_practice_pairs",
                0,
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
                null, // 0 ÷ 0
                "change_evidence_rate",
                null, // 0 ÷ 0
                // students of non-null-z rows: e-1 {s-1, s-2}, e-2 {s-2, s-6} → {s-1, s-2, s-6}
                // (s-3, s-4 only have null-z rows)
                "n_students",
                3,
                "student_growth_z_mean",
                approx(0.625), // (1.0 + 0.25)/2
                "comparison_growth_z_mean",
                approx(-1.5), // lea-1 non-participants: e-7 −1.5 (e-8 has none;
                // lea-2's e-9 is not lea-1's)
                "student_growth_z_diff",
                approx(2.125), // 0.625 − (−1.5)
                "cost_per_attended",
                null, // ÷ 0 attended
                "cost_per_improved",
                null, // ÷ 0 improved
                "practice_change_ci_low",
                null,
                "practice_change_ci_high",
                null, // no practice pairs
                "practice_change_shrunk",
                null,
                "shrinkage",
                null,
                // §4.5: 2 units with z, but 1 non-participant with one (e-7) → null
                "student_growth_z_diff_ci_low",
                null,
                "student_growth_z_diff_ci_high",
                null,
                // §4.7 prior z: (el,5) priors {1, 2} → e-1's −1; (sc,7) {1e16, 0} → e-2's +1; (ma,5) priors all
                // 0 → pop_sd 0, none; (ma,6), (ma,8) one row, none. Treatment {−1, +1}, but the comparison
                // rows (e-7 in (ma,5), e-8 in (ma,8)) have no prior z: n_c = 0 → null
                "baseline_es",
                null,
                "baseline_equivalence",
                null,
                "suppressed",
                false, // 2 educators ≥ min-cell-size 2
                "student_suppressed",
                false); // 3 students ≥ 2
    }

    @Test
    void aSuppressedRowIsStudentSuppressedEvenWithEnoughStudents() throws IOException {
        // min-cell-size 3: n_educators 2 < 3 → suppressed, so student-suppressed although n_students = 3 ≥ 3
        Marts.Row row = Marts.run(fixture(), 3).cohort("lea-1", "c-1", "coaching");
        assertThat(row.get("suppressed")).isEqualTo(true);
        assertThat(row.get("student_suppressed")).isEqualTo(true);
        for (String c : new String[] {
            "n_educators",
            "n_attended",
            "n_practice_pairs",
            "n_students",
            "student_growth_z_mean",
            "comparison_growth_z_mean",
            "student_growth_z_diff"
        }) {
            assertThat(row.get(c)).as(c).isNull();
        }
        assertThat(row.get("activities")).isEqualTo(1);
        assertThat(row.get("cost_usd")).isEqualTo(new BigDecimal("0.00"));
    }
}
