package org.sea.pli.run;

import org.apache.hadoop.fs.Path;
import org.sea.pli.mart.EducatorPseudonym;
import org.sea.pli.mart.ImpactMarts;
import org.sea.pli.mart.LoadReportMart;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.mart.SubmissionStatusMart;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.ops.OpsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step {@code writeMarts} (SPEC.md §5): every mart as Parquet under {@code runs/<run_id>/marts/}. */
final class WriteMartsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteMartsTasklet.class);

    private final RunWorkspace workspace;
    private final OpsSettings ops;

    WriteMartsTasklet(RunWorkspace workspace, OpsSettings ops) {
        this.workspace = workspace;
        this.ops = ops;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LoadInboxTasklet.ensureLoaded(workspace, ops);
        long started = System.nanoTime();
        Path martsDir = workspace.warehouse().martsDir(workspace.runId());
        workspace.warehouse().fs().delete(martsDir, true); // a restart writes every mart again, identically
        Map<String, MartWriter> writers = new LinkedHashMap<>();
        List<WrittenFile> written = new ArrayList<>();
        try {
            for (String mart : MartCatalog.NAMES) {
                writers.put(mart, new MartWriter(workspace.warehouse().fs(), martsDir, MartSchema.load(mart)));
            }
            MartWriter report = writers.get(LoadReportMart.NAME);
            for (Object[] row : LoadReportMart.rows(workspace.outcomes())) {
                report.write(null, row);
            }
            // §5.11: the registry's LEAs (with or without a folder), as-of and the load outcomes; no file read again
            SubmissionStatusMart.Input submissions = new SubmissionStatusMart.Input(
                    workspace.inbox().state().leas().keySet(), workspace.request().asOf(), workspace.outcomes());
            new SubmissionStatusMart().write(submissions, (mart, year, values) -> writers.get(mart).write(year, values));
            ImpactMarts marts = new ImpactMarts(workspace.settings().minCellSize(), workspace.settings().improvedThreshold(),
                    workspace.settings().brightSpots(), new EducatorPseudonym(workspace.request().pseudonymKey()));
            marts.write(workspace.models().all(), (mart, year, values) -> writers.get(mart).write(year, values));
            for (Map.Entry<String, MartWriter> w : writers.entrySet()) {
                written.addAll(w.getValue().finish());
                // a mart with no rows is still published, as an empty directory
                workspace.warehouse().fs().mkdirs(new Path(martsDir, w.getKey()));
            }
        } finally {
            for (MartWriter w : writers.values()) {
                w.close();
            }
        }
        workspace.wrote(written);
        long rows = written.stream().mapToLong(WrittenFile::rows).sum();
        contribution.incrementWriteCount(rows);
        log.info("run {}: wrote {} mart files ({} rows) in {} s", workspace.runId(), written.size(), rows,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return RepeatStatus.FINISHED;
    }
}
