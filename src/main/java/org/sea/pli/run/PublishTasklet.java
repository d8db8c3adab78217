package org.sea.pli.run;

import org.sea.pli.mart.MartCatalog;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;
import java.util.Optional;

/**
 * Step {@code publish} (SPEC.md §6): switches {@code current/} to this run's marts (and its report,
 * {@code current/report/}) once all are written, unless {@code current/} already holds a later as-of date.
 */
final class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RunWorkspace workspace;

    PublishTasklet(RunWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Warehouse warehouse = workspace.warehouse();
        String runId = workspace.runId();
        Optional<String> published = warehouse.publishedRunId();
        String asOf = workspace.request().asOf().toString();
        if (published.isPresent() && Warehouse.asOfOf(published.get()).compareTo(asOf) > 0) {
            log.info("run {}: current/ holds the later run {}; left untouched", runId, published.get());
            workspace.published(false);
        } else {
            warehouse.publish(runId, MartCatalog.NAMES, List.of(WriteReportTasklet.REPORT_DIR));
            workspace.published(true);
            log.info("run {}: published to {}", runId, warehouse.currentDir());
        }
        RunIds.markFinished(warehouse, runId);
        warehouse.fs().delete(LeaCheckpoints.workDir(warehouse, runId), true); // checkpoints: only a restart needs them
        return RepeatStatus.FINISHED;
    }
}
