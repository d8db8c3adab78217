package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An attacker with a BI tool and the sample run's published marts (current/, read by DuckDB), trying
 * every subtraction of docs/spec.md §5.12: a group's published total less its visible members gives
 * a hidden member back exactly when one member is hidden. Each query lists what it would recover;
 * every list must be empty. The attacks are not vacuous: the sample has hidden rows to go after.
 */
class SampleDisclosureTest {

    static final int MIN = 10; // the default min-cell-size the sample runs with

    static Connection duck;
    static Path current;

    @BeforeAll
    static void open() throws Exception {
        current = SampleReport.warehouse().resolve("current");
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            for (String mart : List.of(
                    "cohort_impact",
                    "model_comparison",
                    "funding_efficiency",
                    "evidence_coverage",
                    "practice_by_design",
                    "bright_spots")) {
                s.execute("CREATE VIEW " + mart + " AS SELECT * FROM read_parquet('" + current.resolve(mart)
                        + "/**/*.parquet', hive_partitioning = true)");
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        duck.close();
    }

    private static List<String> recovered(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = duck.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long scalar(String sql) throws Exception {
        try (Statement s = duck.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void thereAreHiddenCohortsModelsFundingAndDesignLevelsToGoAfter() throws Exception {
        assertThat(scalar("SELECT count(*) FROM cohort_impact WHERE suppressed"))
                .isPositive();
        assertThat(scalar("SELECT count(*) FROM funding_efficiency WHERE suppressed"))
                .isPositive();
        assertThat(scalar("SELECT count(*) FROM cohort_impact WHERE NOT suppressed"))
                .isPositive();
    }

    /** A model's statewide row less its visible cohorts: any person count of a lone hidden cohort. */
    @Test
    void modelTotalLessVisibleCohortsRecoversNoCohort() throws Exception {
        assertThat(recovered("""
                SELECT m.school_year, m.pl_model,
                       m.n_educators - coalesce(sum(c.n_educators) FILTER (WHERE NOT c.suppressed), 0) AS educators
                FROM model_comparison m JOIN cohort_impact c USING (school_year, pl_model)
                WHERE NOT m.suppressed
                GROUP BY m.school_year, m.pl_model, m.n_educators
                HAVING count(*) FILTER (WHERE c.suppressed) = 1
                """)).isEmpty();
    }

    /** The year's units (evidence_coverage, by evidence level) less the visible models. */
    @Test
    void yearTotalLessVisibleModelsRecoversNoModel() throws Exception {
        assertThat(recovered("""
                WITH year_units AS (
                    SELECT school_year, sum(units_level_0 + units_level_1 + units_level_4 + units_level_5) AS units
                    FROM evidence_coverage GROUP BY school_year)
                SELECT y.school_year, y.units - coalesce(sum(m.n_educators) FILTER (WHERE NOT m.suppressed), 0)
                FROM year_units y JOIN model_comparison m USING (school_year)
                GROUP BY y.school_year, y.units
                HAVING count(*) FILTER (WHERE m.suppressed) = 1
                """)).isEmpty();
    }

    /** A factor's levels add up to the year's elements, which a fully visible factor publishes. */
    @Test
    void yearTotalLessVisibleDesignLevelsRecoversNoLevel() throws Exception {
        assertThat(recovered("""
                WITH visible_total AS (
                    SELECT school_year, max(elements) AS elements FROM (
                        SELECT school_year, factor, sum(n_elements) AS elements FROM practice_by_design
                        GROUP BY school_year, factor HAVING bool_and(NOT suppressed))
                    GROUP BY school_year)
                SELECT d.school_year, d.factor,
                       t.elements - coalesce(sum(d.n_elements) FILTER (WHERE NOT d.suppressed), 0)
                FROM practice_by_design d JOIN visible_total t USING (school_year)
                GROUP BY d.school_year, d.factor, t.elements
                HAVING count(*) FILTER (WHERE d.suppressed) = 1
                """)).isEmpty();
    }

    /** An LEA-model's funding over sources less its visible cohorts; or a source reaching too few. */
    @Test
    void fundingShowsNoSmallReachAndNothingBesideAHiddenCohort() throws Exception {
        assertThat(recovered("""
                SELECT f.school_year, f.lea_id, f.pl_model, sum(f.educators_reached) AS reached
                FROM funding_efficiency f
                WHERE NOT f.suppressed AND EXISTS (
                    SELECT 1 FROM cohort_impact c WHERE c.suppressed AND c.school_year = f.school_year
                        AND c.lea_id = f.lea_id AND c.pl_model = f.pl_model)
                GROUP BY ALL
                """)).isEmpty();
        assertThat(recovered("""
                SELECT school_year, lea_id, funding_source, pl_model, educators_reached FROM funding_efficiency
                WHERE (NOT suppressed AND educators_reached < %d)
                   OR (suppressed AND (educators_reached IS NOT NULL OR educators_improved IS NOT NULL))
                """.replace("%d", Integer.toString(MIN)))).isEmpty();
        // all or nothing per LEA, model and year; dollars always shown
        assertThat(recovered("""
                SELECT school_year, lea_id, pl_model FROM funding_efficiency GROUP BY ALL
                HAVING bool_or(suppressed) AND NOT bool_and(suppressed)
                """)).isEmpty();
        assertThat(scalar("SELECT count(*) FROM funding_efficiency WHERE amount_usd IS NULL"))
                .isZero();
    }

    /** No published row small on its own count, and no bright spot a withheld cohort. */
    @Test
    void nothingSmallIsPublishedAndBrightSpotsAreAllPublishedCohorts() throws Exception {
        assertThat(recovered("SELECT * FROM cohort_impact WHERE NOT suppressed AND n_educators < " + MIN))
                .isEmpty();
        assertThat(recovered("SELECT * FROM model_comparison WHERE NOT suppressed AND n_educators < " + MIN))
                .isEmpty();
        assertThat(recovered("SELECT * FROM practice_by_design WHERE NOT suppressed AND n_educators < " + MIN))
                .isEmpty();
        assertThat(recovered("""
                SELECT b.school_year, b.rank FROM bright_spots b LEFT JOIN cohort_impact c
                    USING (school_year, lea_id, cohort_id, pl_model)
                WHERE c.suppressed IS DISTINCT FROM false OR c.n_practice_pairs < %d
                """.replace("%d", Integer.toString(MIN)))).isEmpty();
    }

    /** The manifest's counts agree with the marts: rows, and primary + complementary = suppressed. */
    @Test
    void theManifestCountsWhatTheMartsWithhold() throws Exception {
        JsonNode disclosure = new ObjectMapper()
                .readTree(SampleReport.runDir().resolve("manifest.json").toFile())
                .get("disclosure");
        assertThat(disclosure.get("min_cell_size").asInt()).isEqualTo(MIN);
        assertThat(disclosure.get("marts").has("educator_activity")).isFalse();
        for (String mart : List.of("cohort_impact", "model_comparison", "funding_efficiency", "practice_by_design")) {
            JsonNode m = disclosure.get("marts").get(mart);
            assertThat(m.get("rows").asLong()).as(mart).isEqualTo(scalar("SELECT count(*) FROM " + mart));
            assertThat(m.get("suppressed_primary").asLong()
                            + m.get("suppressed_complementary").asLong())
                    .as(mart)
                    .isEqualTo(scalar("SELECT count(*) FROM " + mart + " WHERE suppressed"));
        }
        // the sample has a model with one small cohort: complementary suppression is at work
        assertThat(disclosure
                        .get("marts")
                        .get("cohort_impact")
                        .get("suppressed_complementary")
                        .asLong())
                .isPositive();
    }
}
