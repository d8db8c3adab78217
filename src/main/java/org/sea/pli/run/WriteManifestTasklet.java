package org.sea.pli.run;

import org.sea.pli.ops.RunPhase;
import org.sea.pli.stage.LoadResult;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.stage.Timed;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code writeManifest}: runs {@link org.sea.pli.stage.ManifestStage} (spec §6) on the load's
 * result and the marts written in this JVM.
 */
final class WriteManifestTasklet implements Tasklet {

    private final NightlyRun run;

    WriteManifestTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.MANIFEST);
        LoadResult load = run.load().isPresent() ? run.load().get() : run.restoreLoad();
        Timed<RunManifest> timed = run.manifestStage().write(load, run.marts());
        RunManifest manifest = timed.result();
        run.took(RunPhase.MANIFEST, timed.took());
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        context.putLong("inputs", manifest.inputs().size());
        context.putLong("outputs", manifest.outputs().size());
        return RepeatStatus.FINISHED;
    }
}
