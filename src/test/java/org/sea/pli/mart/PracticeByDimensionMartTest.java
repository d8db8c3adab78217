package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;
import static org.sea.pli.mart.Marts.eq;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** practice_by_dimension (docs/spec.md §5.9) over the per-dimension unit measures of §4.9. */
class PracticeByDimensionMartTest {

    @TempDir
    Path dir;

    /*
     * lea-1, rubric dimensions engagement and tech_use.
     *   unit (c-1, coaching, e-1), pooled over a-1 and a-4:
     *     engagement baseline {1, 2} → 1.5, followup {3} (a-1) + {4} (a-4) → 3.5: change 2
     *     tech_use   baseline {2}, followup {3}: change 1
     *   unit (c-1, coaching, e-2): engagement {2} → {2}: change 0; tech_use followup {4} only: no change
     *   unit (c-2, coaching, e-1) (another cohort, another unit): tech_use {1} → {3}: change 2
     *   unit (c-3, plc, e-3): engagement {2} → {4}: change 2
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .activity("a-4", "c-1", "coaching", false)
                .activity("a-2", "c-2", "coaching", false)
                .activity("a-3", "c-3", "plc", false)
                .rateOn("a-1", "e-1", "baseline", "engagement", 1, 2)
                .rateOn("a-1", "e-1", "followup", "engagement", 3)
                .rateOn("a-4", "e-1", "followup", "engagement", 4)
                .rateOn("a-1", "e-1", "baseline", "tech_use", 2)
                .rateOn("a-1", "e-1", "followup", "tech_use", 3)
                .rateOn("a-1", "e-2", "baseline", "engagement", 2)
                .rateOn("a-1", "e-2", "followup", "engagement", 2)
                .rateOn("a-1", "e-2", "followup", "tech_use", 4)
                .rateOn("a-2", "e-1", "baseline", "tech_use", 1)
                .rateOn("a-2", "e-1", "followup", "tech_use", 3)
                .rateOn("a-3", "e-3", "baseline", "engagement", 2)
                .rateOn("a-3", "e-3", "followup", "engagement", 4);
        return inbox.load();
    }

    private static Marts.Row cell(Marts marts, String model, String dimension) {
        return marts.one(PracticeByDimensionMart.NAME, eq("pl_model", model).and(eq("dimension", dimension)));
    }

    @Test
    void eachDimensionPoolsItsUnitsRatingsOfThatDimensionOnly() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // coaching × engagement: units (1.5, 3.5, 2) and (2, 2, 0): change mean 1, sd √((1 + 1)/1) = √2
        assertRow(
                cell(marts, "coaching", "engagement"),
                "pl_model",
                "coaching",
                "dimension",
                "engagement",
                "n_educators",
                2,
                "practice_baseline_mean",
                1.75, // (1.5 + 2)/2
                "practice_followup_mean",
                2.75, // (3.5 + 2)/2
                "practice_change_mean",
                1.0,
                "practice_change_sd",
                approx(Math.sqrt(2)),
                "practice_change_ci_low",
                approx(1 - 1.96), // 1.96·√2/√2
                "practice_change_ci_high",
                approx(1 + 1.96),
                "effect_size",
                approx(1 / Math.sqrt(2)),
                "suppressed",
                false);
        // coaching × tech_use: (c-1, e-1) 2 → 3 and (c-2, e-1) 1 → 3; (c-1, e-2) was rated in followup only
        // changes {1, 2}: mean 1.5, sd √((0.25 + 0.25)/1) = √0.5
        assertRow(
                cell(marts, "coaching", "tech_use"),
                "pl_model",
                "coaching",
                "dimension",
                "tech_use",
                "n_educators",
                2,
                "practice_baseline_mean",
                1.5, // (2 + 1)/2
                "practice_followup_mean",
                3.0,
                "practice_change_mean",
                1.5,
                "practice_change_sd",
                approx(Math.sqrt(0.5)),
                "practice_change_ci_low",
                approx(1.5 - 1.96 * 0.5), // √0.5/√2 = 0.5
                "practice_change_ci_high",
                approx(1.5 + 1.96 * 0.5),
                "effect_size",
                approx(1.5 / Math.sqrt(0.5)),
                "suppressed",
                false);
    }

    @Test
    void aCellUnderTheMinimumIsSuppressedAndACellWithoutChangeHasNoRow() throws IOException {
        Marts marts = Marts.run(fixture(), 2);
        // plc × engagement: one unit < 2
        assertRow(
                cell(marts, "plc", "engagement"),
                "pl_model",
                "plc",
                "dimension",
                "engagement",
                "n_educators",
                null,
                "practice_baseline_mean",
                null,
                "practice_followup_mean",
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
                "suppressed",
                true);
        // plc never rated tech_use; rows sort by model, then dimension
        assertThat(marts.rows(PracticeByDimensionMart.NAME))
                .extracting(r -> r.get("pl_model") + "/" + r.get("dimension"))
                .containsExactly("coaching/engagement", "coaching/tech_use", "plc/engagement");
    }

    /** A checkpoint or a stored result saves the model through LeaModelFormat: the per-dimension tallies come back. */
    @Test
    void perDimensionTalliesSurviveARestartCheckpoint() throws Exception {
        LeaModels folded = fixture();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.sea.pli.model.WholeModels.write(folded.existing("lea-1"), new java.io.DataOutputStream(bytes));
        LeaModels restored = new LeaModels();
        restored.restore(org.sea.pli.model.WholeModels.read(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))));
        Marts marts = Marts.run(restored, 2);
        // as in the first test: coaching × engagement change mean 1 over 2 units
        assertThat(cell(marts, "coaching", "engagement").get("practice_change_mean"))
                .isEqualTo(1.0);
        assertThat(cell(marts, "coaching", "tech_use").get("practice_change_mean"))
                .isEqualTo(1.5);
    }

    @Test
    void aDimensionRatedInOnlyOnePhaseHasNoChange() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        // e-1: engagement baseline {2} and tech_use followup {4}: overall change 2 (§4.2), none per dimension
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .rateOn("a-1", "e-1", "baseline", "engagement", 2)
                .rateOn("a-1", "e-1", "followup", "tech_use", 4);
        Marts marts = Marts.run(inbox.load(), 1);
        assertThat(marts.rows(PracticeByDimensionMart.NAME)).isEmpty();
        assertThat(marts.one(ModelComparisonMart.NAME, eq("pl_model", "coaching"))
                        .get("practice_change_mean"))
                .isEqualTo(2.0);
    }
}
