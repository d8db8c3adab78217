package org.sea.pli.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.report.ChangeLines;
import org.sea.pli.report.Report;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's bodies taken from the last finished run when they would be drawn again byte for byte
 * (docs/spec.md §6.1). A page's body is a function of the reportable marts' bytes, the as-of date,
 * the rows withheld (§5.12) and pl-impact's version — the report's key; only the title, header and
 * footer name the run. The key of the last finished and published nightly run is kept in
 * {@code state/report.json} (written to {@code runs/<run_id>/work/report.json} by each run, moved
 * there when the run is published, as the partitions are); a file of another format or version is
 * ignored, and a body whose page is not what its run's manifest records is drawn again.
 */
final class ReportReuse {

    private static final Logger log = LoggerFactory.getLogger(ReportReuse.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Raised whenever the layout of the file or what the key covers changes. */
    static final int FORMAT = 1;

    private static final String REPORT_PREFIX = ReportStage.REPORT_DIR + "/";

    private final Warehouse warehouse;
    private final String runId;
    private final String key;

    private ReportReuse(Warehouse warehouse, String runId, String key) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.key = key;
    }

    /** The run's report key, from the reportable marts it wrote (a few MB, hashed here). */
    static ReportReuse of(Warehouse warehouse, String runId, String asOf, Report.Withheld withheld) throws IOException {
        StringBuilder key = new StringBuilder()
                .append("format ")
                .append(FORMAT)
                .append("\nversion ")
                .append(ToolVersion.plImpact())
                .append("\nas-of ")
                .append(asOf)
                .append("\nwithheld ")
                .append(withheld == null ? "unknown" : withheld.rows() + " below " + withheld.minCellSize());
        FileSystem fs = warehouse.fs();
        Path martsDir = warehouse.martsDir(runId);
        for (String path : warehouse.filesBelow(martsDir)) {
            int slash = path.indexOf('/');
            if (slash > 0 && MartCatalog.REPORTABLE.contains(path.substring(0, slash))) {
                key.append('\n').append(path).append(' ').append(Sha256.of(fs.open(Warehouse.child(martsDir, path))));
            }
        }
        return new ReportReuse(warehouse, runId, Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Draws the report around the stored run's bodies when its key is this run's and returns its
     * pages; null when there is none to take or a page of it is unusable (a log line says why), and
     * the caller draws every page.
     */
    List<String> redraw(Report report, Path reportDir, Report.Run run, ChangeLines changes) {
        Path file = stored(warehouse);
        try {
            if (!warehouse.fs().exists(file)) {
                return null;
            }
            JsonNode root;
            try (InputStream in = warehouse.fs().open(file)) {
                root = JSON.readTree(in);
            }
            String storedRun = root.path("run_id").asText();
            if (root.path("format").asInt() != FORMAT
                    || !ToolVersion.plImpact().equals(root.path("version").asText())
                    || !key.equals(root.path("key").asText())
                    || storedRun.isEmpty()) {
                return null;
            }
            List<String> pages = report.redraw(
                    warehouse.fs(),
                    new Path(warehouse.runDir(storedRun), ReportStage.REPORT_DIR),
                    pagesOf(storedRun),
                    reportDir,
                    run,
                    changes);
            log.info("run {}: report bodies kept from run {}", runId, storedRun);
            return pages;
        } catch (IOException | RuntimeException e) {
            log.warn("run {}: report of the last run not reused ({}); drawing every page", runId, e.getMessage());
            return null;
        }
    }

    /** The pages of a run's report with their SHA-256, as its manifest records them. */
    private Map<String, String> pagesOf(String storedRun) throws IOException {
        RunManifest manifest;
        try (InputStream in = warehouse.fs().open(new Path(warehouse.runDir(storedRun), RunManifest.FILE))) {
            manifest = RunManifest.parse(in.readAllBytes());
        }
        Map<String, String> pages = new LinkedHashMap<>();
        for (RunManifest.Output o : manifest.outputs()) {
            if (o.path().startsWith(REPORT_PREFIX)) {
                pages.put(o.path().substring(REPORT_PREFIX.length()), o.sha256());
            }
        }
        return pages;
    }

    /** Records this run's key for the run after it, once this one is published ({@link #keep}). */
    void record() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", ToolVersion.plImpact());
        root.put("run_id", runId);
        root.put("key", key);
        try (OutputStream out = warehouse.fs().create(ofRun(warehouse, runId), true)) {
            out.write((root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static Path stored(Warehouse warehouse) {
        return new Path(warehouse.root(), "state/report.json");
    }

    static Path ofRun(Warehouse warehouse, String runId) {
        return new Path(LeaResultDir.workDir(warehouse, runId), "report.json");
    }

    /** A finished, published run's report key becomes the stored one. */
    static void keep(Warehouse warehouse, String runId) throws IOException {
        StateFiles.keep(warehouse, ofRun(warehouse, runId), stored(warehouse));
    }
}
