package org.sea.pli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --years N} (spec §7): N school years ending with the as-of year 2025-26, one file
 * per LEA, extract and year dated the June 30 that ends the year (docs/spec.md §1), and the
 * restating LEAs' supersession of §1.1 between every pair of consecutive years.
 */
class InboxGeneratorYearsTest {
    /** A June 30 file of one of the seven extracts (not the planted roster_2026-06-30.csv). */
    private static final Pattern YEAR_FILE = Pattern.compile("(pl_activities|pl_funding|enrollments|attendance"
            + "|satisfaction|artifact_ratings|student_outcomes)_(\\d{4})-06-30\\.csv(\\.gz)?");

    @TempDir
    static Path tmp;

    static Path three;

    @BeforeAll
    static void generateThreeYears() throws IOException {
        three = tmp.resolve("three");
        new InboxGenerator(Scale.SMALL, 42, 3).generate(three);
    }

    @Test
    void everyLeaHasOneFilePerExtractForEachOfTheThreeSchoolYears() throws IOException {
        List<String> leas = leaIds(three);
        assertThat(leas).hasSize(Scale.SMALL.leas());
        for (String lea : leas) {
            // extract → the end years of its June 30 files: 2024-06-30 ends 2023-24, ..., 2026-06-30 ends 2025-26
            Map<String, Set<Integer>> ends = new TreeMap<>();
            for (Path f : list(three.resolve(lea))) {
                Matcher m = YEAR_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    ends.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
                }
            }
            assertThat(ends.keySet())
                    .as(lea)
                    .containsExactlyInAnyOrder(
                            "pl_activities",
                            "pl_funding",
                            "enrollments",
                            "attendance",
                            "satisfaction",
                            "artifact_ratings",
                            "student_outcomes");
            assertThat(ends.values())
                    .as(lea)
                    .allSatisfy(years -> assertThat(years).containsExactly(2024, 2025, 2026));
        }
    }

    @Test
    void eachFileHoldsTheYearItEndsAndARestatingLeaAlsoTheYearBefore() throws IOException {
        // lea-0003 restates (every tenth LEA from the third): its 2025 file restates 2023-24, its 2026
        // file 2024-25; the earliest file has no year before it in the inbox
        assertThat(schoolYears(three.resolve("lea-0003/pl_activities_2024-06-30.csv")))
                .containsExactly("2023-24");
        assertThat(schoolYears(three.resolve("lea-0003/pl_activities_2025-06-30.csv")))
                .containsExactly("2023-24", "2024-25");
        assertThat(schoolYears(three.resolve("lea-0003/pl_activities_2026-06-30.csv")))
                .containsExactly("2024-25", "2025-26");
        for (String lea : List.of("lea-0001", "lea-0002", "lea-0004")) {
            assertThat(schoolYears(three.resolve(lea + "/enrollments_2024-06-30.csv")))
                    .as(lea)
                    .containsExactly("2023-24");
            assertThat(schoolYears(three.resolve(lea + "/enrollments_2025-06-30.csv")))
                    .as(lea)
                    .containsExactly("2024-25");
            assertThat(schoolYears(three.resolve(lea + "/enrollments_2026-06-30.csv")))
                    .as(lea)
                    .containsExactly("2025-26");
        }
    }

    @Test
    void theOriginalAttendanceOfARestatedYearLacksOnlyTheLateRows() throws IOException {
        for (String[] pair : new String[][] {
            {"2023-24", "attendance_2024-06-30.csv", "attendance_2025-06-30.csv"},
            {"2024-25", "attendance_2025-06-30.csv", "attendance_2026-06-30.csv"}
        }) {
            List<String> original = rowsOf(three.resolve("lea-0003/" + pair[1]), pair[0]);
            List<String> restated = rowsOf(three.resolve("lea-0003/" + pair[2]), pair[0]);
            assertThat(restated).as(pair[0]).containsAll(original);
            // ~1 in 33 sessions is entered late: missing from the original, present in the restatement
            double late = 1 - original.size() / (double) restated.size();
            assertThat(late).as(pair[0]).isBetween(0.01, 0.06);
        }
    }

    @Test
    void oneSchoolYearIsTheAsOfYearAlone() throws IOException {
        Path one = tmp.resolve("one");
        new InboxGenerator(Scale.SMALL, 42, 1).generate(one);
        Set<String> years = new TreeSet<>();
        for (String lea : leaIds(one)) {
            for (Path f : list(one.resolve(lea))) {
                Matcher m = YEAR_FILE.matcher(f.getFileName().toString());
                if (m.matches() && m.group(3) == null) {
                    assertThat(m.group(2)).as(f.toString()).isEqualTo("2026");
                    years.addAll(schoolYears(f));
                }
            }
        }
        assertThat(years).containsExactly("2025-26");
    }

    @Test
    void aYearCountOutsideOneToTwentyIsRefused() {
        assertThatThrownBy(() -> new InboxGenerator(Scale.SMALL, 42, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 20");
        assertThatThrownBy(() -> new InboxGenerator(Scale.SMALL, 42, 21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 21");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<String> leaIds(Path inbox) throws IOException {
        List<String> ids = new ArrayList<>();
        for (List<String> r : records(inbox.resolve("_state/leas.csv"))) {
            ids.add(r.get(0));
        }
        return ids.subList(1, ids.size());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** The distinct well-formed school_year values of a file's rows. */
    private static Set<String> schoolYears(Path f) throws IOException {
        List<List<String>> rs = records(f);
        int col = column(rs.get(0), "school_year");
        Set<String> years = new TreeSet<>();
        for (List<String> r : rs.subList(1, rs.size())) {
            if (col < r.size() && r.get(col).matches("\\d{4}-\\d{2}")) {
                years.add(r.get(col));
            }
        }
        return years;
    }

    /** The rows of one school year, each as its joined fields. */
    private static List<String> rowsOf(Path f, String schoolYear) throws IOException {
        List<List<String>> rs = records(f);
        int col = column(rs.get(0), "school_year");
        List<String> rows = new ArrayList<>();
        for (List<String> r : rs.subList(1, rs.size())) {
            if (col < r.size() && r.get(col).equals(schoolYear)) {
                rows.add(String.join(",", r));
            }
        }
        return rows;
    }

    /** A column's index, matching names as spec §1 does: ignoring case and surrounding spaces. */
    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + header);
    }

    private static List<List<String>> records(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        if (f.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true)
                .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.forEach(rec -> rows.add(rec.getFields()));
        }
        return rows;
    }
}
