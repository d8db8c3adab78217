package org.sea.pli.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.disclosure.Rows.row;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.MartSettings;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.storage.Warehouse;

/**
 * The check before publishing (docs/spec.md §5.12 step 4) handed written marts that break each rule,
 * and marts as the disclosure step leaves them. min-cell-size 10.
 */
class PublicationCheckTest {

    static final int MIN = 10;
    static final String YEAR = "2025-26";

    @TempDir
    Path tmp;

    Warehouse warehouse;
    org.apache.hadoop.fs.Path marts;
    final Map<String, List<Object[]>> rows = new TreeMap<>();

    @BeforeEach
    void open() throws Exception {
        warehouse = Warehouse.open(tmp.resolve("w").toString());
        marts = warehouse.martsDir("2026-06-30_1");
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    private PublicationCheckTest with(String mart, Object[]... values) {
        rows.computeIfAbsent(mart, k -> new java.util.ArrayList<>()).addAll(List.of(values));
        return this;
    }

    private List<String> check() throws Exception {
        for (Map.Entry<String, List<Object[]>> e : rows.entrySet()) {
            try (MartWriter w = new MartWriter(warehouse.fs(), marts, MartSchema.load(e.getKey()))) {
                for (Object[] r : e.getValue()) {
                    w.write(YEAR, r);
                }
                w.finish();
            }
        }
        return new PublicationCheck(warehouse.fs(), marts, MIN).violations();
    }

    private static Object[] cohort(String lea, String cohort, String model, Integer educators, boolean suppressed) {
        return row(
                "cohort_impact",
                "lea_id",
                lea,
                "cohort_id",
                cohort,
                "pl_model",
                model,
                "n_educators",
                educators,
                "n_practice_pairs",
                educators,
                "n_students",
                suppressed ? null : 40,
                "suppressed",
                suppressed,
                "student_suppressed",
                suppressed);
    }

    private static Object[] funding(String lea, String source, String model, Double reached, boolean suppressed) {
        return row(
                "funding_efficiency",
                "lea_id",
                lea,
                "funding_source",
                source,
                "pl_model",
                model,
                "amount_usd",
                new BigDecimal("5.00"),
                "educators_reached",
                reached,
                "suppressed",
                suppressed);
    }

    @Test
    void anUnsuppressedSmallRowIsNamedWithItsKey() throws Exception {
        with("cohort_impact", cohort("L1", "C1", "coaching", 4, false), cohort("L2", "C1", "coaching", 30, false));
        assertThat(check())
                .containsExactly("cohort_impact (school_year=2025-26, lea_id=L1, cohort_id=C1, pl_model=coaching)"
                        + " is published with n_educators 4 below min-cell-size 10");
    }

    @Test
    void aSuppressedRowThatStillShowsAFigureIsFound() throws Exception {
        Object[] leaking = row(
                "practice_persistence",
                "pl_model",
                "plc",
                "sustained",
                true,
                "n_followed",
                null,
                "fade_mean",
                -0.25,
                "suppressed",
                true);
        with("practice_persistence", leaking);
        assertThat(check())
                .containsExactly(
                        "practice_persistence (school_year=2025-26, pl_model=plc, sustained=true) is suppressed but shows fade_mean");
    }

    @Test
    void aGroupWithExactlyOneSuppressedRowIsFound() throws Exception {
        with(
                "model_comparison",
                row("model_comparison", "pl_model", "coaching", "n_educators", 40, "suppressed", false),
                row("model_comparison", "pl_model", "plc", "n_educators", null, "suppressed", true));
        assertThat(check())
                .singleElement()
                .asString()
                .startsWith("model_comparison (school_year=2025-26, pl_model=plc) is the only suppressed row");
    }

    @Test
    void fundingPartlyWithheldOrBesideASuppressedCohortIsFound() throws Exception {
        with(
                "cohort_impact",
                cohort("L1", "C1", "plc", null, true),
                cohort("L1", "C2", "plc", null, true),
                cohort("L2", "C1", "plc", 30, false));
        with(
                "funding_efficiency",
                funding("L1", "local", "plc", 12.0, false), // beside L1's suppressed plc cohorts
                funding("L2", "local", "plc", null, true),
                funding("L2", "state", "plc", 25.0, false)); // L2 plc only partly withheld
        assertThat(check())
                .containsExactly(
                        "funding_efficiency [school_year, lea_id, pl_model]=[2025-26, L1, plc] is published beside a"
                                + " suppressed cohort_impact row of that LEA, model and year",
                        "funding_efficiency [school_year, lea_id, pl_model]=[2025-26, L2, plc] has 1 of 2 rows suppressed:"
                                + " all or none");
    }

    @Test
    void aBrightSpotOfAWithheldCohortIsFound() throws Exception {
        with(
                "cohort_impact",
                cohort("L1", "C1", "plc", null, true),
                cohort("L2", "C1", "plc", null, true),
                cohort("L3", "C1", "plc", 30, false));
        with(
                "bright_spots",
                row("bright_spots", "rank", 1, "lea_id", "L1", "cohort_id", "C1", "pl_model", "plc"),
                row("bright_spots", "rank", 2, "lea_id", "L3", "cohort_id", "C1", "pl_model", "plc"));
        assertThat(check())
                .containsExactly("bright_spots (school_year=2025-26, rank=1) is not a published"
                        + " cohort_impact row with at least 10 practice pairs");
    }

    /** What the disclosure step leaves passes: the two agree on a model with one small cohort. */
    @Test
    void theDisclosureStepsOutputPasses() throws Exception {
        Rows published = new Rows();
        Disclosure d = new Disclosure(MIN, new BrightSpotsMart(new MartSettings(MIN, 0.5, 10, null)), published);
        for (Object[] c : List.of(
                row(
                        "cohort_impact",
                        "lea_id",
                        "L1",
                        "cohort_id",
                        "C1",
                        "pl_model",
                        "plc",
                        "n_educators",
                        4,
                        "n_practice_pairs",
                        4,
                        "n_students",
                        12),
                row(
                        "cohort_impact",
                        "lea_id",
                        "L2",
                        "cohort_id",
                        "C1",
                        "pl_model",
                        "plc",
                        "n_educators",
                        30,
                        "n_practice_pairs",
                        30,
                        "n_students",
                        9,
                        "practice_change_shrunk",
                        0.2),
                row(
                        "cohort_impact",
                        "lea_id",
                        "L3",
                        "cohort_id",
                        "C1",
                        "pl_model",
                        "plc",
                        "n_educators",
                        31,
                        "n_practice_pairs",
                        31,
                        "n_students",
                        50,
                        "practice_change_shrunk",
                        0.1))) {
            d.row("cohort_impact", YEAR, c);
        }
        d.row(
                "funding_efficiency",
                YEAR,
                row(
                        "funding_efficiency",
                        "lea_id",
                        "L1",
                        "funding_source",
                        "local",
                        "pl_model",
                        "plc",
                        "amount_usd",
                        new BigDecimal("5.00"),
                        "educators_reached",
                        12.0));
        d.row(
                "funding_efficiency",
                YEAR,
                row(
                        "funding_efficiency",
                        "lea_id",
                        "L3",
                        "funding_source",
                        "local",
                        "pl_model",
                        "plc",
                        "amount_usd",
                        new BigDecimal("5.00"),
                        "educators_reached",
                        31.0));
        d.endOfYear(YEAR);
        for (String mart : List.of("cohort_impact", "funding_efficiency", "bright_spots")) {
            with(mart, published.of(mart).toArray(Object[][]::new));
        }
        assertThat(check()).isEmpty();
        assertThat(rows.get("bright_spots")).hasSize(1); // L3 only: L2 was withheld with L1
    }
}
