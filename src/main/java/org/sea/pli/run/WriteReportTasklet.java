package org.sea.pli.run;

import java.util.List;
import org.sea.pli.ops.RunPhase;
import org.sea.pli.stage.ReportStage;
import org.sea.pli.stage.Timed;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step {@code writeReport}: runs {@link org.sea.pli.stage.ReportStage} on the marts as written. */
final class WriteReportTasklet implements Tasklet {

    private final NightlyRun run;

    WriteReportTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        run.begins(RunPhase.REPORT);
        ReportStage stage = run.reportStage();
        Timed<List<String>> timed = stage.write();
        run.reportReused(stage.reuseSummary());
        List<String> pages = timed.result();
        run.took(RunPhase.REPORT, timed.took());
        contribution.incrementWriteCount(pages.size());
        return RepeatStatus.FINISHED;
    }
}
