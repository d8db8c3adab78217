package org.sea.pli.run;

import java.util.Optional;
import org.sea.pli.changes.RunChanges;
import org.sea.pli.ops.RunPhase;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code compareRuns}: runs {@link org.sea.pli.changes.ChangesStage} on the marts as written,
 * writing {@code changes.json} before the report that opens with it.
 */
final class CompareRunsTasklet implements Tasklet {

    private final NightlyRun run;

    CompareRunsTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.CHANGES);
        long started = System.nanoTime();
        Optional<RunChanges> changes = run.changes();
        run.took(RunPhase.CHANGES, java.time.Duration.ofNanos(System.nanoTime() - started));
        contribution
                .getStepExecution()
                .getExecutionContext()
                .putString(
                        "previous_run_id",
                        changes.map(RunChanges::previousRunId).orElse(""));
        return RepeatStatus.FINISHED;
    }
}
