package org.sea.pli.run;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.sea.pli.report.Report;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code writeReport}: the run report ({@code runs/<run_id>/report/}) built by
 * {@link Report} from the marts this run wrote, read back from the warehouse. No duration is
 * given to the report, so the same marts give the same bytes (timing lives in the log).
 */
final class WriteReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportTasklet.class);

    /** The report directory, relative to the run directory; published as {@code current/report}. */
    static final String REPORT_DIR = "report";

    private final RunWorkspace workspace;

    WriteReportTasklet(RunWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Warehouse warehouse = workspace.warehouse();
        String runId = workspace.runId();
        Path dir = new Path(warehouse.runDir(runId), REPORT_DIR);
        List<String> pages = new Report().write(warehouse.fs(), warehouse.martsDir(runId), dir,
                new Report.Run(runId, workspace.request().asOf().toString(), null));
        contribution.incrementWriteCount(pages.size());
        log.info("run {}: wrote report {} ({} pages)", runId, new Path(dir, Report.STATE_PAGE), pages.size());
        return RepeatStatus.FINISHED;
    }
}
