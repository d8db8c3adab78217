package org.sea.pli.run;

import org.apache.hadoop.fs.Path;
import org.sea.pli.mart.LoadReportMart;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step {@code writeMarts} (SPEC.md §5): every mart as Parquet under {@code runs/<run_id>/marts/}. */
final class WriteMartsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteMartsTasklet.class);

    private final RunWorkspace workspace;

    WriteMartsTasklet(RunWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path martsDir = workspace.warehouse().martsDir(workspace.runId());
        workspace.warehouse().fs().delete(martsDir, true); // a restart writes every mart again, identically
        long rows = 0;
        try (MartWriter writer = new MartWriter(workspace.warehouse().fs(), martsDir,
                MartSchema.load(LoadReportMart.NAME))) {
            for (Object[] row : LoadReportMart.rows(workspace.outcomes())) {
                writer.write(null, row);
                rows++;
            }
            workspace.wrote(writer.finish());
        }
        contribution.incrementWriteCount(rows);
        log.info("run {}: wrote {} ({} rows)", workspace.runId(), LoadReportMart.NAME, rows);
        return RepeatStatus.FINISHED;
    }
}
