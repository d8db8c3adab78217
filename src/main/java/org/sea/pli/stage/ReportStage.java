package org.sea.pli.stage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.sea.pli.report.ChangeLines;
import org.sea.pli.report.ChartStore;
import org.sea.pli.report.KeptSections;
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
    /** whether the pages' bodies of the last finished run may be taken (docs/spec.md §6.1) */
    private final boolean reuse;

    private String reuseSummary;

    public ReportStage(Warehouse warehouse, String runId, String asOf) {
        this(warehouse, runId, asOf, null, false);
    }

    /**
     * @param changes what changed since the last published run, opening each page; null for none
     * @param reuse whether the last finished run's page bodies are taken when they are this run's
     */
    public ReportStage(Warehouse warehouse, String runId, String asOf, ChangeLines changes, boolean reuse) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.asOf = asOf;
        this.changes = changes;
        this.reuse = reuse;
    }

    /** What the last {@link #write} took from the last finished run, in words; null before it ran. */
    public String reuseSummary() {
        return reuseSummary;
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
        Report.Run run = new Report.Run(runId, asOf, withheld());
        Report report = new Report();
        ReportReuse reused = ReportReuse.of(warehouse, runId, asOf, run.withheld(), reuse);
        List<String> pages = reused.redraw(report, dir, run, changes);
        if (pages != null) {
            reuseSummary = "report bodies kept";
            reused.record(reused.storedSections());
        } else {
            KeptSections kept = reused.sections();
            ChartStore charts = reused.charts();
            pages = report.write(warehouse.fs(), warehouse.martsDir(runId), dir, run, changes, kept, charts);
            List<String> keptParts = new ArrayList<>();
            if (kept.kept() > 0) {
                keptParts.add(kept.kept() + " of " + (pages.size() - 1) + " LEA pages' sections kept");
            }
            if (charts.kept() > 0) {
                keptParts.add(charts.kept() + " of " + (charts.kept() + charts.drawn()) + " charts kept");
            }
            reuseSummary = "report drawn" + (keptParts.isEmpty() ? "" : " (" + String.join(", ", keptParts) + ")");
            reused.record(kept.keys());
            reused.recordCharts(charts);
        }
        log.info("run {}: wrote report {} ({} pages)", runId, new Path(dir, Report.STATE_PAGE), pages.size());
        return Timed.since(started, pages);
    }
}
