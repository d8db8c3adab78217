package org.sea.pli.run;

import java.util.List;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.Timed;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step {@code writeMarts}: runs {@link org.sea.pli.stage.MartsStage} (SPEC §5) on the load's result. */
final class WriteMartsTasklet implements Tasklet {

    private final NightlyRun run;

    WriteMartsTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Timed<List<WrittenFile>> timed = run.martsStage().write(run.loaded());
        List<WrittenFile> written = timed.result();
        run.took("marts", timed.took());
        run.wrote(written);
        long rows = written.stream().mapToLong(WrittenFile::rows).sum();
        contribution.incrementWriteCount(rows);
        contribution.getStepExecution().getExecutionContext().putLong("mart_files", written.size());
        HeapBetweenSteps.trim(run, run.loaded().rowsRead()); // the report reads the marts back from disk
        return RepeatStatus.FINISHED;
    }
}
