package org.sea.pli.run;

import java.util.List;
import org.sea.pli.ops.RunPhase;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.LoadResult;
import org.sea.pli.stage.Timed;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step {@code writeMarts}: runs {@link org.sea.pli.stage.MartsStage} (spec §5) on the load's result. */
final class WriteMartsTasklet implements Tasklet {

    private final NightlyRun run;

    WriteMartsTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.MARTS);
        LoadResult load = run.load().isPresent() ? run.load().get() : run.restoreLoad();
        org.sea.pli.stage.MartsStage stage = run.martsStage();
        Timed<List<WrittenFile>> timed = stage.write(load);
        run.martsReused(stage.reuseSummary());
        List<WrittenFile> written = timed.result();
        run.took(RunPhase.MARTS, timed.took());
        run.wrote(written);
        long rows = written.stream().mapToLong(WrittenFile::rows).sum();
        contribution.incrementWriteCount(rows);
        contribution.getStepExecution().getExecutionContext().putLong("mart_files", written.size());
        return RepeatStatus.FINISHED;
    }
}
