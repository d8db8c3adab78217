package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;

/**
 * In a school year that is computed, an LEA-year that did not change gives the marts its kept
 * parts instead of being built (docs/spec.md §6.1), and the nights are the bytes of runs in an
 * empty warehouse. sample-data has six registered LEAs with data in both 2024-25 and 2025-26
 * (lea-9999 is not registered: its files are not read), so a night that changes 2025-26 computes
 * 2025-26 and 2024-25's {@code practice_persistence}: 12 LEA-years.
 *
 * <ul>
 *   <li>lea-0002 sends attendance for 2025-26: its two LEA-years are built (2025-26, and 2024-25
 *       whose persistence follows into 2025-26); the other ten are kept: 2 of 12 built.
 *   <li>lea-0002 then sends student outcomes for 2025-26: the §4.3 groups of 2025-26 change, so
 *       every LEA-year of 2025-26 is built (six), and lea-0002's of 2024-25: 7 of 12 built.
 * </ul>
 */
class KeptPartsNightTest {

    private static final Pattern BUILT =
            Pattern.compile("LEA-years of the computed partitions: (\\d+) of (\\d+) built");

    @TempDir
    Path tmp;

    @Test
    void anUnchangedLeaYearKeepsItsPartsUnlessTheYearsOutcomesChanged() throws Exception {
        Path inbox = tmp.resolve("inbox");
        AuditTest.copyTree(Path.of("sample-data"), inbox);
        Cli cli = new Cli(tmp.resolve("jobs"));
        assertThat(night(cli, inbox, "incremental", "2026-06-30").out()).contains("12 of 12 built");

        dropLastRow(inbox, "lea-0002", "attendance", "2026-07-01");
        CommandRun attendance = night(cli, inbox, "incremental", "2026-07-01");
        assertThat(built(attendance)).containsExactly(2, 12);
        assertSameAsAnEmptyWarehouse(inbox, "2026-07-01");

        dropLastRow(inbox, "lea-0002", "student_outcomes", "2026-07-02");
        CommandRun outcomes = night(cli, inbox, "incremental", "2026-07-02");
        assertThat(built(outcomes)).containsExactly(7, 12);
        assertSameAsAnEmptyWarehouse(inbox, "2026-07-02");
    }

    @Test
    void aTornOrForeignPartsFileIsNotUsedAndTheNightIsStillRight() throws Exception {
        Path inbox = tmp.resolve("inbox");
        AuditTest.copyTree(Path.of("sample-data"), inbox);
        Cli cli = new Cli(tmp.resolve("jobs"));
        night(cli, inbox, "incremental", "2026-06-30");
        Path current = tmp.resolve("incremental/state/parts/2025-26.bin");
        byte[] whole = Files.readAllBytes(current);
        Files.write(current, java.util.Arrays.copyOf(whole, whole.length / 2)); // torn
        Path previous = tmp.resolve("incremental/state/parts/2024-25.bin");
        byte[] flipped = Files.readAllBytes(previous);
        flipped[flipped.length - 40] ^= 1; // a sealed part of the last LEA-year no longer opens
        Files.write(previous, flipped);

        dropLastRow(inbox, "lea-0002", "attendance", "2026-07-01");
        CommandRun attendance = night(cli, inbox, "incremental", "2026-07-01");
        // 2025-26: all six built (its file unusable); 2024-25: lea-0002 and the LEA whose part was flipped
        assertThat(built(attendance)).containsExactly(8, 12);
        assertSameAsAnEmptyWarehouse(inbox, "2026-07-01");
    }

    private CommandRun night(Cli cli, Path inbox, String warehouse, String asOf) {
        CommandRun run = cli.execute(
                "run",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                tmp.resolve(warehouse).toString(),
                "--as-of",
                asOf);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return run;
    }

    private void assertSameAsAnEmptyWarehouse(Path inbox, String asOf) throws IOException {
        CommandRun fresh = night(new Cli(tmp.resolve("jobs-fresh-" + asOf)), inbox, "fresh-" + asOf, asOf);
        assertThat(fresh.out()).contains("reused     0 of");
        Path incremental = tmp.resolve("incremental/runs/" + asOf + "_1");
        Path empty = tmp.resolve("fresh-" + asOf + "/runs/" + asOf + "_1");
        assertThat(IncrementalNightsTest.tree(incremental.resolve("marts")))
                .isNotEmpty()
                .isEqualTo(IncrementalNightsTest.tree(empty.resolve("marts")));
        assertThat(IncrementalNightsTest.tree(incremental.resolve("quarantine")))
                .isEqualTo(IncrementalNightsTest.tree(empty.resolve("quarantine")));
    }

    private static List<Integer> built(CommandRun run) {
        Matcher m = BUILT.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The LEA's 2026-06-30 file of the extract, its last row dropped, sent again dated {@code date}. */
    private static void dropLastRow(Path inbox, String lea, String extract, String date) throws IOException {
        List<String> lines =
                Files.readAllLines(inbox.resolve(lea).resolve(extract + "_2026-06-30.csv"), StandardCharsets.UTF_8);
        Files.writeString(
                inbox.resolve(lea).resolve(extract + "_" + date + ".csv"),
                String.join("\n", lines.subList(0, lines.size() - 1)) + "\n",
                StandardCharsets.UTF_8);
    }
}
