package org.sea.pli.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/** spec §5: marts as a BI client (DuckDB) reads them — names, types, values, Hive partitions. */
class MartWriterDuckDbTest {
    @TempDir
    Path tmp;

    Warehouse warehouse;
    Connection duck;

    @BeforeEach
    void open() throws Exception {
        warehouse = Warehouse.open(tmp.resolve("w").toString());
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws Exception {
        duck.close();
        warehouse.close();
    }

    private org.apache.hadoop.fs.Path marts() {
        return warehouse.martsDir("2026-06-30_1");
    }

    private Path localMarts() {
        return Path.of(marts().toUri());
    }

    static List<WrittenFile> writeCohortImpact(FileSystem fs, org.apache.hadoop.fs.Path dir) throws Exception {
        MartSchema s = MartSchema.load("cohort_impact");
        try (MartWriter w = new MartWriter(fs, dir, s)) {
            for (MartRows.Partitioned r : MartRows.cohortImpact(s)) {
                w.write(r.schoolYear(), r.values());
            }
            return w.finish();
        }
    }

    static List<WrittenFile> writeLoadReport(FileSystem fs, org.apache.hadoop.fs.Path dir) throws Exception {
        MartSchema s = MartSchema.load("load_report");
        try (MartWriter w = new MartWriter(fs, dir, s)) {
            for (Object[] r : MartRows.loadReport(s)) {
                w.write(null, r);
            }
            return w.finish();
        }
    }

    private Map<String, String> describe(String from) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    private static String duckType(MartType t) {
        return switch (t) {
            case STRING -> "VARCHAR";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DECIMAL_18_2 -> "DECIMAL(18,2)";
        };
    }

    @Test
    void cohortImpactReadsBackInDuckDbWithHivePartitions() throws Exception {
        List<WrittenFile> files = writeCohortImpact(warehouse.fs(), marts());

        assertThat(files)
                .extracting(WrittenFile::path)
                .containsExactly(
                        "cohort_impact/school_year=2024-25/part-00000.parquet",
                        "cohort_impact/school_year=2025-26/part-00000.parquet");
        assertThat(files).extracting(WrittenFile::rows).containsExactly(2L, 1L);
        for (WrittenFile f : files) {
            byte[] bytes = Files.readAllBytes(localMarts().resolve(f.path()));
            assertThat(f.sha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        try (Stream<Path> all = Files.walk(localMarts())) {
            assertThat(all.filter(Files::isRegularFile)
                            .map(p -> localMarts().relativize(p).toString()))
                    .as("no temporary or .crc files next to the part files")
                    .containsExactlyInAnyOrder(
                            files.stream().map(WrittenFile::path).toArray(String[]::new));
        }

        MartSchema s = MartSchema.load("cohort_impact");
        String glob = localMarts() + "/cohort_impact/**/*.parquet";
        Map<String, String> expected = new LinkedHashMap<>();
        s.columns().forEach(c -> expected.put(c.name(), duckType(c.type())));
        // Without hive partitioning the files hold exactly the schema columns: no school_year inside.
        assertThat(describe("read_parquet('" + glob + "', hive_partitioning = false)"))
                .containsExactlyEntriesOf(expected);
        Map<String, String> withPartition = new LinkedHashMap<>(expected);
        withPartition.put("school_year", "VARCHAR");
        assertThat(describe("read_parquet('" + glob + "', hive_partitioning = true)"))
                .containsExactlyEntriesOf(withPartition);

        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + glob
                        + "', hive_partitioning = true) ORDER BY school_year, lea_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("school_year")).isEqualTo("2024-25");
            assertThat(rs.getString("lea_id")).isEqualTo("lea-001");
            assertThat(rs.getString("pl_model")).isEqualTo("coaching");
            assertThat(rs.getInt("activities")).isEqualTo(3);
            assertThat(rs.getBigDecimal("cost_usd")).isEqualTo(new BigDecimal("12.50"));
            assertThat(rs.getInt("n_educators")).isEqualTo(25);
            assertThat(rs.getDouble("cost_per_attended")).isEqualTo(0.5208333333333334);
            assertThat(rs.getDouble("comparison_growth_z_mean")).isEqualTo(-0.03);
            assertThat(rs.getBoolean("suppressed")).isFalse();

            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("school_year")).isEqualTo("2024-25");
            assertThat(rs.getString("lea_id")).isEqualTo("lea-002");
            assertThat(rs.getBigDecimal("cost_usd")).isEqualTo(new BigDecimal("0.00"));
            assertThat(rs.getObject("n_educators")).isNull();
            assertThat(rs.getObject("minutes_mean")).isNull();
            assertThat(rs.getObject("n_students")).isNull();
            assertThat(rs.getBoolean("suppressed")).isTrue();

            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("school_year")).isEqualTo("2025-26");
            assertThat(rs.getString("pl_model")).isEqualTo("plc");
            assertThat(rs.getBigDecimal("cost_usd")).isEqualTo(new BigDecimal("1234567.89"));
            assertThat(rs.getInt("n_practice_pairs")).isZero();
            assertThat(rs.getObject("satisfaction_mean")).isNull();
            assertThat(rs.getBoolean("student_suppressed")).isTrue();
            assertThat(rs.next()).isFalse();
        }

        // Fixed footer: parquet-java's created_by and only our own key-value entry.
        String file = localMarts().resolve(files.get(0).path()).toString();
        try (Statement st = duck.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT created_by FROM parquet_file_metadata('" + file + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("parquet-mr version 1.17.1");
            }
            List<String> kv = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT decode(key) || '=' || decode(value) FROM parquet_kv_metadata('" + file + "')")) {
                while (rs.next()) {
                    kv.add(rs.getString(1));
                }
            }
            assertThat(kv).containsExactly("writer.model.name=pl-impact");
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ZSTD");
            }
        }
    }

    @Test
    void loadReportIsOneUnpartitionedFile() throws Exception {
        List<WrittenFile> files = writeLoadReport(warehouse.fs(), marts());
        assertThat(files)
                .extracting(WrittenFile::path, WrittenFile::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("load_report/part-00000.parquet", 2L));

        String file = localMarts().resolve("load_report/part-00000.parquet").toString();
        MartSchema s = MartSchema.load("load_report");
        Map<String, String> expected = new LinkedHashMap<>();
        s.columns().forEach(c -> expected.put(c.name(), duckType(c.type())));
        assertThat(describe("read_parquet('" + file + "')")).containsExactlyEntriesOf(expected);

        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT * FROM read_parquet('" + file + "') ORDER BY lea_id, extract NULLS FIRST, file")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("extract")).isNull();
            assertThat(rs.getObject("extract_date")).isNull();
            assertThat(rs.getObject("rows_read")).isNull();
            assertThat(rs.getString("status")).isEqualTo("ignored");
            assertThat(rs.getString("reason")).isEqualTo("unknown_file");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("extract_date", LocalDate.class)).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(rs.getLong("rows_read")).isEqualTo(1_000_000L);
            assertThat(rs.getLong("rows_rejected")).isEqualTo(10L);
            assertThat(rs.getString("reject_reasons")).isEqualTo("{\"out_of_range\":10}");
            assertThat(rs.getString("unknown_columns")).isEqualTo("comment,extra");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void emptyLoadReportIsAValidFileAndEmptyPartitionedMartHasNoFiles() throws Exception {
        try (MartWriter w = new MartWriter(warehouse.fs(), marts(), MartSchema.load("load_report"))) {
            assertThat(w.finish())
                    .extracting(WrittenFile::path, WrittenFile::rows)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("load_report/part-00000.parquet", 0L));
        }
        String file = localMarts().resolve("load_report/part-00000.parquet").toString();
        assertThat(describe("read_parquet('" + file + "')"))
                .containsKeys("lea_id", "unknown_columns")
                .hasSize(12);
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }

        try (MartWriter w = new MartWriter(warehouse.fs(), marts(), MartSchema.load("bright_spots"))) {
            assertThat(w.finish()).isEmpty();
        }
        try (Stream<Path> all = Files.walk(localMarts().resolve("bright_spots"))) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void rewritingAMartReplacesWhatAnEarlierAttemptLeft() throws Exception {
        writeCohortImpact(warehouse.fs(), marts());
        MartSchema s = MartSchema.load("cohort_impact");
        try (MartWriter w = new MartWriter(warehouse.fs(), marts(), s)) {
            w.write("2025-26", MartRows.cohortImpact(s).get(2).values());
            assertThat(w.finish())
                    .extracting(WrittenFile::path)
                    .containsExactly("cohort_impact/school_year=2025-26/part-00000.parquet");
        }
        assertThat(localMarts().resolve("cohort_impact/school_year=2024-25")).doesNotExist();
    }

    @Test
    void closeWithoutFinishLeavesNoPartFile() throws Exception {
        MartSchema s = MartSchema.load("cohort_impact");
        try (MartWriter w = new MartWriter(warehouse.fs(), marts(), s)) {
            w.write("2024-25", MartRows.cohortImpact(s).get(0).values());
        }
        try (Stream<Path> all = Files.walk(localMarts())) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
