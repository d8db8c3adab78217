package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sea.pli.ops.Phase;
import org.sea.pli.ops.RunPhase;

/** What the phase table says of a phase without a time: failed, skipped by a restart, or never reached. */
class PhaseTableTest {

    private static List<String> rows(List<Phase> phases) {
        return phases.stream()
                .map(p -> p.name() + "|"
                        + (p.took() == null ? p.untimed() : p.took().toMillis() + " ms"))
                .toList();
    }

    @Test
    void aRunThatFailedInTheMartsNeverReachedTheRest() {
        // launch 5000 ms; stages measured 300 + 1200 = 1500 ms, so the job repository's share is 3500 ms
        List<Phase> phases = PhaseTable.of(
                Duration.ofMillis(5000),
                Map.of(RunPhase.INBOX_LISTING, Duration.ofMillis(300), RunPhase.LOAD, Duration.ofMillis(1200)),
                EnumSet.of(RunPhase.INBOX_LISTING, RunPhase.LOAD, RunPhase.MARTS));
        assertThat(rows(phases))
                .containsExactly(
                        "job repository|3500 ms",
                        "inbox listing|300 ms",
                        "load|1200 ms",
                        "marts|failed",
                        "disclosure check|not run",
                        "changes|not run",
                        "report|not run",
                        "manifest|not run",
                        "publish|not run");
    }

    @Test
    void aRestartSkipsWhatAnEarlierAttemptFinished() {
        // launch 4000 ms; stages 2000 (marts) + 100 (disclosure check) + 50 (changes) + 500 (restore)
        // = 2650 ms, so 1350 ms for the repository
        List<Phase> phases = PhaseTable.of(
                Duration.ofMillis(4000),
                Map.of(
                        RunPhase.MARTS,
                        Duration.ofMillis(2000),
                        RunPhase.DISCLOSURE_CHECK,
                        Duration.ofMillis(100),
                        RunPhase.CHANGES,
                        Duration.ofMillis(50),
                        RunPhase.CHECKPOINT_RESTORE,
                        Duration.ofMillis(500)),
                EnumSet.of(RunPhase.MARTS, RunPhase.DISCLOSURE_CHECK, RunPhase.CHANGES, RunPhase.REPORT));
        assertThat(rows(phases))
                .containsExactly(
                        "job repository|1350 ms",
                        "inbox listing|skipped (restart)",
                        "load|skipped (restart)",
                        "marts|2000 ms",
                        "disclosure check|100 ms",
                        "changes|50 ms",
                        "report|failed",
                        "manifest|not run",
                        "publish|not run",
                        "load restored from checkpoints|500 ms");
    }

    @Test
    void aJobThatNeverStartedRanNothing() {
        assertThat(rows(PhaseTable.of(null, Map.of(), EnumSet.noneOf(RunPhase.class))))
                .containsExactly(
                        "job repository|not run",
                        "inbox listing|not run",
                        "load|not run",
                        "marts|not run",
                        "disclosure check|not run",
                        "changes|not run",
                        "report|not run",
                        "manifest|not run",
                        "publish|not run");
    }
}
