package org.sea.pli.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sea.pli.storage.Warehouse;

/** spec §5: the schema JSON files load, and the writer rejects rows that do not fit them. */
class MartSchemaTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "educator_activity",
                "cohort_impact",
                "model_comparison",
                "funding_efficiency",
                "evidence_coverage",
                "bright_spots",
                "load_report",
                "submission_status",
                "practice_by_design",
                "practice_by_dimension",
                "practice_persistence"
            })
    void everyMartSchemaLoads(String mart) {
        MartSchema s = MartSchema.load(mart);
        assertThat(s.name()).isEqualTo(mart);
        assertThat(s.columns()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
        assertThat(s.parquetType().getFieldCount()).isEqualTo(s.columns().size());
        assertThat(s.parquetType().getFields())
                .allSatisfy(f ->
                        assertThat(f.getRepetition()).isEqualTo(org.apache.parquet.schema.Type.Repetition.OPTIONAL));
        if (mart.equals("load_report")) {
            assertThat(s.partitionedBy()).isNull();
            assertThat(s.key()).containsExactly("lea_id", "extract", "file");
        } else {
            assertThat(s.partitionedBy()).isEqualTo("school_year");
            assertThat(s.key().get(0)).isEqualTo("school_year");
        }
    }

    /**
     * Field ids (schemas/marts/README.md): unique in the mart, above school_year's 1, and written on
     * every Parquet field, since Iceberg's Java reader maps columns without ids by position.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "educator_activity",
                "cohort_impact",
                "model_comparison",
                "funding_efficiency",
                "evidence_coverage",
                "bright_spots",
                "load_report",
                "submission_status",
                "practice_by_design",
                "practice_by_dimension",
                "practice_persistence"
            })
    void everyColumnHasItsOwnFieldIdInTheParquetSchema(String mart) {
        MartSchema s = MartSchema.load(mart);
        assertThat(s.columns())
                .extracting(MartColumn::id)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isGreaterThan(MartSchema.PARTITION_FIELD_ID));
        for (MartColumn c : s.columns()) {
            assertThat(s.parquetType().getType(c.name()).getId().intValue()).isEqualTo(c.id());
        }
    }

    /** Ids are never renumbered: a column keeps the id it was published with. */
    @Test
    void fieldIdsOfPublishedColumnsStayPut() {
        MartSchema impact = MartSchema.load("cohort_impact");
        // the first columns, numbered from 2 in file order when ids were introduced
        assertThat(impact.columns().subList(0, 4))
                .extracting(c -> c.name() + "=" + c.id())
                .containsExactly("lea_id=2", "cohort_id=3", "pl_model=4", "activities=5");
        MartSchema comparison = MartSchema.load("model_comparison");
        // 19 columns numbered 2..20: suppressed is the last
        assertThat(comparison.columns().get(comparison.index("suppressed")).id())
                .isEqualTo(20);
    }

    @Test
    void aColumnWithoutIdOrWithADuplicateIdIsRejected() {
        MartColumn a = new MartColumn(2, "a", MartType.STRING, null, null);
        MartColumn b = new MartColumn(2, "b", MartType.STRING, null, null);
        assertThatThrownBy(() -> new MartSchema("m", null, List.of("a"), List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mart m: column id 2 used twice");
        assertThatThrownBy(() -> new MartColumn(1, "c", MartType.STRING, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column c: id must be above 1 (reserved for school_year), got 1");
    }

    @Test
    void cohortImpactMatchesSpec52() {
        MartSchema s = MartSchema.load("cohort_impact");
        assertThat(s.columns())
                .extracting(MartColumn::name)
                .startsWith("lea_id", "cohort_id", "pl_model", "activities", "cost_usd", "n_educators")
                .endsWith(
                        "cost_per_improved",
                        "practice_change_ci_low",
                        "practice_change_ci_high",
                        "practice_change_shrunk",
                        "shrinkage",
                        "student_growth_z_diff_ci_low",
                        "student_growth_z_diff_ci_high",
                        "baseline_es",
                        "baseline_equivalence",
                        "suppressed",
                        "student_suppressed")
                .hasSize(34);
        // §5.2: the §4.5/§4.6 practice columns are †, the growth interval and §4.7 columns ‡
        for (String c :
                List.of("practice_change_ci_low", "practice_change_ci_high", "practice_change_shrunk", "shrinkage")) {
            assertThat(s.columns().get(s.index(c)).suppression()).as(c).isEqualTo("educator");
        }
        for (String c : List.of(
                "student_growth_z_diff_ci_low",
                "student_growth_z_diff_ci_high",
                "baseline_es",
                "baseline_equivalence")) {
            assertThat(s.columns().get(s.index(c)).suppression()).as(c).isEqualTo("student");
        }
        assertThat(s.columns().get(s.index("baseline_equivalence")).type()).isEqualTo(MartType.STRING);
        assertThat(MartSchema.load("bright_spots").columns())
                .extracting(MartColumn::name)
                .containsExactly(
                        "rank",
                        "lea_id",
                        "cohort_id",
                        "pl_model",
                        "n_practice_pairs",
                        "practice_change_mean",
                        "practice_change_ci_low",
                        "practice_change_ci_high",
                        "practice_change_shrunk",
                        "effect_size",
                        "improved_rate",
                        "cost_per_improved");
        assertThat(s.columns().get(s.index("cost_usd")).type()).isEqualTo(MartType.DECIMAL_18_2);
        assertThat(s.columns().get(s.index("cost_usd")).suppression()).isNull();
        assertThat(s.columns().get(s.index("n_educators")).suppression()).isEqualTo("educator");
        assertThat(s.columns().get(s.index("n_students")).suppression()).isEqualTo("student");
        assertThat(s.parquetType().getType("cost_usd").toString())
                .isEqualTo("optional int64 cost_usd (DECIMAL(18,2)) = 6");
        assertThat(s.parquetType().getType("lea_id").toString()).isEqualTo("optional binary lea_id (STRING) = 2");
        assertThat(MartSchema.load("load_report")
                        .parquetType()
                        .getType("extract_date")
                        .toString())
                .isEqualTo("optional int32 extract_date (DATE) = 5");
    }

    /** The three lenses, column by column as spec §5.8–§5.10 list them, † where the SPEC marks it. */
    @Test
    void lensMartsMatchSpec58To510() {
        assertColumns(
                "practice_by_design",
                List.of("school_year", "factor", "level"),
                "factor string",
                "level string",
                "n_elements int32 †",
                "n_educators int32 †",
                "n_attended int32 †",
                "sustained_rate double †",
                "n_practice_pairs int32 †",
                "practice_change_mean double †",
                "practice_change_sd double †",
                "practice_change_ci_low double †",
                "practice_change_ci_high double †",
                "effect_size double †",
                "improved_rate double †",
                "allocated_cost_usd double",
                "cost_per_improved double †",
                "suppressed boolean");
        assertColumns(
                "practice_by_dimension",
                List.of("school_year", "pl_model", "dimension"),
                "pl_model string",
                "dimension string",
                "n_educators int32 †",
                "practice_baseline_mean double †",
                "practice_followup_mean double †",
                "practice_change_mean double †",
                "practice_change_sd double †",
                "practice_change_ci_low double †",
                "practice_change_ci_high double †",
                "effect_size double †",
                "suppressed boolean");
        assertColumns(
                "practice_persistence",
                List.of("school_year", "pl_model", "sustained"),
                "pl_model string",
                "sustained boolean",
                "n_units int32 †",
                "n_followed int32 †",
                "practice_change_mean double †",
                "retained_change_mean double †",
                "retained_change_sd double †",
                "retained_change_ci_low double †",
                "retained_change_ci_high double †",
                "fade_mean double †",
                "persistence_ratio double †",
                "suppressed boolean");
    }

    private static void assertColumns(String mart, List<String> key, String... columns) {
        MartSchema s = MartSchema.load(mart);
        assertThat(s.key()).as(mart).isEqualTo(key);
        assertThat(s.columns())
                .extracting(
                        c -> c.name() + " " + c.type().jsonName() + ("educator".equals(c.suppression()) ? " †" : ""))
                .as(mart)
                .containsExactly(columns);
    }

    @Test
    void submissionStatusMatchesSpec511() {
        // spec §5.11, column by column in the order listed there; key school_year (partition), lea_id, extract
        MartSchema s = MartSchema.load("submission_status");
        assertThat(s.key()).containsExactly("school_year", "lea_id", "extract");
        assertThat(s.columns())
                .extracting(c -> c.name() + " " + c.type().jsonName())
                .containsExactly(
                        "lea_id string",
                        "extract string",
                        "status string",
                        "files int32",
                        "in_force_file string",
                        "in_force_extract_date date",
                        "rows_in_force int64",
                        "days_since_in_force int32",
                        "latest_file string",
                        "latest_extract_date date",
                        "latest_status string");
        assertThat(s.columns())
                .allSatisfy(
                        c -> assertThat(c.suppression()).as("not suppressed").isNull());
    }

    @Test
    void unknownColumnAndMartAreNamed() {
        assertThatThrownBy(() -> MartSchema.load("cohort_impact").index("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> MartSchema.load("no_such_mart"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_mart");
        assertThatThrownBy(() -> MartType.parse("decimal(10,2)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimal(10,2)");
    }

    @Test
    void writeRejectsWrongTypeArityAndOrderClearly() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.toString())) {
            FileSystem fs = w.fs();
            MartSchema s = MartSchema.load("cohort_impact");
            try (MartWriter mw = new MartWriter(fs, w.martsDir("2026-06-30_1"), s)) {
                Object[] good = MartRows.cohortImpact(s).get(0).values();

                assertThatThrownBy(() -> mw.write("2024-25", new Object[3]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("3 values")
                        .hasMessageContaining("34 columns");

                Object[] wrongType = good.clone();
                wrongType[s.index("n_educators")] = 25L;
                assertThatThrownBy(() -> mw.write("2024-25", wrongType))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("n_educators")
                        .hasMessageContaining("int32")
                        .hasMessageContaining("java.lang.Long");

                Object[] tooPrecise = good.clone();
                tooPrecise[s.index("cost_usd")] = new BigDecimal("12.505");
                assertThatThrownBy(() -> mw.write("2024-25", tooPrecise))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cost_usd")
                        .hasMessageContaining("12.505");

                Object[] tooBig = good.clone();
                tooBig[s.index("cost_usd")] = new BigDecimal("12345678901234567.00");
                assertThatThrownBy(() -> mw.write("2024-25", tooBig))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cost_usd");

                assertThatThrownBy(() -> mw.write(null, good))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("partition");
                assertThatThrownBy(() -> mw.write("2024-26", good))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("2024-26");

                Object[] trailingZeros = good.clone();
                trailingZeros[s.index("cost_usd")] = new BigDecimal("12.500");
                mw.write("2025-26", trailingZeros);
                assertThatThrownBy(() -> mw.write("2024-25", good))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("2024-25")
                        .hasMessageContaining("after 2025-26");

                assertThat(mw.finish()).extracting(WrittenFile::rows).containsExactly(1L);
            }

            try (MartWriter lr = new MartWriter(fs, w.martsDir("2026-06-30_1"), MartSchema.load("load_report"))) {
                Object[] row = MartRows.loadReport(lr.schema()).get(1);
                assertThatThrownBy(() -> lr.write("2025-26", row))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not partitioned");
                Object[] badDate = row.clone();
                badDate[lr.schema().index("extract_date")] = "2026-06-01";
                assertThatThrownBy(() -> lr.write(null, badDate))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("extract_date")
                        .hasMessageContaining("LocalDate");
                lr.write(null, row);
                assertThat(lr.finish()).hasSize(1);
            }
        }
    }
}
