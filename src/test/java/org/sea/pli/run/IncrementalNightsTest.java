package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Sha256;
import org.sea.pli.testing.CommandRun;

/**
 * Incremental equals full (docs/spec.md §6.1), as a property over random sequences of nights: each
 * night one change reaches the inbox (a new current-year file for one LEA, a file superseding an
 * earlier year, a rejected file, a file dated after the as-of, a changed setting, a new
 * {@code _state/rubric.csv}), and three warehouses run it:
 *
 * <ul>
 *   <li><b>incremental</b>: every night in one warehouse, reusing what it may;
 *   <li><b>full</b>: the same nights in another warehouse with {@code --full}: the same run ids and
 *       the same previous runs, so every output of the run folder must be the same bytes (timing,
 *       the lineage events' times and the table snapshot ids aside);
 *   <li><b>fresh</b>: each night alone in an empty warehouse: the marts and the quarantine must be
 *       the same bytes (its report and manifest differ only by having no previous run).
 * </ul>
 *
 * The incremental run must also have reused exactly the LEAs the night left alone — so the
 * property is not met vacuously by a store that never hits. Seeded: a failure names its seed.
 */
class IncrementalNightsTest {

    private static final List<String> LEAS =
            List.of("lea-0001", "lea-0002", "lea-0003", "lea-0004", "lea-0005", "lea-0006");
    private static final List<String> EXTRACTS = List.of(
            "pl_activities",
            "pl_funding",
            "enrollments",
            "attendance",
            "satisfaction",
            "artifact_ratings",
            "student_outcomes");
    /** LEA folders of sample-data, lea-9999 (not in the registry) included. */
    private static final int FOLDERS = 7;

    private static final Pattern REUSED = Pattern.compile("reused {5}(\\d+) of (\\d+) LEAs");
    private static final Pattern PARTLY =
            Pattern.compile("(\\d+) of them only for the extracts and school years that changed");
    private static final Pattern YEARS_REUSED = Pattern.compile("school years: (\\d+) of (\\d+) reused");
    private static final Pattern PARTS =
            Pattern.compile("LEA-years of the computed partitions: (\\d+) of (\\d+) built");
    private static final Pattern SECTIONS_KEPT = Pattern.compile("(\\d+) of \\d+ LEA pages' sections kept");
    private static final Pattern CHARTS_KEPT = Pattern.compile("(\\d+) of \\d+ charts kept");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> randomNights() {
        // the first sequence has every kind of change once, in a random order; the second draws freely
        return Stream.of(
                DynamicTest.dynamicTest("seed 11, every kind", () -> nights(11L, KINDS.size(), true)),
                DynamicTest.dynamicTest("seed 29, drawn", () -> nights(29L, 3, false)));
    }

    private static final List<String> KINDS = List.of("new", "supersede", "rejected", "later", "setting", "rubric");

    private void nights(long seed, int count, boolean everyKind) throws Exception {
        Random random = new Random(seed);
        List<String> kinds = new ArrayList<>(KINDS);
        java.util.Collections.shuffle(kinds, random);
        Path root = tmp.resolve("seed-" + seed);
        Path inbox = root.resolve("inbox");
        AuditTest.copyTree(Path.of("sample-data"), inbox);
        Cli incremental = new Cli(root.resolve("jobs-incremental"));
        Cli full = new Cli(root.resolve("jobs-full"));
        String maxRejectBefore = null;
        String minCellBefore = null;
        int yearsReused = 0;
        int partsKept = 0;
        int leasReadInPart = 0;
        int sectionsKept = 0;
        int chartsKept = 0;
        Map<LocalDate, List<String>> maturing = new TreeMap<>(); // files dated after an as-of, by date
        for (int night = 0; night < count; night++) {
            LocalDate asOf = LocalDate.parse("2026-06-22").plusDays(night);
            List<String> settings = new ArrayList<>();
            String touched = null; // the LEA whose files tonight's change touched
            boolean everyLea = night == 0; // nothing stored before the first night
            String kind = everyKind ? kinds.get(night) : KINDS.get(random.nextInt(KINDS.size()));
            String lea = LEAS.get(random.nextInt(LEAS.size()));
            String extract = EXTRACTS.get(random.nextInt(EXTRACTS.size()));
            String maxReject = null;
            String minCell = null;
            switch (kind) {
                case "new" -> touched = copyDroppingARow(inbox, lea, extract, "2026-06-30", asOf, random);
                case "supersede" -> touched = copyDroppingARow(inbox, lea, extract, "2025-06-30", asOf, random);
                case "rejected" -> {
                    write(inbox.resolve(lea).resolve(extract + "_" + asOf + ".csv"), "not_a_column\nx\n");
                    touched = lea;
                }
                case "later" -> {
                    LocalDate later = asOf.plusDays(2);
                    if (copyDroppingARow(inbox, lea, extract, "2026-06-30", later, random) != null) {
                        touched = lea; // its folder holds a new (ignored) file: its key changed
                        maturing.computeIfAbsent(later, d -> new ArrayList<>()).add(lea);
                    }
                }
                case "setting" -> {
                    if (random.nextBoolean()) {
                        minCell = Integer.toString(5 + random.nextInt(4));
                        settings.add("--pli.min-cell-size=" + minCell);
                    } else {
                        maxReject = "0.2";
                    }
                }
                case "rubric" -> {
                    Path rubric = inbox.resolve("_state/rubric.csv");
                    write(
                            rubric,
                            Files.readString(rubric) + "night_" + night + ",\"A dimension added on night " + night
                                    + "\"\n");
                    everyLea = true;
                }
                default -> throw new IllegalStateException(kind);
            }
            if (maxReject != null) {
                settings.add("--pli.max-reject-rate=" + maxReject);
            }
            if (!java.util.Objects.equals(maxReject, maxRejectBefore)) {
                everyLea = true; // a load setting changed (or changed back): nothing stored matches
            }
            maxRejectBefore = maxReject;
            // nothing stored, the _state files or a setting that shapes marts changed: no partition matches
            // (max-reject-rate reaches the marts only through the statuses of files, which are in the keys)
            boolean everyPartition =
                    night == 0 || kind.equals("rubric") || !java.util.Objects.equals(minCell, minCellBefore);
            minCellBefore = minCell;
            List<String> changedLeas = new ArrayList<>(maturing.getOrDefault(asOf, List.of()));
            if (touched != null) {
                changedLeas.add(touched);
            }
            String what = "seed " + seed + ", night " + night + " (" + asOf + "): " + kind + " " + lea + " " + extract
                    + " " + settings;

            CommandRun a = run(incremental, inbox, root.resolve("incremental"), asOf, settings, false);
            CommandRun b = run(full, inbox, root.resolve("full"), asOf, settings, true);
            CommandRun c = run(
                    new Cli(root.resolve("jobs-fresh-" + night)),
                    inbox,
                    root.resolve("fresh-" + night),
                    asOf,
                    settings,
                    false);
            assertThat(a.code()).as(what + "\n" + a.err()).isZero();
            assertThat(b.code()).as(what + "\n" + b.err()).isZero();
            assertThat(c.code()).as(what + "\n" + c.err()).isZero();

            String runId = asOf + "_1";
            Path runA = root.resolve("incremental/runs/" + runId);
            assertThat(outputs(runA))
                    .as(what + ": incremental equals full")
                    .isEqualTo(outputs(root.resolve("full/runs/" + runId)));
            Path runC = root.resolve("fresh-" + night + "/runs/" + runId);
            assertThat(tree(runA.resolve("marts")))
                    .as(what + ": incremental marts equal a fresh warehouse's")
                    .isNotEmpty()
                    .isEqualTo(tree(runC.resolve("marts")));
            assertThat(tree(runA.resolve("quarantine"))).as(what).isEqualTo(tree(runC.resolve("quarantine")));

            Matcher reused = REUSED.matcher(a.out());
            assertThat(reused.find()).as(what + "\n" + a.out()).isTrue();
            int expected = everyLea
                    ? 0
                    : FOLDERS - (int) changedLeas.stream().distinct().count();
            assertThat(Integer.parseInt(reused.group(1)))
                    .as(what + ": LEAs reused\n" + a.out())
                    .isEqualTo(expected);
            Matcher sections = SECTIONS_KEPT.matcher(a.out());
            sectionsKept += sections.find() ? Integer.parseInt(sections.group(1)) : 0;
            Matcher charts = CHARTS_KEPT.matcher(a.out());
            chartsKept += charts.find() ? Integer.parseInt(charts.group(1)) : 0;
            Matcher partly = PARTLY.matcher(a.out());
            leasReadInPart += partly.find() ? Integer.parseInt(partly.group(1)) : 0;
            assertThat(b.out()).as("--full reuses nothing").contains("reused     0 of " + FOLDERS + " LEAs");
            assertThat(b.out()).contains("school years: 0 of");
            Matcher years = YEARS_REUSED.matcher(a.out());
            assertThat(years.find()).as(what + "\n" + a.out()).isTrue();
            if (everyPartition) {
                assertThat(years.group(1)).as(what + ": school years reused").isEqualTo("0");
            }
            yearsReused += Integer.parseInt(years.group(1));
            // a night that computes no partition says nothing of LEA-years
            Matcher parts = PARTS.matcher(a.out());
            if (parts.find()) {
                if (everyPartition) {
                    assertThat(parts.group(1)).as(what + ": LEA-years built").isEqualTo(parts.group(2));
                }
                partsKept += Integer.parseInt(parts.group(2)) - Integer.parseInt(parts.group(1));
            } else {
                assertThat(a.out()).as(what).containsPattern("school years: (\\d+) of \\1 reused");
            }
        }
        // some school year was computed with LEA-years taken from kept mart parts, and equalled the full run
        assertThat(partsKept)
                .as("seed " + seed + ": some night kept an LEA-year's mart parts")
                .isPositive();
        assertThat(yearsReused)
                .as("seed " + seed + ": some night reused a school year's partitions")
                .isPositive();
        // the report: some LEA page kept its sections below the checklist, so their bytes were compared
        assertThat(sectionsKept)
                .as("seed " + seed + ": some night kept an LEA page's sections")
                .isPositive();
        // and some chart was taken from the night before's instead of drawn, so its bytes were compared
        assertThat(chartsKept).as("seed " + seed + ": some night kept a chart").isPositive();
        // a changed LEA whose new file leaves a school year untouched keeps it (docs/spec.md §6.1):
        // in the sequence with every kind of change some night took that path ("new" claims the
        // current year only), so its outputs were among those compared above
        if (everyKind) {
            assertThat(leasReadInPart)
                    .as("seed " + seed + ": some night read a changed LEA only for the years it changed")
                    .isPositive();
        }
        // an auditor's verify reproduces the last incremental night from the inbox alone
        String last = LocalDate.parse("2026-06-22").plusDays(count - 1) + "_1";
        CommandRun verify = incremental.execute(
                "verify",
                "--warehouse",
                root.resolve("incremental").toString(),
                "--run",
                last,
                "--inbox",
                inbox.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("verified: run " + last);
    }

    private static CommandRun run(
            Cli cli, Path inbox, Path warehouse, LocalDate asOf, List<String> settings, boolean full) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                warehouse.toString(),
                "--as-of",
                asOf.toString(),
                "--allow-changed-files")); // _state/rubric.csv changes in place on a rubric night
        if (full) {
            args.add("--full");
        }
        args.addAll(settings);
        return cli.execute(args.toArray(String[]::new));
    }

    /**
     * The LEA's {@code <extract>_<from>.csv} of sample-data, one data row dropped at random, as
     * {@code <extract>_<date>.csv}; the LEA, or null when it has no such file or one of that name exists.
     */
    private static String copyDroppingARow(
            Path inbox, String lea, String extract, String from, LocalDate date, Random random) throws IOException {
        Path source = Path.of("sample-data", lea, extract + "_" + from + ".csv");
        Path target = inbox.resolve(lea).resolve(extract + "_" + date + ".csv");
        if (!Files.exists(source) || Files.exists(target)) {
            return null;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(source, StandardCharsets.UTF_8));
        if (lines.size() > 2) {
            lines.remove(1 + random.nextInt(lines.size() - 1));
        }
        write(target, String.join("\n", lines) + "\n");
        return lea;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Every output of a run folder, SHA-256 by path; the manifest without what may differ between reruns. */
    static Map<String, String> outputs(Path run) throws IOException {
        Map<String, String> files = tree(run);
        files.remove("lineage.jsonl"); // event times
        ObjectNode manifest = (ObjectNode)
                new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        manifest.remove("timing");
        manifest.remove("publication");
        files.put("manifest.json", manifest.toString());
        return files;
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                try (var in = Files.newInputStream(p)) {
                    files.put(dir.relativize(p).toString(), Sha256.of(in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
