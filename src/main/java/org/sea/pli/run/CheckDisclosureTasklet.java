package org.sea.pli.run;

import org.sea.pli.ops.RunPhase;
import org.sea.pli.stage.Timed;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step {@code checkDisclosure}: runs {@link org.sea.pli.stage.DisclosureCheckStage} (docs/spec.md §5.12 step 4). */
final class CheckDisclosureTasklet implements Tasklet {

    private final NightlyRun run;

    CheckDisclosureTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.DISCLOSURE_CHECK);
        Timed<Void> timed = run.disclosureCheckStage().check(run.marts());
        run.took(RunPhase.DISCLOSURE_CHECK, timed.took());
        return RepeatStatus.FINISHED;
    }
}
