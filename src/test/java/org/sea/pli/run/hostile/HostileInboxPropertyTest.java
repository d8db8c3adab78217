package org.sea.pli.run.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Sha256;
import org.sea.pli.testing.CommandRun;

/**
 * Hostile inboxes, property-based (docs/spec.md §1, §3, §5.7, §6): each try copies a clean
 * tiny inbox and the warehouse of its clean run, applies a random sequence of
 * {@link InboxMutation}s, runs again and checks what must hold whatever an LEA sends:
 * <ul>
 * <li>the run exits 0, or 1 only for a {@code _state} problem or a recorded file changed or gone
 *     (§1), naming each; then {@code --allow-changed-files} makes it succeed;</li>
 * <li>every entry directly under every LEA folder, and every recorded path now gone, has exactly
 *     one load-report row (§1, §5.7);</li>
 * <li>each file's rows_rejected equals the records of its quarantine file (§3.1);</li>
 * <li>no quarantine field can run as a spreadsheet formula (§3.1);</li>
 * <li>the LEAs whose folders were not touched have the clean run's rows in load_report,
 *     educator_activity, evidence_coverage and submission_status;</li>
 * <li>nothing prints a stack trace.</li>
 * </ul>
 * Seeded and reproducible: seeds are {@code hostile.seed} (default 20260930) onwards,
 * {@code hostile.tries} of them (default 15); a failure names its seed and what was done, and
 * {@code mvn test -Dtest=HostileInboxPropertyTest -Dhostile.seed=N -Dhostile.tries=1} replays it.
 * Plain JUnit dynamic tests with {@link Random}, no property-testing library (see the README).
 */
class HostileInboxPropertyTest {

    private static final String AS_OF = "2026-06-30";
    private static final List<String> LEA_MARTS =
            List.of("educator_activity", "evidence_coverage", "submission_status");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @TempDir
    static Path tmp;

    static Path cleanInbox;
    static Path cleanWarehouse;
    static RunManifest cleanManifest;
    static Map<String, List<String>> cleanRows;

    @BeforeAll
    static void cleanRun() throws Exception {
        cleanInbox = tmp.resolve("clean-inbox");
        cleanWarehouse = tmp.resolve("clean-w");
        TinyInbox.write(cleanInbox);
        Run clean = run(cleanInbox, cleanWarehouse);
        assertThat(clean.command.code()).as(clean.command.err()).isZero();
        cleanManifest =
                RunManifest.parse(Files.readAllBytes(cleanWarehouse.resolve("runs/" + AS_OF + "_1/manifest.json")));
        cleanRows = MartRows.byLea(cleanWarehouse.resolve("current"), LEA_MARTS);
        assertThat(cleanRows.keySet()).as("every LEA has rows in the clean run").containsAll(TinyInbox.LEAS);
        assertThat(cleanRows.get("lea-2")).anyMatch(r -> r.startsWith("educator_activity"));
    }

    @TestFactory
    Stream<DynamicTest> hostileInboxes() {
        long first = Long.getLong("hostile.seed", 20260930L);
        int tries = Integer.getInteger("hostile.tries", 15);
        return LongStream.range(first, first + tries)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
                    InboxMutation.Mutated m = new InboxMutation.Mutated();
                    try {
                        tryOnce(seed, m);
                    } catch (AssertionError | Exception e) {
                        throw new AssertionError(
                                "hostile inbox seed " + seed + " failed after: " + String.join("; ", m.story)
                                        + " — replay with -Dhostile.seed=" + seed + " -Dhostile.tries=1: "
                                        + e.getMessage(),
                                e);
                    }
                }));
    }

    private static void tryOnce(long seed, InboxMutation.Mutated m) throws Exception {
        Path inbox = tmp.resolve("inbox-" + seed);
        Path warehouse = tmp.resolve("w-" + seed);
        copyTree(cleanInbox, inbox);
        copyTree(cleanWarehouse, warehouse);
        Random r = new Random(seed);
        InboxMutation[] catalogue = InboxMutation.values();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            catalogue[r.nextInt(catalogue.length)].apply(r, inbox, m);
        }
        // §1: what the clean run recorded that is now changed or gone
        Set<String> gone = new TreeSet<>();
        Set<String> changed = new TreeSet<>();
        for (RunManifest.Input input : cleanManifest.inputs()) {
            Path p = inbox.resolve(input.path());
            if (input.status().equals("state")) {
                continue;
            }
            if (!isFile(p)) {
                gone.add(input.path());
            } else if (!Sha256.of(Files.newInputStream(p)).equals(input.sha256())) {
                changed.add(input.path());
            }
        }

        Run first = run(inbox, warehouse);
        if (m.state) {
            assertThat(first.command.code()).isEqualTo(1);
            assertThat(first.command.errLines()).hasSize(1);
            assertThat(first.command.err()).contains("_state/leas.csv", "twice");
            assertThat(first.output).doesNotContain("\tat ");
            return;
        }
        Run last = first;
        if (!gone.isEmpty() || !changed.isEmpty()) {
            assertThat(first.command.code()).as(first.command.err()).isEqualTo(1);
            assertThat(first.command.errLines()).hasSize(1);
            gone.forEach(p ->
                    assertThat(first.command.err()).contains("file_missing").contains(p));
            changed.forEach(p ->
                    assertThat(first.command.err()).contains("file_changed").contains(p));
            assertThat(first.output).doesNotContain("\tat ");
            last = run(inbox, warehouse, "--allow-changed-files");
        }
        assertThat(last.command.code()).as(last.command.err() + last.output).isZero();
        assertThat(last.output + last.command.err()).doesNotContain("\tat ");

        Path current = warehouse.resolve("current");
        String runId = Files.readString(current.resolve("_PUBLISHED"))
                .lines()
                .filter(l -> l.startsWith("run_id="))
                .findFirst()
                .orElseThrow()
                .substring("run_id=".length());
        assertThat(runId).isNotEqualTo(AS_OF + "_1");
        List<Map<String, Object>> report = MartRows.loadReport(current);

        // one row per entry under every LEA folder, plus one per recorded path that is gone
        Set<String> expected = new TreeSet<>(entries(inbox));
        expected.addAll(gone);
        List<String> keys = report.stream()
                .map(row -> row.get("lea_id") + "/" + row.get("file"))
                .toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(keys)).isEqualTo(expected);
        for (Map<String, Object> row : report) {
            String key = row.get("lea_id") + "/" + row.get("file");
            assertThat(row.get("sha256") == null)
                    .as(key + " sha256 null only for not_a_file")
                    .isEqualTo("not_a_file".equals(row.get("reason")));
            if (gone.contains(key)) {
                assertThat(row).as(key).containsEntry("reason", "file_missing").containsEntry("status", "ignored");
            }
        }

        // §3.1: rejected counts equal quarantine records, and no field runs as a formula
        Path quarantine = warehouse.resolve("runs/" + runId + "/quarantine");
        for (Map<String, Object> row : report) {
            if (row.get("rows_rejected") == null) {
                continue;
            }
            String file = (String) row.get("file");
            Path q = quarantine.resolve(
                    row.get("lea_id") + "/" + (file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file));
            List<CsvRecord> records = Files.exists(q) ? records(q) : List.of();
            assertThat(Math.max(0, records.size() - 1))
                    .as(q.toString())
                    .isEqualTo(((Long) row.get("rows_rejected")).intValue());
            for (CsvRecord record : records) {
                for (String field : record.getFields()) {
                    assertThat(field.isEmpty()
                                    || "=+-@\t\r".indexOf(field.charAt(0)) < 0
                                    || PLAIN_NUMBER.matcher(field).matches())
                            .as(q + ": field " + field)
                            .isTrue();
                }
            }
        }

        // the LEAs nobody touched: the clean run's rows
        Map<String, List<String>> rows = MartRows.byLea(current, LEA_MARTS);
        for (String lea : TinyInbox.LEAS) {
            if (!m.touched.contains(lea)) {
                assertThat(rows.get(lea)).as("rows of untouched " + lea).isEqualTo(cleanRows.get(lea));
            }
        }
    }

    private record Run(CommandRun command, String output) {}

    /** One in-process run; what it logs to the console is captured too, to find stack traces. */
    private static Run run(Path inbox, Path warehouse, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                AS_OF,
                "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("jobs")));
        args.addAll(List.of(extra));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new Run(CommandRun.execute(CommandRun.KEY_ENV, args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** "lea/name" of every entry directly under an LEA folder (every folder of the inbox but _state). */
    private static Set<String> entries(Path inbox) throws IOException {
        Set<String> entries = new TreeSet<>();
        try (Stream<Path> folders = Files.list(inbox)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String lea = folder.getFileName().toString();
                if (lea.equals("_state")) {
                    continue;
                }
                try (Stream<Path> s = Files.list(folder)) {
                    s.forEach(p -> entries.add(lea + "/" + p.getFileName()));
                }
            }
        }
        return entries;
    }

    private static boolean isFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p) && Files.isRegularFile(p);
    }

    private static List<CsvRecord> records(Path file) throws IOException {
        // a malformed_row record keeps its own field count (§3.1: the original record)
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(file)) {
            return csv.stream().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
