package org.sea.pli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec §7 {@code generate}: determinism, layout (spec §1), row rules (spec §2) and planted effects. */
class InboxGeneratorTest {
    private static final Pattern NAME = Pattern.compile("([a-z_]+)_(\\d{4}-\\d{2}-\\d{2})\\.csv(\\.gz)?");
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @TempDir
    static Path tmp;

    static Path inbox;
    static InboxGenerator generator;
    static GenerationSummary summary;

    @BeforeAll
    static void generateSmall() throws IOException {
        inbox = tmp.resolve("inbox");
        generator = new InboxGenerator(Scale.SMALL, 42);
        summary = generator.generate(inbox);
    }

    @Test
    void sameSeedGivesByteIdenticalInboxAndAnotherSeedDoesNot() throws Exception {
        Path again = tmp.resolve("again");
        new InboxGenerator(Scale.SMALL, 42).generate(again);
        Path other = tmp.resolve("other");
        new InboxGenerator(Scale.SMALL, 43).generate(other);

        Map<String, String> a = hashes(inbox);
        assertThat(a).hasSize(summary.files());
        assertThat(hashes(again)).isEqualTo(a);
        Map<String, String> b = hashes(other);
        assertThat(b).isNotEqualTo(a);
        assertThat(b.get("lea-0001/attendance_2026-06-30.csv"))
                .isNotEqualTo(a.get("lea-0001/attendance_2026-06-30.csv"));
    }

    @Test
    void inboxHasStateFilesAndAllSevenExtractsPerLeaForTwoSchoolYears() throws IOException {
        assertThat(inbox.resolve("_state/leas.csv")).exists();
        List<String[]> rubric = read(inbox.resolve("_state/rubric.csv"));
        assertThat(rubric.get(0)).containsExactly("dimension", "description");
        assertThat(rubric).hasSizeBetween(5, 7);
        List<String> leas = leaIds();
        assertThat(leas).hasSize(Scale.SMALL.leas()).allMatch(id -> id.matches("lea-\\d{4}"));
        for (String lea : leas) {
            for (Extract x : Extract.values()) {
                Set<String> years = new HashSet<>();
                for (Path f : extractFiles(lea, x)) {
                    forEachRow(f, x, row -> years.add(row.get("school_year")));
                }
                assertThat(years).as(lea + " " + x.fileName).contains("2024-25", "2025-26");
            }
        }
        assertThat(summary.rowsPerExtract().keySet())
                .containsExactly(
                        "pl_activities",
                        "pl_funding",
                        "enrollments",
                        "attendance",
                        "satisfaction",
                        "artifact_ratings",
                        "student_outcomes");
        assertThat(summary.rowsPerExtract().values()).allMatch(n -> n > 0);
        assertThat(dirSize(inbox)).isLessThan(6_000_000);
    }

    @Test
    void fileLevelCasesArePlanted() throws IOException {
        assertThat(inbox.resolve("lea-0001/notes.txt")).exists();
        assertThat(inbox.resolve("lea-0001/roster_2026-06-30.csv")).exists();
        assertThat(inbox.resolve("lea-9999/pl_activities_2026-06-30.csv")).exists();
        assertThat(leaIds()).doesNotContain("lea-9999");
        assertThat(inbox.resolve("lea-0004/attendance_2026-07-15.csv")).exists();
        assertThat(inbox.resolve("lea-0005/pl_funding_2026-06-01.csv")).exists();
        assertThat(inbox.resolve("lea-0005/pl_funding_2026-06-01.csv.gz")).exists();
        assertThat(inbox.resolve("lea-0006/student_outcomes_2026-06-30.csv.gz")).exists();
        byte[] bom = Files.readAllBytes(inbox.resolve("lea-0002/enrollments_2026-06-30.csv"));
        assertThat(new String(bom, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        assertThat(Files.readString(inbox.resolve("lea-0005/attendance_2026-06-30.csv")))
                .contains("\r\n");
        assertThat(Files.readString(inbox.resolve("lea-0001/pl_activities_2026-06-30.csv")))
                .contains("\"" + InboxGenerator.SPECIAL_TITLE.replace("\"", "\"\"") + "\"");
        assertThatThrownBy(() -> strictUtf8(inbox.resolve("lea-0005/enrollments_2026-06-15.csv")))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(read(inbox.resolve("lea-0002/artifact_ratings_2026-06-15.csv"))
                        .get(0))
                .doesNotContain("rater_id");
    }

    /**
     * Every row of every file a pipeline would validate passes an independent reading of spec §2,
     * except the planted bad rows, which get exactly their planted reason and stay under 5% per file;
     * the one reject_rate_exceeded file is above 5%.
     */
    @Test
    void goodRowsFollowSpecRowRulesAndPlantedBadRowsGetTheirReason() throws IOException {
        Set<String> dims = new HashSet<>();
        read(inbox.resolve("_state/rubric.csv")).stream().skip(1).forEach(r -> dims.add(r[0]));
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        Set<Defect> kinds = EnumSet.noneOf(Defect.class);
        for (String p : generator.placedDefects()) {
            String[] parts = p.split(" ");
            expected.computeIfAbsent(parts[0], k -> new TreeMap<>()).merge(parts[2], 1, Integer::sum);
            kinds.add(Defect.valueOf(parts[1]));
        }
        assertThat(kinds).as("every planted row defect appears in SMALL").isEqualTo(EnumSet.allOf(Defect.class));
        assertThat(expected.values().stream().flatMap(m -> m.keySet().stream()).distinct())
                .containsExactlyInAnyOrder(
                        "malformed_row",
                        "missing_value",
                        "bad_type",
                        "bad_enum",
                        "out_of_range",
                        "duplicate_key",
                        "unknown_activity");

        int checked = 0;
        for (String lea : leaIds()) {
            Set<String> activities = new HashSet<>();
            for (Path f : extractFiles(lea, Extract.PL_ACTIVITIES)) {
                RowRules rules = new RowRules("pl_activities", header(f), dims, null);
                int sy = colIndex(f, "school_year");
                int id = colIndex(f, "activity_id");
                forEachRecord(f, rec -> {
                    if (rules.reason(rec) == null) {
                        activities.add(rec.get(sy).trim() + "|" + rec.get(id).trim());
                    }
                });
            }
            for (Extract x : Extract.values()) {
                for (Path f : extractFiles(lea, x)) {
                    String label = lea + "/" + f.getFileName();
                    if (label.equals("lea-0002/artifact_ratings_2026-06-15.csv")
                            || label.equals("lea-0005/enrollments_2026-06-15.csv")
                            || label.startsWith("lea-0005/pl_funding_2026-06-01")) {
                        continue; // missing_column, unreadable, ambiguous_file: never validated row by row
                    }
                    RowRules rules = new RowRules(x.fileName, header(f), dims, activities);
                    Map<String, Integer> got = new TreeMap<>();
                    long[] n = new long[1];
                    forEachRecord(f, rec -> {
                        n[0]++;
                        String reason = rules.reason(rec);
                        if (reason != null) {
                            got.merge(reason, 1, Integer::sum);
                        }
                    });
                    long bad =
                            got.values().stream().mapToLong(Integer::longValue).sum();
                    if (label.equals("lea-0003/satisfaction_2026-06-30.csv")) {
                        assertThat(bad / (double) n[0]).as(label).isGreaterThan(0.05);
                        assertThat(got.keySet()).containsExactly("bad_type");
                    } else {
                        assertThat(got).as(label).isEqualTo(expected.getOrDefault(label, Map.of()));
                        assertThat(bad / (double) n[0]).as(label).isLessThanOrEqualTo(0.05);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void plantedEffectsAreVisible() throws IOException {
        Map<String, double[]> changeByModel = new HashMap<>(); // sum, n
        Map<String, Set<String>> cohortMembers = new HashMap<>();
        Set<String> participants = new HashSet<>();
        Set<String> withOutcomes = new HashSet<>();
        Map<String, Set<String>> sourcesByActivity = new HashMap<>();
        Set<String> toolTrainingSources = new HashSet<>();
        for (String lea : leaIds()) {
            Map<String, Map<String, String>> acts = new HashMap<>();
            for (Path f : extractFiles(lea, Extract.PL_ACTIVITIES)) {
                forEachRow(
                        f, Extract.PL_ACTIVITIES, r -> acts.put(r.get("school_year") + "|" + r.get("activity_id"), r));
            }
            for (Path f : extractFiles(lea, Extract.ENROLLMENTS)) {
                forEachRow(f, Extract.ENROLLMENTS, r -> {
                    participants.add(lea + "|" + r.get("school_year") + "|" + r.get("educator_id"));
                    Map<String, String> a = acts.get(r.get("school_year") + "|" + r.get("activity_id"));
                    if (a != null) {
                        cohortMembers
                                .computeIfAbsent(
                                        lea + "|" + r.get("school_year") + "|" + a.get("cohort_id"),
                                        k -> new HashSet<>())
                                .add(r.get("educator_id"));
                    }
                });
            }
            for (Path f : extractFiles(lea, Extract.ATTENDANCE)) {
                forEachRow(
                        f,
                        Extract.ATTENDANCE,
                        r -> participants.add(lea + "|" + r.get("school_year") + "|" + r.get("educator_id")));
            }
            for (Path f : extractFiles(lea, Extract.PL_FUNDING)) {
                forEachRow(f, Extract.PL_FUNDING, r -> {
                    String key = lea + "|" + r.get("school_year") + "|" + r.get("activity_id");
                    sourcesByActivity.computeIfAbsent(key, k -> new HashSet<>()).add(r.get("funding_source"));
                    Map<String, String> a = acts.get(r.get("school_year") + "|" + r.get("activity_id"));
                    if (a != null && a.get("tool_specific").equalsIgnoreCase("true")) {
                        toolTrainingSources.add(r.get("funding_source"));
                    }
                });
            }
            Map<String, double[]> phases = new HashMap<>(); // baseline sum, n, followup sum, n
            for (Path f : extractFiles(lea, Extract.ARTIFACT_RATINGS)) {
                forEachRow(f, Extract.ARTIFACT_RATINGS, r -> {
                    double[] p = phases.computeIfAbsent(
                            r.get("school_year") + "|" + r.get("activity_id") + "|" + r.get("educator_id"),
                            k -> new double[4]);
                    int o = r.get("phase").equals("baseline") ? 0 : 2;
                    p[o] += Integer.parseInt(r.get("score"));
                    p[o + 1]++;
                });
            }
            phases.forEach((k, p) -> {
                Map<String, String> a = acts.get(k.substring(0, k.lastIndexOf('|')));
                if (a != null && p[1] > 0 && p[3] > 0) {
                    double[] m = changeByModel.computeIfAbsent(
                            a.get("pl_model").toLowerCase(Locale.ROOT), x -> new double[2]);
                    m[0] += p[2] / p[3] - p[0] / p[1];
                    m[1]++;
                }
            });
            for (Path f : extractFiles(lea, Extract.STUDENT_OUTCOMES)) {
                forEachRow(
                        f,
                        Extract.STUDENT_OUTCOMES,
                        r -> withOutcomes.add(lea + "|" + r.get("school_year") + "|" + r.get("educator_id")));
            }
        }
        double coaching = changeByModel.get("coaching")[0] / changeByModel.get("coaching")[1];
        double workshop = changeByModel.get("workshop")[0] / changeByModel.get("workshop")[1];
        assertThat(coaching).isGreaterThan(0.5);
        assertThat(workshop).isLessThan(0.3);
        assertThat(coaching).isGreaterThan(workshop + 0.3);
        assertThat(cohortMembers.values()).anyMatch(s -> s.size() < 10);
        assertThat(cohortMembers.values().stream()
                        .filter(s -> s.size() >= 10 && s.size() <= 40)
                        .count())
                .isGreaterThan(cohortMembers.size() / 2);
        Set<String> nonParticipants = new HashSet<>(withOutcomes);
        nonParticipants.removeAll(participants);
        assertThat(nonParticipants).hasSizeGreaterThan(20);
        assertThat(sourcesByActivity.values()).anyMatch(s -> s.size() >= 3);
        assertThat(toolTrainingSources).contains("title_ii_a");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<String> leaIds() throws IOException {
        return read(inbox.resolve("_state/leas.csv")).stream()
                .skip(1)
                .map(r -> r[0])
                .toList();
    }

    /** Files of an extract in an LEA folder that a run as of 2026-06-30 would read (spec §1). */
    private static List<Path> extractFiles(String lea, Extract x) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(inbox.resolve(lea))) {
            for (Path p : s.sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()
                        && m.group(1).equals(x.fileName)
                        && !LocalDate.parse(m.group(2)).isAfter(AS_OF)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Reader reader(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        if (f.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static CsvReader<CsvRecord> csv(Path f) throws IOException {
        return CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true)
                .ofCsvRecord(reader(f));
    }

    private static String[] header(Path f) throws IOException {
        try (CsvReader<CsvRecord> r = csv(f)) {
            return r.iterator().next().getFields().stream()
                    .map(s -> s.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
        }
    }

    private static int colIndex(Path f, String column) throws IOException {
        return List.of(header(f)).indexOf(column);
    }

    private static void forEachRecord(Path f, Consumer<List<String>> c) throws IOException {
        try (CsvReader<CsvRecord> r = csv(f)) {
            boolean first = true;
            for (CsvRecord rec : r) {
                if (!first) {
                    c.accept(rec.getFields());
                }
                first = false;
            }
        }
    }

    /** Well-formed rows as column → trimmed value (rows with the wrong field count are skipped). */
    private static void forEachRow(Path f, Extract x, Consumer<Map<String, String>> c) throws IOException {
        String[] h = header(f);
        forEachRecord(f, rec -> {
            if (rec.size() != h.length) {
                return;
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < h.length; i++) {
                m.put(h[i], rec.get(i).trim());
            }
            if (m.get("school_year") != null && m.get("school_year").matches("\\d{4}-\\d{2}")) {
                c.accept(m);
            }
        });
    }

    private static List<String[]> read(Path f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = csv(f)) {
            r.forEach(rec -> rows.add(rec.getFields().toArray(String[]::new)));
        }
        return rows;
    }

    private static void strictUtf8(Path f) throws IOException {
        StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(f)));
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            out.put(
                    root.relativize(p).toString().replace('\\', '/'),
                    HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
        }
        return out;
    }

    private static long dirSize(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
