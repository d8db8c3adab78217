package org.sea.pli.stage;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.sea.pli.report.ChangeLines;
import org.sea.pli.report.Report;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report stage: the run report ({@code runs/<run_id>/report/}) built by {@link Report} from the
 * marts this run wrote, read back from the warehouse (so it needs nothing in memory from the marts
 * stage, and runs the same after a restart). No duration is given to the report, so the same marts
 * give the same bytes (timing lives in the log).
 */
public final class ReportStage {

    private static final Logger log = LoggerFactory.getLogger(ReportStage.class);

    /** The report directory, relative to the run directory; published as {@code current/report}. */
    public static final String REPORT_DIR = "report";

    private final Warehouse warehouse;
    private final String runId;
    private final String asOf;
    private final ChangeLines changes;

    public ReportStage(Warehouse warehouse, String runId, String asOf) {
        this(warehouse, runId, asOf, null);
    }

    /** @param changes what changed since the last published run, opening each page; null for none */
    public ReportStage(Warehouse warehouse, String runId, String asOf, ChangeLines changes) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.asOf = asOf;
        this.changes = changes;
    }

    /** §5.12: rows withheld over every public mart, from the counts the marts stage left. */
    private Report.Withheld withheld() throws IOException {
        return MartsStage.counts(warehouse, runId)
                .map(c -> new Report.Withheld(c.withheld(), c.minCellSize()))
                .orElse(null);
    }

    /** Writes the report; returns its pages, relative to the report directory, with the time taken. */
    public Timed<List<String>> write() throws Exception {
        long started = System.nanoTime();
        Path dir = new Path(warehouse.runDir(runId), REPORT_DIR);
        List<String> pages = new Report()
                .write(
                        warehouse.fs(),
                        warehouse.martsDir(runId),
                        dir,
                        new Report.Run(runId, asOf, withheld()),
                        changes);
        log.info("run {}: wrote report {} ({} pages)", runId, new Path(dir, Report.STATE_PAGE), pages.size());
        return Timed.since(started, pages);
    }
}
