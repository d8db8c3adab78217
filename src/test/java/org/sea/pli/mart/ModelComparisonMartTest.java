package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;
import static org.sea.pli.mart.Marts.eq;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** model_comparison (docs/spec.md §5.3) and the null rules of effect_size (§5.2). */
class ModelComparisonMartTest {

    @TempDir
    Path dir;

    /*
     * coaching units (statewide):
     *   lea-1 (c-1, e-1): a-1 baseline {2} followup {3} → change 1; 60 min
     *   lea-1 (c-1, e-2): a-1 {2} → {2} → change 0; no attendance
     *   lea-1 (c-2, e-3): a-2 {1} → {2} → change 1; 30 min; response (4,–,–) → 4
     *   lea-2 (c-1, e-1): a-1 {1} → {3} → change 2; 90 min (same ids as lea-1, another LEA: another unit)
     *   a-9 (lea-1, coaching) has funding but no participant.
     * workshop: lea-1 (c-5, e-4) a-5, one unit.
     * plc: lea-1 (c-6) e-5, e-6, e-7 each {1} → {2}: changes all 1.
     * inquiry_cycle: lea-1 (c-7) e-8 {1} → {3}, e-9 and e-10 enrolled only: one pair.
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .activity("a-2", "c-2", "coaching", false)
                .activity("a-9", "c-9", "coaching", false)
                .activity("a-5", "c-5", "workshop", false)
                .activity("a-6", "c-6", "plc", false)
                .activity("a-7", "c-7", "inquiry_cycle", false)
                .funding("a-1", "title_ii_a", "10.00")
                .funding("a-2", "title_iv_a", "0.10")
                .funding("a-9", "title_ii_a", "1000.00")
                .funding("a-5", "local", "7.00")
                .pair("a-1", "e-1", scores(2), scores(3))
                .attend("a-1", "e-1", "10-01", 60)
                .pair("a-1", "e-2", scores(2), scores(2))
                .pair("a-2", "e-3", scores(1), scores(2))
                .attend("a-2", "e-3", "10-01", 30)
                .respond("a-2", "e-3", 4, null, null)
                .enroll("a-5", "e-4")
                .pair("a-6", "e-5", scores(1), scores(2))
                .pair("a-6", "e-6", scores(1), scores(2))
                .pair("a-6", "e-7", scores(1), scores(2))
                .pair("a-7", "e-8", scores(1), scores(3))
                .enroll("a-7", "e-9")
                .enroll("a-7", "e-10");
        inbox.lea("lea-2")
                .activity("a-1", "c-1", "coaching", false)
                .funding("a-1", "state", "0.20")
                .pair("a-1", "e-1", scores(1), scores(3))
                .attend("a-1", "e-1", "10-01", 90);
        return inbox.load();
    }

    @Test
    void modelComparisonAggregatesAllUnitsOfAModelStatewide() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        double sd = Math.sqrt(2.0 / 3); // changes {1, 0, 1, 2}, mean 1: √((0 + 1 + 0 + 1)/3)
        assertRow(
                marts.one(ModelComparisonMart.NAME, eq("pl_model", "coaching")),
                "pl_model",
                "coaching",
                "leas",
                2,
                "cohorts",
                3, // (lea-1, c-1), (lea-1, c-2), (lea-2, c-1)
                "cost_usd",
                new BigDecimal("10.30"), // a-1 10.00 + a-2 0.10 + lea-2 a-1 0.20; not a-9
                "n_educators",
                4,
                "n_attended",
                3,
                "minutes_mean",
                60.0, // (60 + 30 + 90)/3
                "sustained_rate",
                0.0, // 0 of 3
                "satisfaction_mean",
                4.0,
                "n_practice_pairs",
                4,
                "practice_baseline_mean",
                1.5, // (2 + 2 + 1 + 1)/4
                "practice_followup_mean",
                2.5, // (3 + 2 + 2 + 3)/4
                "practice_change_mean",
                1.0,
                "practice_change_sd",
                approx(sd),
                "effect_size",
                approx(1 / sd), // √1.5
                "improved_rate",
                0.75, // 1, 1, 2 ≥ 0.5; 0 is not
                "practice_change_ci_low",
                approx(1 - 1.96 * sd / 2), // mean − 1.96·sd/√4
                "practice_change_ci_high",
                approx(1 + 1.96 * sd / 2),
                "suppressed",
                false);
    }

    @Test
    void aModelBelowTheMinimumKeepsLeasCohortsAndCostOnly() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        assertRow(
                marts.one(ModelComparisonMart.NAME, eq("pl_model", "workshop")),
                "pl_model",
                "workshop",
                "leas",
                1,
                "cohorts",
                1,
                "cost_usd",
                new BigDecimal("7.00"),
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
                "practice_change_ci_low",
                null,
                "practice_change_ci_high",
                null,
                "suppressed",
                true);
        assertThat(marts.rows(ModelComparisonMart.NAME))
                .extracting(r -> r.get("pl_model"))
                .containsExactly("coaching", "inquiry_cycle", "plc", "workshop"); // key order
    }

    @Test
    void effectSizeIsNullWhenAllChangesAreEqualOrThereIsOnlyOnePair() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        // plc: changes {1, 1, 1} → sd 0 (< 1e-9) → effect_size null; the CI collapses onto the mean
        Marts.Row plc = marts.cohort("lea-1", "c-6", "plc");
        assertThat(plc.get("practice_change_mean")).isEqualTo(1.0);
        assertThat(plc.get("practice_change_sd")).isEqualTo(0.0);
        assertThat(plc.get("effect_size")).isNull();
        assertThat(plc.get("improved_rate")).isEqualTo(1.0);
        Marts.Row plcModel = marts.one(ModelComparisonMart.NAME, eq("pl_model", "plc"));
        assertThat(plcModel.get("effect_size")).isNull();
        assertThat(plcModel.get("practice_change_ci_low")).isEqualTo(1.0);
        assertThat(plcModel.get("practice_change_ci_high")).isEqualTo(1.0);
        // inquiry_cycle: 3 units, 1 pair (change 3 − 1 = 2) → sd null → effect_size and CI null
        Marts.Row inquiry = marts.cohort("lea-1", "c-7", "inquiry_cycle");
        assertThat(inquiry.get("n_educators")).isEqualTo(3);
        assertThat(inquiry.get("n_practice_pairs")).isEqualTo(1);
        assertThat(inquiry.get("practice_change_mean")).isEqualTo(2.0);
        assertThat(inquiry.get("practice_change_sd")).isNull();
        assertThat(inquiry.get("effect_size")).isNull();
        Marts.Row inquiryModel = marts.one(ModelComparisonMart.NAME, eq("pl_model", "inquiry_cycle"));
        assertThat(inquiryModel.get("practice_change_ci_low")).isNull();
        assertThat(inquiryModel.get("practice_change_ci_high")).isNull();
    }
}
