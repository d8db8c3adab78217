package org.sea.pli.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sea.pli.ops.Phase;
import org.sea.pli.ops.RunPhase;

/**
 * The phase table of one launch: job-repository work (run id, restart checks, Spring Batch's step
 * and job bookkeeping: the launch's wall time less what the stages measured), then each stage. A
 * stage without a time either failed in this JVM, or comes before the first stage this JVM started
 * (an earlier attempt finished it: Spring Batch restarts at the first unfinished step), or was
 * never reached.
 */
final class PhaseTable {

    private PhaseTable() {}

    /**
     * @param launched the launch's wall time, or null when the job never started
     * @param took     wall time per phase finished in this JVM
     * @param begun    the phases whose step started in this JVM
     */
    static List<Phase> of(Duration launched, Map<RunPhase, Duration> took, Set<RunPhase> begun) {
        List<Phase> phases = new ArrayList<>();
        Duration stages = took.values().stream().reduce(Duration.ZERO, Duration::plus);
        phases.add(
                launched == null
                        ? Phase.notRun(RunPhase.JOB_REPOSITORY)
                        : new Phase(
                                RunPhase.JOB_REPOSITORY,
                                launched.minus(stages).isNegative() ? Duration.ZERO : launched.minus(stages)));
        List<RunPhase> order = RunPhase.STAGES;
        int firstBegun = -1;
        for (int i = order.size() - 1; i >= 0; i--) {
            if (begun.contains(order.get(i))) {
                firstBegun = i;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            RunPhase phase = order.get(i);
            if (took.containsKey(phase)) {
                phases.add(new Phase(phase, took.get(phase)));
            } else if (begun.contains(phase)) {
                phases.add(Phase.failed(phase));
            } else if (i < firstBegun) {
                phases.add(Phase.skipped(phase));
            } else {
                phases.add(Phase.notRun(phase));
            }
        }
        if (took.containsKey(RunPhase.CHECKPOINT_RESTORE)) {
            phases.add(new Phase(RunPhase.CHECKPOINT_RESTORE, took.get(RunPhase.CHECKPOINT_RESTORE)));
        }
        return phases;
    }
}
