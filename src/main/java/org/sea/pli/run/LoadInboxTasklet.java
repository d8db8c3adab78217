package org.sea.pli.run;

import org.sea.pli.ops.RunPhase;
import org.sea.pli.stage.LoadResult;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code loadInbox}: runs {@link org.sea.pli.stage.LoadStage} (spec §1–§3), which saves each
 * LEA's result as it finishes, so a restart resumes after the last saved LEA. The counts go to the
 * step execution and its context; the result itself stays in memory for the later steps.
 */
final class LoadInboxTasklet implements Tasklet {

    private final NightlyRun run;

    LoadInboxTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.INBOX_LISTING, RunPhase.LOAD);
        LoadResult result = run.loadStage().load();
        run.loaded(result);
        contribution.getStepExecution().setReadCount(result.rowsRead());
        contribution.incrementWriteCount(result.rowsAccepted());
        contribution.incrementFilterCount(result.rowsRejected());
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        context.putLong("files", result.outcomes().size());
        context.putLong("files_rejected", result.rejectedFiles());
        return RepeatStatus.FINISHED;
    }
}
