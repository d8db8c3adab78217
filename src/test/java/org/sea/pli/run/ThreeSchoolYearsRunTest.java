package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.cli.PlImpactCommand;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;

/**
 * A nightly run on three school years of history ({@code generate --scale small --seed 42 --years 3}):
 * every year gets its mart partitions, practice persistence (docs/spec.md §4.8, §5.10) is found for
 * both consecutive pairs, and a restating LEA's older files are superseded year by year (§1.1).
 */
class ThreeSchoolYearsRunTest {

    @TempDir
    static Path work;

    static Path warehouse;
    static Connection duck;

    @BeforeAll
    static void runThreeYears() throws Exception {
        Path inbox = work.resolve("inbox");
        new InboxGenerator(Scale.SMALL, 42, 3).generate(inbox);
        warehouse = work.resolve("warehouse");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new PlImpactCommand(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of("PLI_PSEUDONYM_KEY", "three-years-test-key"))
                .execute(new String[] {
                    "run",
                    "--inbox",
                    inbox.toString(),
                    "--warehouse",
                    warehouse.toString(),
                    "--as-of",
                    "2026-06-30",
                    "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"),
                    "--logging.file.name=" + work.resolve("run.log")
                });
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }

    @Test
    void everyYearedMartHasAPartitionForEachOfTheThreeSchoolYears() throws Exception {
        for (String mart : List.of("educator_activity", "cohort_impact", "model_comparison", "submission_status")) {
            try (Stream<Path> s = Files.list(warehouse.resolve("current").resolve(mart))) {
                assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                        .as(mart)
                        .containsExactly("school_year=2023-24", "school_year=2024-25", "school_year=2025-26");
            }
        }
    }

    @Test
    void practicePersistenceFollowsBothPairsOfConsecutiveYears() throws Exception {
        // §5.10: rows only for a year Y whose units are followed into Y+1: 2023-24 → 2024-25 and
        // 2024-25 → 2025-26; 2025-26 has no next year in the inbox
        assertThat(query("SELECT DISTINCT school_year FROM " + glob("practice_persistence") + " ORDER BY 1"))
                .containsExactly(List.of("2023-24"), List.of("2024-25"));
    }

    @Test
    void submissionStatusIsTheGridOfSixLeasSevenExtractsAndThreeYears() throws Exception {
        // §5.11: 6 LEAs of leas.csv × 7 extracts × 3 school years = 126 rows, all in force
        // (the planted problem files are all in 2025-26 and each leaves a file in force)
        assertThat(query("SELECT count(*), count(DISTINCT school_year), count(*) FILTER (status = 'in_force') FROM "
                        + glob("submission_status")))
                .containsExactly(List.of(126L, 3L, 126L));
    }

    @Test
    void aRestatingLeasOlderFilesAreSupersededYearByYear() throws Exception {
        // lea-0003's file of each year restates the year before (§1.1: the latest file with rows of
        // a year is in force for it): 2023-24 is in force from the 2025 file, 2024-25 from the 2026 file
        assertThat(query("SELECT school_year, in_force_file FROM " + glob("submission_status")
                        + " WHERE lea_id = 'lea-0003' AND extract = 'attendance' ORDER BY 1"))
                .containsExactly(
                        List.of("2023-24", "attendance_2025-06-30.csv"),
                        List.of("2024-25", "attendance_2026-06-30.csv"),
                        List.of("2025-26", "attendance_2026-06-30.csv"));
        // the 2024 file is in force for nothing; the 2025 file still is, for 2023-24
        assertThat(query("SELECT file, status FROM " + glob("load_report")
                        + " WHERE lea_id = 'lea-0003' AND extract = 'attendance' ORDER BY 1"))
                .containsExactly(
                        List.of("attendance_2024-06-30.csv", "superseded"),
                        List.of("attendance_2025-06-30.csv", "in_force"),
                        List.of("attendance_2026-06-30.csv", "in_force"));
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
}
