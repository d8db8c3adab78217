package org.sea.pli.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.disclosure.Rows.get;
import static org.sea.pli.disclosure.Rows.row;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.MartSettings;

/**
 * The disclosure step (docs/spec.md §5.12) on hand-built rows of one school year, min-cell-size 10.
 * Each expected suppression is derived in the comment above its test.
 */
class DisclosureTest {

    static final int MIN = 10;
    static final String YEAR = "2025-26";
    static final String COHORTS = "cohort_impact";
    static final String MODELS = "model_comparison";
    static final String FUNDING = "funding_efficiency";
    static final String DESIGN = "practice_by_design";
    static final String SPOTS = "bright_spots";

    private final Rows published = new Rows();
    private final Disclosure disclosure =
            new Disclosure(MIN, new BrightSpotsMart(new MartSettings(MIN, 0.5, 3, null)), published);

    private static Object[] cohort(String lea, String cohort, String model, int educators) {
        return cohort(lea, cohort, model, educators, 0, 0.0);
    }

    /** A cohort_impact row with its counts and a practice change (shrunk = mean, for ranking). */
    private static Object[] cohort(String lea, String cohort, String model, int educators, int pairs, double change) {
        return row(
                COHORTS,
                "lea_id",
                lea,
                "cohort_id",
                cohort,
                "pl_model",
                model,
                "activities",
                1,
                "cost_usd",
                new BigDecimal("100.00"),
                "n_educators",
                educators,
                "n_attended",
                educators,
                "n_practice_pairs",
                pairs,
                "practice_change_mean",
                change,
                "practice_change_shrunk",
                change,
                "n_students",
                40,
                "student_growth_z_mean",
                0.1);
    }

    private void give(String mart, Object[]... rows) throws IOException {
        for (Object[] r : rows) {
            disclosure.row(mart, YEAR, r);
        }
    }

    private void endYear() throws IOException {
        disclosure.endOfYear(YEAR);
    }

    /*
     * coaching, 2025-26: L1/C1 4 educators (< 10: primary), L1/C2 12, L2/C1 12, L3/C9 30.
     * Exactly one small cohort among four: the smallest visible one is withheld too. C2 of L1 and C1
     * of L2 tie at 12; the key (lea_id, cohort_id, pl_model) breaks it: L1/C2 < L2/C1, so L1/C2.
     * Otherwise model_comparison's coaching total (58) − 12 − 12 − 30 = 4 gives L1/C1 back.
     */
    @Test
    void aModelWithExactlyOneSmallCohortLosesItsSmallestVisibleSiblingTiesByKey() throws IOException {
        give(
                COHORTS,
                cohort("L1", "C1", "coaching", 4),
                cohort("L1", "C2", "coaching", 12),
                cohort("L2", "C1", "coaching", 12),
                cohort("L3", "C9", "coaching", 30));
        endYear();
        assertThat(published.suppressed(COHORTS, "L1", "C1", "coaching")).isTrue();
        assertThat(published.suppressed(COHORTS, "L1", "C2", "coaching")).isTrue();
        assertThat(published.suppressed(COHORTS, "L2", "C1", "coaching")).isFalse();
        assertThat(published.suppressed(COHORTS, "L3", "C9", "coaching")).isFalse();
        // withheld exactly like a primary row: † and ‡ null, student_suppressed, dollars shown
        Object[] c2 = published.one(COHORTS, "L1", "C2", "coaching");
        assertThat(get(COHORTS, c2, "n_educators")).isNull();
        assertThat(get(COHORTS, c2, "practice_change_mean")).isNull();
        assertThat(get(COHORTS, c2, "n_students")).isNull();
        assertThat(get(COHORTS, c2, "student_growth_z_mean")).isNull();
        assertThat(get(COHORTS, c2, "student_suppressed")).isEqualTo(true);
        assertThat(get(COHORTS, c2, "cost_usd")).isEqualTo(new BigDecimal("100.00"));
        assertThat(get(COHORTS, published.one(COHORTS, "L2", "C1", "coaching"), "n_educators"))
                .isEqualTo(12);
        // the manifest tells them apart; nothing in the rows does
        assertThat(disclosure.counts().marts().get(COHORTS)).isEqualTo(new DisclosureCounts.Mart(4, 1, 1));
    }

    /*
     * plc: L1/C1 3 and L2/C4 5 are both small; L3/C2 40 visible. Two hidden rows: the total less
     * the visible one gives only their sum (8), not either, so nothing more is withheld.
     */
    @Test
    void aModelWithTwoSmallCohortsLosesNothingMore() throws IOException {
        give(COHORTS, cohort("L1", "C1", "plc", 3), cohort("L2", "C4", "plc", 5), cohort("L3", "C2", "plc", 40));
        endYear();
        assertThat(published.suppressed(COHORTS, "L1", "C1", "plc")).isTrue();
        assertThat(published.suppressed(COHORTS, "L2", "C4", "plc")).isTrue();
        assertThat(published.suppressed(COHORTS, "L3", "C2", "plc")).isFalse();
        assertThat(disclosure.counts().marts().get(COHORTS)).isEqualTo(new DisclosureCounts.Mart(3, 2, 0));
    }

    /*
     * workshop has one cohort, L1/C1 with 6: suppressed on its own; a group of one has no sibling to
     * withhold (its model_comparison row has the same 6 and is suppressed on its own). mentoring's
     * single cohort of 25 is shown. Groups are per model: workshop's small row does not touch mentoring.
     */
    @Test
    void aModelWithOneCohortHasNothingToWithholdBeside() throws IOException {
        give(COHORTS, cohort("L1", "C1", "mentoring", 25), cohort("L1", "C1", "workshop", 6));
        endYear();
        assertThat(published.suppressed(COHORTS, "L1", "C1", "workshop")).isTrue();
        assertThat(published.suppressed(COHORTS, "L1", "C1", "mentoring")).isFalse();
    }

    /*
     * model_comparison, 2025-26: coaching 120, plc 9 (small), workshop 15, mentoring 15. The year's
     * units are published (evidence_coverage), so the smallest visible model goes too: mentoring and
     * workshop tie at 15, the key (pl_model) breaks it: mentoring < workshop.
     */
    @Test
    void aYearWithOneSmallModelLosesTheSmallestOtherModel() throws IOException {
        for (Object[] m : List.of(
                new Object[] {"coaching", 120}, new Object[] {"mentoring", 15},
                new Object[] {"plc", 9}, new Object[] {"workshop", 15})) {
            give(
                    MODELS,
                    row(
                            MODELS,
                            "pl_model",
                            m[0],
                            "leas",
                            2,
                            "cohorts",
                            3,
                            "n_educators",
                            m[1],
                            "practice_change_mean",
                            0.3));
        }
        endYear();
        assertThat(published.suppressed(MODELS, "plc")).isTrue();
        assertThat(published.suppressed(MODELS, "mentoring")).isTrue();
        assertThat(published.suppressed(MODELS, "workshop")).isFalse();
        assertThat(published.suppressed(MODELS, "coaching")).isFalse();
        Object[] mentoring = published.one(MODELS, "mentoring");
        assertThat(get(MODELS, mentoring, "practice_change_mean")).isNull();
        assertThat(get(MODELS, mentoring, "leas")).isEqualTo(2); // not a person count
    }

    /*
     * practice_by_design, factor focus: ai_literacy 50, udl 7 (small), stem 11 → stem withheld with
     * udl. Factor framework: iste 60, udl 8 — one small level among two → iste too (the factor's total
     * is the year's, which the other factors publish). Factor sustained: true 30, false 38: nothing.
     */
    @Test
    void aDesignFactorWithOneSmallLevelLosesItsSmallestOtherLevel() throws IOException {
        for (Object[] l : List.of(
                new Object[] {"focus", "ai_literacy", 50},
                new Object[] {"focus", "stem", 11},
                new Object[] {"focus", "udl", 7},
                new Object[] {"framework", "iste", 60},
                new Object[] {"framework", "udl", 8},
                new Object[] {"sustained", "false", 38},
                new Object[] {"sustained", "true", 30})) {
            give(
                    DESIGN,
                    row(
                            DESIGN,
                            "factor",
                            l[0],
                            "level",
                            l[1],
                            "n_elements",
                            l[2],
                            "n_educators",
                            l[2],
                            "allocated_cost_usd",
                            10.0));
        }
        endYear();
        assertThat(published.suppressed(DESIGN, "focus", "udl")).isTrue();
        assertThat(published.suppressed(DESIGN, "focus", "stem")).isTrue();
        assertThat(published.suppressed(DESIGN, "focus", "ai_literacy")).isFalse();
        assertThat(published.suppressed(DESIGN, "framework", "udl")).isTrue();
        assertThat(published.suppressed(DESIGN, "framework", "iste")).isTrue();
        assertThat(published.suppressed(DESIGN, "sustained", "false")).isFalse();
        assertThat(published.suppressed(DESIGN, "sustained", "true")).isFalse();
        assertThat(get(DESIGN, published.one(DESIGN, "focus", "stem"), "allocated_cost_usd"))
                .isEqualTo(10.0);
        assertThat(disclosure.counts().marts().get(DESIGN)).isEqualTo(new DisclosureCounts.Mart(7, 2, 2));
    }

    private static Object[] funding(String lea, String source, String model, double reached) {
        return row(
                FUNDING,
                "lea_id",
                lea,
                "funding_source",
                source,
                "pl_model",
                model,
                "amount_usd",
                new BigDecimal("1000.00"),
                "activities",
                1,
                "educators_reached",
                reached,
                "educators_improved",
                reached / 2,
                "cost_per_improved",
                2000.0 / reached,
                "tool_specific_amount_usd",
                new BigDecimal("0.00"),
                "sustained_amount_usd",
                new BigDecimal("1000.00"));
    }

    /*
     * L1 coaching is funded by local (reach 9.5 < 10) and title_ii_a (reach 30): the local row alone
     * would leave title_ii_a's beside the LEA's coaching cohorts, whose total less title_ii_a gives
     * local's reach back; so both are withheld (step 2). L1 plc: state 12, title_iv_a 10 (not < 10):
     * shown. L2 coaching: title_ii_a 40, shown — L1's rule is per LEA.
     */
    @Test
    void anLeaModelWithOneSmallFundingSourceIsWithheldWhole() throws IOException {
        give(
                COHORTS,
                cohort("L1", "C1", "coaching", 40),
                cohort("L1", "C2", "plc", 22),
                cohort("L2", "C1", "coaching", 40));
        give(
                FUNDING,
                funding("L1", "local", "coaching", 9.5),
                funding("L1", "state", "plc", 12),
                funding("L1", "title_ii_a", "coaching", 30),
                funding("L1", "title_iv_a", "plc", 10),
                funding("L2", "title_ii_a", "coaching", 40));
        endYear();
        assertThat(published.suppressed(FUNDING, "L1", "local", "coaching")).isTrue();
        assertThat(published.suppressed(FUNDING, "L1", "title_ii_a", "coaching"))
                .isTrue();
        assertThat(published.suppressed(FUNDING, "L1", "state", "plc")).isFalse();
        assertThat(published.suppressed(FUNDING, "L1", "title_iv_a", "plc")).isFalse();
        assertThat(published.suppressed(FUNDING, "L2", "title_ii_a", "coaching"))
                .isFalse();
        Object[] withheld = published.one(FUNDING, "L1", "title_ii_a", "coaching");
        assertThat(get(FUNDING, withheld, "educators_reached")).isNull();
        assertThat(get(FUNDING, withheld, "educators_improved")).isNull();
        assertThat(get(FUNDING, withheld, "cost_per_improved")).isNull();
        assertThat(get(FUNDING, withheld, "amount_usd")).isEqualTo(new BigDecimal("1000.00"));
        assertThat(disclosure.counts().marts().get(FUNDING)).isEqualTo(new DisclosureCounts.Mart(5, 1, 1));
    }

    /*
     * L1 plc has a small cohort (C7, 5 educators) and a visible one (C8, 30). C8 is withheld with C7
     * (step 1: plc's only small cohort among two, statewide). Every L1 plc funding row is withheld,
     * although each reaches ≥ 10: its sum over sources less the visible cohorts would give the hidden
     * cohort back. Dollars stay. L1 coaching (cohort 40) keeps its funding figures.
     */
    @Test
    void anLeaModelWithASuppressedCohortHasItsFundingFiguresWithheld() throws IOException {
        give(COHORTS, cohort("L1", "C1", "coaching", 40), cohort("L1", "C7", "plc", 5), cohort("L1", "C8", "plc", 30));
        give(
                FUNDING,
                funding("L1", "local", "plc", 14),
                funding("L1", "title_ii_a", "coaching", 40),
                funding("L1", "title_ii_a", "plc", 21));
        endYear();
        assertThat(published.suppressed(COHORTS, "L1", "C8", "plc")).isTrue();
        for (String source : List.of("local", "title_ii_a")) {
            Object[] r = published.one(FUNDING, "L1", source, "plc");
            assertThat(get(FUNDING, r, "suppressed")).isEqualTo(true);
            assertThat(get(FUNDING, r, "educators_reached")).isNull();
            assertThat(get(FUNDING, r, "educators_improved")).isNull();
            assertThat(get(FUNDING, r, "amount_usd")).isEqualTo(new BigDecimal("1000.00"));
            assertThat(get(FUNDING, r, "sustained_amount_usd")).isEqualTo(new BigDecimal("1000.00"));
        }
        assertThat(published.suppressed(FUNDING, "L1", "title_ii_a", "coaching"))
                .isFalse();
        assertThat(get(FUNDING, published.one(FUNDING, "L1", "title_ii_a", "coaching"), "educators_reached"))
                .isEqualTo(40.0);
        // none of the three plc funding rows is small on its own: all withheld to protect C7
        assertThat(disclosure.counts().marts().get(FUNDING)).isEqualTo(new DisclosureCounts.Mart(3, 0, 2));
    }

    /*
     * coaching: L1/C1 3 educators (small), L2/C5 20 educators with 20 pairs and the best change 0.9,
     * L3/C2 25 with 25 pairs and 0.4, L4/C3 60 with 60 pairs and 0.2. L2/C5 is the smallest visible
     * cohort of the only model with one small cohort, so it is withheld (step 1) and, though it leads
     * on change, is no bright spot (step 3): the ranking is L3/C2, L4/C3.
     */
    @Test
    void brightSpotsSkipAComplementaryCell() throws IOException {
        give(
                COHORTS,
                cohort("L1", "C1", "coaching", 3, 3, 1.5),
                cohort("L2", "C5", "coaching", 20, 20, 0.9),
                cohort("L3", "C2", "coaching", 25, 25, 0.4),
                cohort("L4", "C3", "coaching", 60, 60, 0.2));
        endYear();
        assertThat(published.suppressed(COHORTS, "L2", "C5", "coaching")).isTrue();
        assertThat(published.of(SPOTS))
                .extracting(
                        r -> get(SPOTS, r, "rank") + " " + get(SPOTS, r, "lea_id") + "/" + get(SPOTS, r, "cohort_id"))
                .containsExactly("1 L3/C2", "2 L4/C3");
        assertThat(get(SPOTS, published.of(SPOTS).get(0), "practice_change_mean"))
                .isEqualTo(0.4);
    }

    /*
     * practice_persistence and practice_by_dimension have primary suppression only (§5.10, §5.9):
     * n_followed 9 < 10 is withheld, 10 is shown, and no sibling is withheld beside the small one.
     */
    @Test
    void persistenceIsSuppressedOnItsFollowedCountOnly() throws IOException {
        String mart = "practice_persistence";
        give(
                mart,
                row(
                        mart,
                        "pl_model",
                        "coaching",
                        "sustained",
                        false,
                        "n_units",
                        40,
                        "n_followed",
                        9,
                        "fade_mean",
                        -0.1),
                row(
                        mart,
                        "pl_model",
                        "coaching",
                        "sustained",
                        true,
                        "n_units",
                        40,
                        "n_followed",
                        10,
                        "fade_mean",
                        -0.2));
        endYear();
        assertThat(published.suppressed(mart, "coaching", false)).isTrue();
        assertThat(get(mart, published.one(mart, "coaching", false), "n_units")).isNull();
        assertThat(published.suppressed(mart, "coaching", true)).isFalse();
        assertThat(get(mart, published.one(mart, "coaching", true), "fade_mean"))
                .isEqualTo(-0.2);
    }
}
