package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;

/**
 * A night where nothing changed (docs/spec.md §6.1): the same inbox and as-of run again in the same
 * warehouse restores every LEA, copies every partition and keeps the report's page bodies, and its
 * run folder is the bytes of the same night run with {@code --full} after the same first night
 * (timing, lineage times and the table snapshots aside). A page of the published report that is not
 * what its manifest records is not kept: the report is drawn whole, to the same bytes.
 */
class UnchangedNightTest {

    private static final String FIRST = "2026-06-30_1";
    private static final String SECOND = "2026-06-30_2";

    @TempDir
    Path tmp;

    @Test
    void theSecondNightKeepsTheReportBodiesAndEqualsAFullRun() throws Exception {
        CommandRun incremental = twoNights("incremental", false, false);
        CommandRun full = twoNights("full", true, false);

        assertThat(incremental.out())
                .contains("report bodies kept")
                .containsPattern("school years: (\\d+) of \\1 reused")
                .doesNotContain("LEA-years");
        assertThat(full.out()).contains("report drawn");
        assertThat(outputs("incremental")).isEqualTo(outputs("full"));
        assertThat(Files.readString(tmp.resolve("incremental/runs/" + SECOND + "/report/index.html")))
                .contains("Professional learning impact: run " + SECOND)
                .contains("Since run " + FIRST);
        // an auditor's verify, which reuses nothing, reproduces the night that kept the bodies
        CommandRun verify = new Cli(tmp.resolve("jobs-incremental"))
                .execute(
                        "verify",
                        "--warehouse",
                        tmp.resolve("incremental").toString(),
                        "--run",
                        SECOND,
                        "--inbox",
                        "sample-data");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("verified: run " + SECOND);
    }

    @Test
    void aTamperedPublishedPageIsDrawnAgain() throws Exception {
        CommandRun tampered = twoNights("tampered", false, true);
        twoNights("full", true, false);

        assertThat(tampered.out()).contains("report drawn");
        assertThat(outputs("tampered")).isEqualTo(outputs("full"));
    }

    /**
     * Two nights of sample-data as of 2026-06-30 in warehouse {@code name}, the second with
     * {@code --full} if asked, a page of the first night's report altered in between if asked.
     */
    private CommandRun twoNights(String name, boolean full, boolean tamper) throws Exception {
        Cli cli = new Cli(tmp.resolve("jobs-" + name));
        String warehouse = tmp.resolve(name).toString();
        CommandRun first =
                cli.execute("run", "--inbox", "sample-data", "--warehouse", warehouse, "--as-of", "2026-06-30");
        assertThat(first.code()).as(first.err()).isZero();
        if (tamper) {
            Path page = tmp.resolve(name + "/runs/" + FIRST + "/report/lea/lea-0001.html");
            Files.writeString(page, Files.readString(page).replace("<main>", "<main>\n"));
        }
        CommandRun second = full
                ? cli.execute(
                        "run", "--inbox", "sample-data", "--warehouse", warehouse, "--as-of", "2026-06-30", "--full")
                : cli.execute("run", "--inbox", "sample-data", "--warehouse", warehouse, "--as-of", "2026-06-30");
        assertThat(second.code()).as(second.err()).isZero();
        return second;
    }

    private Map<String, String> outputs(String name) throws Exception {
        Map<String, String> files = IncrementalNightsTest.outputs(tmp.resolve(name + "/runs/" + SECOND));
        assertThat(files).containsKey("report/index.html");
        return files;
    }
}
