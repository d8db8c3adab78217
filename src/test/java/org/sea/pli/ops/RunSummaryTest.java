package org.sea.pli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sea.pli.parquet.WrittenFile;

/** The run summary's phase table: every phase in run order, skipped ones said so. */
class RunSummaryTest {

    private static RunSummary.Facts restarted() {
        // a restart whose earlier attempt finished the load: this JVM ran only marts to publish
        List<Phase> phases = List.of(
                new Phase("job repository", Duration.ofMillis(250)),
                Phase.skipped(RunPhase.INBOX_LISTING),
                Phase.skipped(RunPhase.LOAD),
                new Phase("marts", Duration.ofMillis(1500)),
                new Phase("report", Duration.ofMillis(2000)),
                new Phase("manifest", Duration.ofMillis(125)),
                new Phase("publish", Duration.ofMillis(5)));
        return new RunSummary.Facts(
                "2026-06-30_1",
                "2026-06-30",
                "file:/w",
                "file:/w/current",
                true,
                List.of(),
                List.of(new WrittenFile("load_report/part-0.parquet", "00", 3)),
                phases);
    }

    @Test
    void phasesFollowTheStartupInRunOrderWithSkippedOnesNamed() {
        List<Phase> startup = List.of(
                new Phase("JVM start", Duration.ofMillis(400)), new Phase("Spring start", Duration.ofMillis(2100)));
        List<String> lines = RunSummary.of(restarted(), 0, Duration.ofSeconds(6), startup, Duration.ofMillis(6500))
                .lines();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("  phase +seconds")) {
                header = i;
            }
        }
        assertThat(header).isPositive();
        // name | seconds (two decimals; 0.125 s and 0.005 s round half-up under %.2f)
        assertThat(lines.subList(header + 1, lines.size()).stream()
                        .map(l -> String.join("|", l.strip().split(" {2,}"))))
                .containsExactly(
                        "JVM start|0.40",
                        "Spring start|2.10",
                        "job repository|0.25",
                        "inbox listing|skipped (restart)",
                        "load|skipped (restart)",
                        "marts|1.50",
                        "report|2.00",
                        "manifest|0.13",
                        "publish|0.01",
                        "total, JVM start to summary|6.50");
    }

    @Test
    void withoutAKnownJvmStartThereIsNoTotalRow() {
        List<String> lines = RunSummary.of(
                        restarted(),
                        0,
                        Duration.ofSeconds(6),
                        List.of(new Phase("Spring start", Duration.ofSeconds(2))),
                        null)
                .lines();
        assertThat(lines).noneMatch(l -> l.contains("total, JVM start"));
        assertThat(lines.get(lines.size() - 1)).startsWith("  publish");
    }
}
