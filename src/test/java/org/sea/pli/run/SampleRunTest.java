package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.cli.PlImpactCommand;
import org.sea.pli.testing.PrivacyScan;

/**
 * The committed sample inbox through the whole nightly job, read back by DuckDB the way a BI
 * tool reads it (docs/spec.md §5): every mart's columns and types against {@code schemas/marts/},
 * values that must agree across marts, and privacy (no student_id or raw educator_id anywhere).
 */
class SampleRunTest {

    @TempDir
    static Path work;

    static Path warehouse;
    static String log;
    static String out;
    static Connection duck;

    @BeforeAll
    static void runTheSample() throws Exception {
        warehouse = work.resolve("warehouse");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new PlImpactCommand(
                        new PrintStream(stdout, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of("PLI_PSEUDONYM_KEY", "sample-test-key"))
                .execute(new String[] {
                    "run",
                    "--inbox",
                    "sample-data",
                    "--warehouse",
                    warehouse.toString(),
                    "--as-of",
                    "2026-06-30",
                    "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"),
                    "--logging.file.name=" + work.resolve("run.log")
                });
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        out = stdout.toString(StandardCharsets.UTF_8);
        log = Files.readString(work.resolve("run.log")) + out + err;
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    private static String glob(String mart) {
        return mart.equals("load_report")
                ? "read_parquet('" + warehouse.resolve("current/load_report/part-00000.parquet") + "')"
                : "read_parquet('" + warehouse.resolve("current").resolve(mart)
                        + "/**/*.parquet', hive_partitioning = true)";
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = duck.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static final Map<String, String> DUCKDB_TYPES = Map.of(
            "string",
            "VARCHAR",
            "int32",
            "INTEGER",
            "int64",
            "BIGINT",
            "double",
            "DOUBLE",
            "boolean",
            "BOOLEAN",
            "date",
            "DATE",
            "decimal(18,2)",
            "DECIMAL(18,2)");

    @Test
    void everyMartReadsBackWithTheColumnsAndTypesOfItsSchema() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> marts = List.of(
                "load_report",
                "educator_activity",
                "cohort_impact",
                "model_comparison",
                "funding_efficiency",
                "evidence_coverage",
                "bright_spots",
                "submission_status",
                "practice_by_design",
                "practice_by_dimension",
                "practice_persistence");
        for (String mart : marts) {
            JsonNode schema =
                    json.readTree(Path.of("schemas/marts", mart + ".json").toFile());
            Map<String, String> expected = new LinkedHashMap<>();
            schema.get("columns")
                    .forEach(c -> expected.put(
                            c.get("name").asText(),
                            DUCKDB_TYPES.get(c.get("type").asText())));
            if (!schema.get("partitioned_by").isNull()) {
                expected.put("school_year", "VARCHAR"); // from the Hive path, not inside the files
            }
            Map<String, String> actual = new LinkedHashMap<>();
            for (List<Object> row : query("DESCRIBE SELECT * FROM " + glob(mart))) {
                actual.put((String) row.get(0), (String) row.get(1));
            }
            assertThat(actual).as(mart).containsExactlyEntriesOf(expected);
            assertThat(query("SELECT count(*) FROM " + glob(mart)).get(0).get(0))
                    .as(mart + " rows")
                    .isNotEqualTo(0L);
        }
    }

    @Test
    void loadReportHasOneRowPerFileUnderAnLeaFolder() throws Exception {
        long files;
        try (Stream<Path> s = Files.list(Path.of("sample-data"))) {
            files = s.filter(p -> !p.getFileName().toString().equals("_state"))
                    .mapToLong(p -> {
                        try (Stream<Path> f = Files.list(p)) {
                            return f.count();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .sum();
        }
        assertThat(query("SELECT count(*) FROM " + glob("load_report")).get(0).get(0))
                .isEqualTo(files);
        // the generator plants one file of each file-level reason (see InboxGenerator)
        assertThat(query("SELECT DISTINCT reason FROM " + glob("load_report") + " WHERE reason IS NOT NULL ORDER BY 1"))
                .extracting(r -> r.get(0))
                .containsExactly(
                        "after_as_of",
                        "ambiguous_file",
                        "missing_column",
                        "reject_rate_exceeded",
                        "unknown_file",
                        "unknown_lea",
                        "unreadable");
    }

    @Test
    void martsAgreeWithEachOther() throws Exception {
        // §4.4: units of evidence_coverage are the distinct (cohort, model, educator) of educator_activity
        List<List<Object>> mismatches =
                query(String.format(Locale.ROOT, """
                WITH units AS (SELECT school_year, lea_id, count(*) AS n FROM (
                    SELECT DISTINCT school_year, lea_id, cohort_id, pl_model, educator_key FROM %s) GROUP BY ALL),
                coverage AS (SELECT school_year, lea_id,
                    units_level_0 + units_level_1 + units_level_4 + units_level_5 AS n FROM %s)
                SELECT * FROM units FULL JOIN coverage USING (school_year, lea_id)
                WHERE units.n IS DISTINCT FROM coverage.n""", glob("educator_activity"), glob("evidence_coverage")));
        assertThat(mismatches).isEmpty();
        // §5.3 statewide n_educators is the sum of the LEAs' cohort units, suppressed or not
        List<List<Object>> models =
                query(String.format(Locale.ROOT, """
                WITH units AS (SELECT school_year, pl_model, count(*) AS n FROM (
                    SELECT DISTINCT school_year, lea_id, cohort_id, pl_model, educator_key FROM %s) GROUP BY ALL)
                SELECT m.school_year, m.pl_model, m.n_educators, units.n FROM %s m JOIN units USING (school_year, pl_model)
                WHERE NOT m.suppressed AND m.n_educators <> units.n""", glob("educator_activity"), glob("model_comparison")));
        assertThat(models).isEmpty();
        // §5: a suppressed cohort shows no educator counts; bright spots rank 1..n without gaps
        assertThat(query("SELECT count(*) FROM " + glob("cohort_impact")
                                + " WHERE suppressed AND (n_educators IS NOT NULL OR practice_change_mean IS NOT NULL"
                                + " OR NOT student_suppressed)")
                        .get(0)
                        .get(0))
                .isEqualTo(0L);
        assertThat(query("SELECT count(*) FROM " + glob("cohort_impact") + " WHERE suppressed")
                        .get(0)
                        .get(0))
                .as("the sample plants cohorts under 10 educators")
                .isNotEqualTo(0L);
        assertThat(query("SELECT school_year, max(rank) = count(*) AND min(rank) = 1 FROM " + glob("bright_spots")
                        + " GROUP BY ALL"))
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo(true));
    }

    @Test
    void submissionStatusIsTheGridOfRegisteredLeasExtractsAndYearsAndAgreesWithTheLoadReport() throws Exception {
        // §5.11: 6 LEAs of leas.csv × 7 extracts × 2 school years (2024-25 and 2025-26, the as-of year) = 84;
        // lea-9999 has a folder but is not registered, so it has no row
        assertThat(query("SELECT count(*), count(DISTINCT lea_id), count(DISTINCT extract), "
                        + "count(DISTINCT school_year), count(*) FILTER (lea_id = 'lea-9999') FROM "
                        + glob("submission_status")))
                .containsExactly(List.of(84L, 6L, 7L, 2L, 0L));
        // every in-force file is a load_report file of the same LEA and extract, in force (maybe stale),
        // with at least the rows in force accepted, and aged as-of − its date
        assertThat(query("SELECT s.* FROM " + glob("submission_status") + " s LEFT JOIN " + glob("load_report")
                        + " l ON l.lea_id = s.lea_id AND l.extract = s.extract AND l.file = s.in_force_file"
                        + " WHERE s.status = 'in_force' AND (l.status IS NULL OR l.status NOT IN ('in_force', 'stale_in_force')"
                        + " OR s.rows_in_force > l.rows_accepted OR s.rows_in_force < 1 OR s.in_force_extract_date <> l.extract_date"
                        + " OR s.days_since_in_force <> DATE '2026-06-30' - l.extract_date)"))
                .isEmpty();
        // in force but the newest claiming file rejected: the in-force file is stale_in_force in the load report
        assertThat(
                        query(
                                "SELECT s.* FROM " + glob("submission_status") + " s JOIN " + glob("load_report")
                                        + " l ON l.lea_id = s.lea_id AND l.extract = s.extract AND l.file = s.in_force_file"
                                        + " WHERE s.latest_status = 'rejected' AND s.status = 'in_force' AND l.status <> 'stale_in_force'"))
                .isEmpty();
        // the latest file's status is its load_report status; a file dated after as-of is never the latest
        assertThat(query("SELECT s.* FROM " + glob("submission_status") + " s LEFT JOIN " + glob("load_report")
                        + " l ON l.lea_id = s.lea_id AND l.file = s.latest_file WHERE s.latest_file IS NOT NULL"
                        + " AND (l.status IS DISTINCT FROM s.latest_status OR l.extract_date > DATE '2026-06-30')"))
                .isEmpty();
        // rows in force are some of the accepted rows of in-force files (a file may be in force for one
        // of its years and superseded for another), and nothing else
        assertThat(query("SELECT (SELECT sum(rows_in_force) FROM " + glob("submission_status") + ") <= (SELECT "
                        + "sum(rows_accepted) FROM " + glob("load_report")
                        + " WHERE status IN ('in_force', 'stale_in_force'))"))
                .containsExactly(List.of(true));
    }

    /** The example queries of docs/queries, as a BI analyst runs them from the repository root. */
    private static List<List<Object>> exampleQuery(String file) throws Exception {
        String sql = Files.readString(Path.of("docs/queries", file))
                .replace("'warehouse/current/", "'" + warehouse.resolve("current") + "/");
        return query(sql.strip().replaceAll(";$", ""));
    }

    @Test
    void exampleQueriesAnswerTheQuestionsOnTheSampleRun() throws Exception {
        // 1: the planted effect — durable models change practice more than one-off sessions
        List<List<Object>> models = exampleQuery("1_which_models_change_practice.sql");
        for (String year : List.of("2024-25", "2025-26")) {
            Map<String, Double> change = new LinkedHashMap<>();
            models.stream()
                    .filter(r -> r.get(0).equals(year))
                    .forEach(r -> change.put((String) r.get(1), ((Number) r.get(4)).doubleValue()));
            assertThat(change).containsKeys("coaching", "plc", "workshop");
            assertThat(Math.min(change.get("coaching"), change.get("plc"))).isGreaterThan(change.get("workshop") + 0.3);
        }
        // 2: a share of dollars, consistent with the sums beside it
        for (List<Object> r : exampleQuery("2_dollars_backed_by_evidence.sql")) {
            double total = ((Number) r.get(1)).doubleValue();
            double backed = ((Number) r.get(2)).doubleValue();
            assertThat(backed).isBetween(0.0, total);
            assertThat(((Number) r.get(3)).doubleValue())
                    .isCloseTo(backed / total, org.assertj.core.api.Assertions.within(0.0005));
        }
        // 3: the sample pays some tool-specific training from Title II-A
        List<List<Object>> titleTwo = exampleQuery("3_title_ii_a_on_tool_training.sql");
        assertThat(titleTwo).hasSize(2);
        assertThat(titleTwo)
                .allSatisfy(r -> assertThat(((Number) r.get(2)).doubleValue())
                        .isPositive()
                        .isLessThan(((Number) r.get(1)).doubleValue()));
        // 4: ten bright spots per year, ranked by the shrunk practice change (§5.6), the raw mean shown
        // inside its interval
        // 9: in 2025-26 (the as-of year) every registered LEA has all 7 extracts in force. The generator
        // rejects lea-0003's newest satisfaction file (2026-06-30, reject_rate_exceeded) over the one of
        // 2026-06-29: in force, newest rejected, 2026-06-30 − 2026-06-29 = 1 day old; every other in-force
        // file is dated 2026-06-30 (0 days), and the other rejected files (dated 2026-06-15) are older
        // than the files in force. Sorted by extracts in force, then oldest data first, then lea_id.
        List<List<Object>> missing = exampleQuery("9_missing_extracts.sql");
        assertThat(missing)
                .containsExactly(
                        List.of("lea-0003", 7L, "", "", "satisfaction", 1, 0),
                        List.of("lea-0001", 7L, "", "", "", 0, 0),
                        List.of("lea-0002", 7L, "", "", "", 0, 0),
                        List.of("lea-0004", 7L, "", "", "", 0, 0),
                        List.of("lea-0005", 7L, "", "", "", 0, 0),
                        List.of("lea-0006", 7L, "", "", "", 0, 0));
        List<List<Object>> spots = exampleQuery("4_bright_spots.sql");
        assertThat(spots).hasSize(20);
        for (int i = 1; i < spots.size(); i++) {
            if (spots.get(i).get(0).equals(spots.get(i - 1).get(0))) {
                assertThat(((Number) spots.get(i).get(10)).doubleValue())
                        .isLessThanOrEqualTo(((Number) spots.get(i - 1).get(10)).doubleValue());
            }
        }
        assertThat(spots)
                .allSatisfy(r -> assertThat(((Number) r.get(11)).doubleValue())
                        .isLessThanOrEqualTo(((Number) r.get(6)).doubleValue())
                        .isLessThanOrEqualTo(((Number) r.get(12)).doubleValue()));
        // 5: credible evidence — some cohorts' change excludes zero; every growth claim carries its verdict
        List<List<Object>> credible = exampleQuery("5_credible_evidence.sql");
        assertThat(credible).anySatisfy(r -> assertThat(r.get(9)).isEqualTo(true));
        for (List<Object> r : credible) {
            boolean excludesZero = Boolean.TRUE.equals(r.get(9));
            boolean hasInterval = r.get(6) != null; // a cohort kept for its verdict may have < 2 pairs
            if (hasInterval) { // shown rounded to 3 places: compare with ≥ / ≤
                double low = ((Number) r.get(6)).doubleValue();
                double high = ((Number) r.get(7)).doubleValue();
                assertThat(excludesZero ? low >= 0 || high <= 0 : low <= 0 && high >= 0)
                        .as(r.toString())
                        .isTrue();
            } else {
                assertThat(excludesZero).isFalse();
            }
            assertThat(excludesZero || r.get(14) != null)
                    .as("why the row is listed")
                    .isTrue();
            assertThat(r.get(15)).isEqualTo("satisfies".equals(r.get(14)));
        }
    }

    @Test
    void theSampleShowsAllThreeBaselineEquivalenceVerdicts() throws Exception {
        // the generator plants LEAs whose participants teach students with higher prior scores (§4.7)
        assertThat(query("SELECT DISTINCT baseline_equivalence FROM " + glob("cohort_impact")
                        + " WHERE baseline_equivalence IS NOT NULL ORDER BY 1"))
                .extracting(r -> r.get(0))
                .containsExactly("fails", "needs_adjustment", "satisfies");
        // the verdict follows |baseline_es| (0.05, 0.25] and never appears without it
        assertThat(query("SELECT count(*) FROM " + glob("cohort_impact") + " WHERE (baseline_es IS NULL) <> "
                                + "(baseline_equivalence IS NULL) OR (abs(baseline_es) <= 0.05) <> (baseline_equivalence = 'satisfies')"
                                + " OR (abs(baseline_es) > 0.25) <> (baseline_equivalence = 'fails')")
                        .get(0)
                        .get(0))
                .isEqualTo(0L);
    }

    /** The lenses of spec §5.8–§5.10 find what the generator plants (generate/PracticeLenses). */
    @Test
    void lensQueriesFindThePlantedDesignDimensionAndPersistenceEffects() throws Exception {
        // 6: framework-anchored PL changes practice, tool-specific training hardly; per improved
        // record the tool training costs more (or improves nobody at all)
        List<List<Object>> cost = exampleQuery("6_tool_specific_cost.sql");
        for (String year : List.of("2024-25", "2025-26")) {
            List<Object> anchored = cost.stream()
                    .filter(r -> r.get(0).equals(year) && r.get(1).equals("framework_anchored"))
                    .findFirst()
                    .orElseThrow();
            List<Object> tool = cost.stream()
                    .filter(r -> r.get(0).equals(year) && r.get(1).equals("tool_specific"))
                    .findFirst()
                    .orElseThrow();
            assertThat(((Number) anchored.get(5)).doubleValue()).as(year).isGreaterThan(0.5);
            if (tool.get(4) != null) {
                assertThat(((Number) tool.get(4)).doubleValue())
                        .as(year)
                        .isGreaterThan(((Number) anchored.get(4)).doubleValue());
                assertThat(((Number) tool.get(5)).doubleValue()).as(year).isLessThan(0.2);
            }
        }
        // §5.8 directly: no framework < any framework, sustained elements > one-off ones
        for (List<Object> r : query(String.format(Locale.ROOT, """
                SELECT school_year,
                       max(practice_change_mean) FILTER (WHERE factor = 'framework' AND level = 'none'),
                       min(practice_change_mean) FILTER (WHERE factor = 'framework' AND level <> 'none'),
                       max(practice_change_mean) FILTER (WHERE factor = 'sustained' AND level = 'false'),
                       max(practice_change_mean) FILTER (WHERE factor = 'sustained' AND level = 'true')
                FROM %s GROUP BY ALL""", glob("practice_by_design")))) {
            assertThat(((Number) r.get(1)).doubleValue())
                    .as("no framework, " + r.get(0))
                    .isLessThan(((Number) r.get(2)).doubleValue());
            assertThat(((Number) r.get(4)).doubleValue())
                    .as("sustained, " + r.get(0))
                    .isGreaterThan(((Number) r.get(3)).doubleValue() + 0.3);
        }
        // 7: every row is coaching's, largest change first
        List<List<Object>> dims = exampleQuery("7_dimensions_coaching_moves.sql");
        assertThat(dims).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 1; i < dims.size(); i++) {
            if (dims.get(i).get(0).equals(dims.get(i - 1).get(0))) {
                assertThat(((Number) dims.get(i).get(5)).doubleValue())
                        .isLessThanOrEqualTo(((Number) dims.get(i - 1).get(5)).doubleValue());
            }
        }
        // 8: most of a durable model's change lasts, little of a workshop's (2024-25 into 2025-26)
        Map<String, Double> ratio = new LinkedHashMap<>();
        for (List<Object> r : exampleQuery("8_change_that_lasts.sql")) {
            assertThat(r.get(0)).isEqualTo("2024-25"); // the last year has no Y+1
            ratio.put(r.get(1) + "/" + r.get(2), r.get(10) == null ? null : ((Number) r.get(10)).doubleValue());
        }
        assertThat(ratio).containsKeys("coaching/true", "plc/true", "workshop/false");
        for (String durable : List.of("coaching/true", "plc/true")) {
            assertThat(ratio.get(durable))
                    .as(durable)
                    .isGreaterThan(0.5)
                    .isGreaterThan(ratio.get("workshop/false") + 0.3);
        }
    }

    @Test
    void noStudentIdOrRawEducatorIdInAnyMartOrLogLine() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("sample-data"))) {
            for (Path f : files.filter(
                            p -> p.getFileName().toString().matches("(student_outcomes|enrollments)_.*\\.csv"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(f);
                        CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                                .allowMissingFields(true)
                                .allowExtraFields(true)
                                .ofNamedCsvRecord(
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
                    for (NamedCsvRecord r : csv) {
                        r.findField("student_id").ifPresent(ids::add);
                        r.findField("educator_id").ifPresent(ids::add);
                        r.findField(" Educator_ID ").ifPresent(ids::add);
                    }
                }
            }
        }
        ids.removeIf(id -> id.isBlank() || id.length() < 5);
        assertThat(ids).hasSizeGreaterThan(1000);
        for (String mart : List.of(
                "load_report",
                "educator_activity",
                "cohort_impact",
                "model_comparison",
                "funding_efficiency",
                "evidence_coverage",
                "bright_spots",
                "submission_status",
                "practice_by_design",
                "practice_by_dimension",
                "practice_persistence")) {
            List<String> textColumns = new ArrayList<>();
            for (List<Object> c : query("DESCRIBE SELECT * FROM " + glob(mart))) {
                if ("VARCHAR".equals(c.get(1))) {
                    textColumns.add((String) c.get(0));
                }
            }
            for (String column : textColumns) {
                for (List<Object> v : query("SELECT DISTINCT \"" + column + "\" FROM " + glob(mart))) {
                    assertThat(ids).as(mart + "." + column).doesNotContain(String.valueOf(v.get(0)));
                }
            }
        }
        assertThat(log).contains("published");
        for (String id : ids) {
            assertThat(log.contains(id)).as("log mentions " + id).isFalse();
        }
    }

    @Test
    void theSummaryTableCountsFilesRowsAndMarts() {
        assertThat(out)
                .contains(
                        "pl-impact run summary",
                        "run id     2026-06-30_1",
                        "in_force",
                        "superseded",
                        "stale_in_force",
                        "ignored",
                        "student_outcomes",
                        "load_report",
                        "bright_spots",
                        "duration");
        // 94 files in the sample; the totals line ends with the file count
        assertThat(out.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+94")))
                .hasSize(1);
    }

    /** docs/spec.md §5.1 and README "Privacy": beyond the published marts and the log above. */
    @Test
    void noIdInAnyTextFileOfTheWarehouseInAnyRunsMartOrInTheSummary() throws Exception {
        PrivacyScan scan = PrivacyScan.of(Path.of("sample-data"));
        assertThat(scan.ids()).hasSizeGreaterThan(1000);
        // the scanner finds ids where they are meant to be: quarantine holds raw rows (restricted)
        Path quarantine = warehouse.resolve("runs/2026-06-30_1/quarantine");
        try (Stream<Path> q = Files.walk(quarantine)) {
            String raw = String.join(
                    "\n",
                    q.filter(Files::isRegularFile)
                            .map(p -> {
                                try {
                                    return Files.readString(p);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            })
                            .toList());
            assertThat(scan.leaksIn(raw)).isNotEmpty();
        }
        assertThat(PrivacyScan.textFiles(warehouse)).contains("current/_PUBLISHED");
        assertThat(scan.leaksInWarehouseFiles(warehouse)).isEmpty();
        assertThat(scan.leaksInMarts(warehouse.resolve("runs"))).isEmpty();
        assertThat(scan.leaksInMarts(warehouse.resolve("current"))).isEmpty();
        assertThat(scan.leaksIn(out)).isEmpty();
        assertThat(scan.leaksIn(log)).isEmpty();
    }
}
