package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.assertRow;
import static org.sea.pli.mart.Marts.eq;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** funding_efficiency (docs/spec.md §5.4): share-weighted counts and exact money. */
class FundingEfficiencyMartTest {

    @TempDir
    Path dir;

    /*
     * lea-1, 2025-26:
     * a-1 (plc, not tool-specific): title_ii_a 75.00 + local 25.00 = 100.00 → shares 0.75 / 0.25.
     *     e-1: 3 sessions 09-01..10-01 (30 days, sustained), {1} → {3} improved
     *     e-2: 3 sessions 09-01..09-29 (28 days, sustained), {2} → {3} improved
     *     e-3: 1 session, {2} → {2} not improved;  e-4: 1 session;  e-5: enrolled only (not attended)
     *     → 4 attended, 2 sustained (at least half), 2 improved
     * a-5 (plc): local 5.00; e-6 enrolled only → no attended element: not "sustained" money
     * a-2 (coaching, tool-specific): title_ii_a 0.00 → total 0, null share, adds 0;
     *     e-7 sustained and improved
     * a-3 (coaching, tool-specific): title_ii_a 0.20; e-8 sustained, e-9 one session; no ratings
     *     → 2 attended, 1 sustained (exactly half), 0 improved
     * a-4 (workshop): title_ii_a 0.10; e-10 sustained, e-11, e-12 one session → 1 of 3 sustained (< half)
     * a-6 (workshop): title_ii_a 0.20; no participants
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        TestInbox.Lea lea = inbox.lea("lea-1")
                .activity("a-1", "c-1", "plc", false)
                .activity("a-5", "c-1", "plc", false)
                .activity("a-2", "c-2", "coaching", true)
                .activity("a-3", "c-2", "coaching", true)
                .activity("a-4", "c-3", "workshop", false)
                .activity("a-6", "c-3", "workshop", false)
                .funding("a-1", "title_ii_a", "75.00")
                .funding("a-1", "local", "25")
                .funding("a-5", "local", "5.00")
                .funding("a-2", "title_ii_a", "0.00")
                .funding("a-3", "title_ii_a", "0.2")
                .funding("a-4", "title_ii_a", "0.10")
                .funding("a-6", "title_ii_a", "0.20");
        lea.attend("a-1", "e-1", "09-01", 60)
                .attend("a-1", "e-1", "09-15", 60)
                .attend("a-1", "e-1", "10-01", 60)
                .pair("a-1", "e-1", scores(1), scores(3))
                .attend("a-1", "e-2", "09-01", 60)
                .attend("a-1", "e-2", "09-15", 60)
                .attend("a-1", "e-2", "09-29", 60)
                .pair("a-1", "e-2", scores(2), scores(3))
                .attend("a-1", "e-3", "09-01", 60)
                .pair("a-1", "e-3", scores(2), scores(2))
                .attend("a-1", "e-4", "09-01", 60)
                .enroll("a-1", "e-5")
                .enroll("a-5", "e-6");
        sustained(lea, "a-2", "e-7").pair("a-2", "e-7", scores(1), scores(4));
        sustained(lea, "a-3", "e-8").attend("a-3", "e-9", "09-01", 60);
        sustained(lea, "a-4", "e-10").attend("a-4", "e-11", "09-01", 60).attend("a-4", "e-12", "09-01", 60);
        return inbox.load();
    }

    /** Three sessions spanning 2025-09-01..2025-10-31 (60 days). */
    private static TestInbox.Lea sustained(TestInbox.Lea lea, String activity, String educator) {
        return lea.attend(activity, educator, "09-01", 30)
                .attend(activity, educator, "10-01", 30)
                .attend(activity, educator, "10-31", 30);
    }

    private static Marts.Row row(Marts marts, String source, String model) {
        return marts.one(
                FundingEfficiencyMart.NAME,
                eq("lea_id", "lea-1").and(eq("funding_source", source)).and(eq("pl_model", model)));
    }

    @Test
    void eachFundingRowWeighsItsActivitysEducatorsByItsShare() throws IOException {
        // min-cell-size 1: every row reaches at least one educator, so every figure is shown
        Marts marts = Marts.run(fixture(), 1);
        assertRow(
                row(marts, "title_ii_a", "plc"),
                "lea_id",
                "lea-1",
                "funding_source",
                "title_ii_a",
                "pl_model",
                "plc",
                "amount_usd",
                new BigDecimal("75.00"),
                "activities",
                1,
                "educators_reached",
                3.0, // 0.75 × 4 attended
                "educators_improved",
                1.5, // 0.75 × 2 improved
                "cost_per_improved",
                50.0, // 75.00 ÷ 1.5
                "tool_specific_amount_usd",
                new BigDecimal("0.00"),
                "sustained_amount_usd",
                new BigDecimal("75.00"),
                "suppressed",
                false); // 2 of 4 attended sustained: at least half
        assertRow(
                row(marts, "local", "plc"),
                "lea_id",
                "lea-1",
                "funding_source",
                "local",
                "pl_model",
                "plc",
                "amount_usd",
                new BigDecimal("30.00"), // 25 + 5.00
                "activities",
                2, // a-1, a-5
                "educators_reached",
                1.0, // 0.25 × 4 + 1 × 0
                "educators_improved",
                0.5, // 0.25 × 2 + 1 × 0
                "cost_per_improved",
                60.0, // 30.00 ÷ 0.5
                "tool_specific_amount_usd",
                new BigDecimal("0.00"),
                "sustained_amount_usd",
                new BigDecimal("25.00"),
                "suppressed",
                false); // a-1 only: a-5 has no attended element
        assertRow(
                row(marts, "title_ii_a", "coaching"),
                "lea_id",
                "lea-1",
                "funding_source",
                "title_ii_a",
                "pl_model",
                "coaching",
                "amount_usd",
                new BigDecimal("0.20"), // 0.00 + 0.2
                "activities",
                2,
                "educators_reached",
                2.0, // a-2: total 0, null share, adds 0; a-3: 1 × 2
                "educators_improved",
                0.0, // a-2's improved e-7 adds 0; a-3: 1 × 0
                "cost_per_improved",
                null, // ÷ 0
                "tool_specific_amount_usd",
                new BigDecimal("0.20"), // both tool-specific: 0.00 + 0.20
                "sustained_amount_usd",
                new BigDecimal("0.20"),
                "suppressed",
                false); // a-2 1 of 1, a-3 1 of 2 (half)
        assertRow(
                row(marts, "title_ii_a", "workshop"),
                "lea_id",
                "lea-1",
                "funding_source",
                "title_ii_a",
                "pl_model",
                "workshop",
                "amount_usd",
                new BigDecimal("0.30"), // 0.10 + 0.20 exactly, scale 2
                "activities",
                2,
                "educators_reached",
                3.0, // a-4: 1 × 3; a-6: 1 × 0
                "educators_improved",
                0.0,
                "cost_per_improved",
                null,
                "tool_specific_amount_usd",
                new BigDecimal("0.00"),
                "sustained_amount_usd",
                new BigDecimal("0.00"),
                "suppressed",
                false); // a-4 1 of 3 < half; a-6 none attended
    }

    /*
     * min-cell-size 3 (§5.4, §5.12 step 2), per (lea-1, model):
     *   plc: local reaches 1.0 < 3, so both plc rows are withheld — title_ii_a's 3.0 with it, else the
     *        LEA's plc total (cohort c-1: 6 educators) less title_ii_a would give local's share back;
     *   coaching: title_ii_a reaches 2.0 < 3: withheld (its cohort c-2 has 3 educators: shown);
     *   workshop: 3.0 ≥ 3 and its cohort c-3 (3 educators) is shown: published.
     * Dollars are never withheld.
     */
    @Test
    void aModelsFundingIsWithheldWholeWhenOneSourceReachesTooFew() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        for (String[] withheld : new String[][] {{"local", "plc"}, {"title_ii_a", "plc"}, {"title_ii_a", "coaching"}}) {
            Marts.Row r = row(marts, withheld[0], withheld[1]);
            assertThat(r.get("suppressed")).as(r.toString()).isEqualTo(true);
            assertThat(r.get("educators_reached")).as(r.toString()).isNull();
            assertThat(r.get("educators_improved")).as(r.toString()).isNull();
            assertThat(r.get("cost_per_improved")).as(r.toString()).isNull();
        }
        assertThat(row(marts, "title_ii_a", "plc").get("amount_usd")).isEqualTo(new BigDecimal("75.00"));
        assertThat(row(marts, "local", "plc").get("sustained_amount_usd")).isEqualTo(new BigDecimal("25.00"));
        Marts.Row workshop = row(marts, "title_ii_a", "workshop");
        assertThat(workshop.get("suppressed")).isEqualTo(false);
        assertThat(workshop.get("educators_reached")).isEqualTo(3.0);
        assertThat(marts.cohort("lea-1", "c-2", "coaching").get("suppressed")).isEqualTo(false);
        // manifest counts: local/plc and coaching on their own reach, title_ii_a/plc beside local/plc
        assertThat(marts.counts().marts().get(FundingEfficiencyMart.NAME))
                .isEqualTo(new org.sea.pli.disclosure.DisclosureCounts.Mart(4, 2, 1));
    }

    @Test
    void rowsComeInKeyOrder() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        assertThat(marts.rows(FundingEfficiencyMart.NAME))
                .extracting(r -> r.get("funding_source") + "/" + r.get("pl_model"))
                .containsExactly("local/plc", "title_ii_a/coaching", "title_ii_a/plc", "title_ii_a/workshop");
    }

    @Test
    void evidenceCoverageAndCohortCostAddMoneyExactly() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        // all funding: 75.00 + 25 + 5.00 + 0.00 + 0.2 + 0.10 + 0.20 = 105.50
        Marts.Row coverage = marts.one(EvidenceCoverageMart.NAME, r -> true);
        assertThat(coverage.get("pl_dollars")).isEqualTo(new BigDecimal("105.50"));
        // change evidence: a-1 (e-1, e-2, e-3) and a-2 (e-7) → 75.00 + 25 + 0.00 = 100.00
        assertThat(coverage.get("pl_dollars_with_change_evidence")).isEqualTo(new BigDecimal("100.00"));
        assertThat((Double) coverage.get("change_evidence_dollar_share"))
                .isCloseTo(100.00 / 105.50, org.assertj.core.api.Assertions.within(1e-12));
        // §5.2 cost of (c-3, workshop): a-4 0.10 only — a-6 has no P element, so is no activity of the group
        assertThat(marts.cohort("lea-1", "c-3", "workshop").get("cost_usd")).isEqualTo(new BigDecimal("0.10"));
        assertThat(marts.cohort("lea-1", "c-3", "workshop").get("activities")).isEqualTo(1);
        // §5.2 cost of (c-1, plc): a-1 100.00 + a-5 5.00
        assertThat(marts.cohort("lea-1", "c-1", "plc").get("cost_usd")).isEqualTo(new BigDecimal("105.00"));
    }
}
