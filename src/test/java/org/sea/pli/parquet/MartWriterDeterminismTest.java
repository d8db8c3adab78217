package org.sea.pli.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/**
 * spec §6 Determinism: the same rows give byte-identical files whatever the time, time zone,
 * locale, thread or JVM process.
 */
class MartWriterDeterminismTest {
    static final String RUN = "2026-06-30_1";

    @TempDir
    Path tmp;

    /** educator_activity rows with high-entropy keys: several MB, so the footer tail buffer spills. */
    static List<WrittenFile> writeBig(FileSystem fs, org.apache.hadoop.fs.Path dir, int tailKeep) throws Exception {
        MartSchema s = MartSchema.load("educator_activity");
        Random random = new Random(42);
        byte[] key = new byte[32];
        try (MartWriter w = new MartWriter(fs, dir, s, tailKeep)) {
            for (int i = 0; i < 120_000; i++) {
                random.nextBytes(key);
                w.write(
                        i < 60_000 ? "2024-25" : "2025-26",
                        MartRows.row(
                                s,
                                "lea_id",
                                "lea-" + (i / 10_000),
                                "activity_id",
                                "act-" + (i / 25),
                                "educator_key",
                                HexFormat.of().formatHex(key),
                                "cohort_id",
                                "c" + (i / 400),
                                "pl_model",
                                i % 3 == 0 ? "coaching" : "workshop",
                                "enrolled",
                                i % 5 != 0,
                                "minutes_attended",
                                (long) random.nextInt(2000),
                                "sessions_attended",
                                i % 9,
                                "sustained",
                                i % 4 == 0,
                                "satisfaction",
                                i % 6 == 0 ? null : random.nextDouble() * 5,
                                "practice_baseline",
                                1 + random.nextInt(4) / 1.0,
                                "practice_followup",
                                random.nextDouble() * 4,
                                "improved",
                                i % 7 == 0 ? null : i % 2 == 0,
                                "student_growth_z",
                                random.nextGaussian(),
                                "evidence_level",
                                i % 6));
            }
            return w.finish();
        }
    }

    private List<WrittenFile> writeAll(String location) throws Exception {
        try (Warehouse w = Warehouse.open(location)) {
            List<WrittenFile> all = new ArrayList<>();
            all.addAll(MartWriterDuckDbTest.writeCohortImpact(w.fs(), w.martsDir(RUN)));
            all.addAll(MartWriterDuckDbTest.writeLoadReport(w.fs(), w.martsDir(RUN)));
            all.addAll(writeBig(w.fs(), w.martsDir(RUN), MartOutputFile.KEEP));
            return all;
        }
    }

    private void assertSameBytes(List<WrittenFile> files, Path a, Path b) throws Exception {
        for (WrittenFile f : files) {
            assertThat(sha256(b.resolve(f.path()))).as(f.path()).isEqualTo(sha256(a.resolve(f.path())));
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Path marts(String name) {
        return tmp.resolve(name).resolve("runs").resolve(RUN).resolve("marts");
    }

    @Test
    void sameRowsGiveIdenticalBytesUnderAnotherTimeZoneLocaleAndThread() throws Exception {
        List<WrittenFile> first = writeAll(tmp.resolve("a").toString());
        Thread.sleep(1100); // a different wall-clock second

        TimeZone tz = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        AtomicReference<Object> result = new AtomicReference<>();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Thread t = new Thread(() -> {
                try {
                    result.set(writeAll(tmp.resolve("b").toString()));
                } catch (Exception e) {
                    result.set(e);
                }
            });
            t.start();
            t.join();
        } finally {
            TimeZone.setDefault(tz);
            Locale.setDefault(locale);
        }
        if (result.get() instanceof Exception e) {
            throw e;
        }
        assertThat(result.get()).isEqualTo(first);
        assertSameBytes(first, marts("a"), marts("b"));
    }

    /**
     * parquet-java orders each column chunk's footer encodings by enum identity hash, which differs
     * between JVMs; MartOutputFile sorts them. Only a second process shows the difference.
     */
    @Test
    void sameRowsGiveIdenticalBytesInAnotherJvm() throws Exception {
        List<WrittenFile> here = writeAll(tmp.resolve("a").toString());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Duser.timezone=Asia/Kathmandu",
                        "-Duser.language=tr",
                        "-Duser.country=TR",
                        DeterminismChild.class.getName(),
                        tmp.resolve("child").toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();

        assertSameBytes(here, marts("a"), marts("child"));
        for (WrittenFile f : here) {
            assertEncodingsSorted(marts("a").resolve(f.path()));
        }
    }

    @Test
    void holdingBackTheFooterDoesNotChangeTheBytes() throws Exception {
        List<WrittenFile> big;
        List<WrittenFile> small;
        try (Warehouse w = Warehouse.open(tmp.resolve("a").toString())) {
            big = writeBig(w.fs(), w.martsDir(RUN), MartOutputFile.KEEP);
        }
        try (Warehouse w = Warehouse.open(tmp.resolve("b").toString())) {
            small = writeBig(w.fs(), w.martsDir(RUN), 16 * 1024);
        }
        assertThat(small).isEqualTo(big);
        assertThat(Files.size(marts("a").resolve(big.get(0).path()))).isGreaterThan(2L * MartOutputFile.KEEP);
        assertSameBytes(big, marts("a"), marts("b"));

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = duck.createStatement()
                        .executeQuery("SELECT count(*), count(DISTINCT educator_key), "
                                + "count(DISTINCT school_year) FROM read_parquet('" + marts("b")
                                + "/educator_activity/**/*.parquet', hive_partitioning = true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(120_000L);
            assertThat(rs.getLong(2)).isEqualTo(120_000L);
            assertThat(rs.getLong(3)).isEqualTo(2L);
        }
    }

    private static void assertEncodingsSorted(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int len = ByteBuffer.wrap(bytes, bytes.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - len, len));
        for (RowGroup rg : footer.getRow_groups()) {
            for (ColumnChunk cc : rg.getColumns()) {
                int[] values = cc.getMeta_data().getEncodings().stream()
                        .mapToInt(Encoding::getValue)
                        .toArray();
                int[] sorted = values.clone();
                Arrays.sort(sorted);
                assertThat(values)
                        .as(file + " " + cc.getMeta_data().getPath_in_schema())
                        .containsExactly(sorted);
            }
        }
    }
}
