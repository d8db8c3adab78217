package org.sea.pli.run;

import org.sea.pli.ops.RunPhase;
import org.sea.pli.stage.Timed;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step {@code publish}: runs {@link org.sea.pli.stage.PublishStage} (spec §6). */
final class PublishTasklet implements Tasklet {

    private final NightlyRun run;

    PublishTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.PUBLISH);
        Timed<Boolean> timed = run.publishStage().publish();
        boolean published = timed.result();
        run.took(RunPhase.PUBLISH, timed.took());
        run.published(published);
        contribution.getStepExecution().getExecutionContext().putString("published", Boolean.toString(published));
        return RepeatStatus.FINISHED;
    }
}
