package org.sea.pli.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.report.ChangeLines;
import org.sea.pli.report.ChartStore;
import org.sea.pli.report.KeptSections;
import org.sea.pli.report.Report;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the report takes from the last finished run instead of drawing it (docs/spec.md §6.1). A
 * page's body is a function of the reportable marts' bytes, the as-of date, the rows withheld
 * (§5.12) and pl-impact's version — the report's key: when it is the stored one, every page keeps
 * its body and only title, header and footer are drawn. Otherwise an LEA page may still keep its
 * sections below the submission checklist, under a key of its own ({@link KeptSections}). The keys
 * of the last finished and published nightly run are kept in {@code state/report.json} (written to
 * {@code runs/<run_id>/work/report.json} by each run, moved there when the run is published, as
 * the partitions are); a file of another format or version is ignored, and a page that is not what
 * its run's manifest records is drawn again.
 */
final class ReportReuse {

    private static final Logger log = LoggerFactory.getLogger(ReportReuse.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Raised whenever the layout of the file or what the keys cover changes. */
    static final int FORMAT = 2;

    private static final String REPORT_PREFIX = ReportStage.REPORT_DIR + "/";

    private final Warehouse warehouse;
    private final String runId;
    private final String key;
    /** The stored file when this run may reuse and it is usable, else null. */
    private final JsonNode stored;

    private final boolean reuse;

    private ReportReuse(Warehouse warehouse, String runId, String key, JsonNode stored, boolean reuse) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.key = key;
        this.stored = stored;
        this.reuse = reuse;
    }

    /**
     * The run's report key, from the reportable marts it wrote (a few MB, hashed here), and the
     * stored keys when {@code reuse}.
     */
    static ReportReuse of(Warehouse warehouse, String runId, String asOf, Report.Withheld withheld, boolean reuse)
            throws IOException {
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
        return new ReportReuse(
                warehouse,
                runId,
                Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8)),
                reuse ? read(warehouse, runId) : null,
                reuse);
    }

    /** The stored file, or null when there is none usable (a log line says why). */
    private static JsonNode read(Warehouse warehouse, String runId) {
        Path file = stored(warehouse);
        try {
            if (!warehouse.fs().exists(file)) {
                return null;
            }
            JsonNode root;
            try (InputStream in = warehouse.fs().open(file)) {
                root = JSON.readTree(in);
            }
            if (root.path("format").asInt() != FORMAT
                    || !ToolVersion.plImpact().equals(root.path("version").asText())
                    || root.path("run_id").asText().isEmpty()) {
                log.info("{} was written by another pl-impact; every page is drawn", file);
                return null;
            }
            return root;
        } catch (IOException | RuntimeException e) {
            log.warn("run {}: {} is unusable ({}); every page is drawn", runId, file, e.getMessage());
            return null;
        }
    }

    /**
     * Draws the report around the stored run's bodies when its key is this run's and returns its
     * pages; null when the keys differ or a page of it is unusable (a log line says why), and the
     * caller draws the report.
     */
    List<String> redraw(Report report, Path reportDir, Report.Run run, ChangeLines changes) {
        if (stored == null || !key.equals(stored.path("key").asText())) {
            return null;
        }
        String storedRun = stored.path("run_id").asText();
        try {
            List<String> pages =
                    report.redraw(warehouse.fs(), reportDir(storedRun), pagesOf(storedRun), reportDir, run, changes);
            log.info("run {}: report bodies kept from run {}", runId, storedRun);
            return pages;
        } catch (IOException | RuntimeException e) {
            log.warn("run {}: report of the last run not reused ({}); drawing every page", runId, e.getMessage());
            return null;
        }
    }

    /** The LEA pages' sections the stored run drew, to keep where their keys are this run's. */
    KeptSections sections() {
        if (stored == null) {
            return KeptSections.none();
        }
        String storedRun = stored.path("run_id").asText();
        try {
            return new KeptSections(warehouse.fs(), reportDir(storedRun), pagesOf(storedRun), storedSections());
        } catch (IOException | RuntimeException e) {
            log.warn("run {}: report of the last run not reused ({}); drawing every page", runId, e.getMessage());
            return KeptSections.none();
        }
    }

    /**
     * The charts the last published run drew or kept ({@code state/charts.bin}), to keep where this
     * run draws one from the same inputs; none when this run may not reuse or the file is unusable.
     * Charts are found by their inputs, not by run, so the file need not come from the run whose
     * keys {@code state/report.json} holds.
     */
    ChartStore charts() {
        if (!reuse) {
            return ChartStore.none();
        }
        Path file = storedCharts(warehouse);
        try {
            if (!warehouse.fs().exists(file)) {
                return ChartStore.none();
            }
            try (InputStream in = new BufferedInputStream(warehouse.fs().open(file), 1 << 16)) {
                return ChartStore.read(in, ToolVersion.plImpact());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("run {}: {} is unusable ({}); every chart is drawn", runId, file, e.getMessage());
            return ChartStore.none();
        }
    }

    /** Records this run's charts for the run after it, once this one is published ({@link #keep}). */
    void recordCharts(ChartStore charts) throws IOException {
        try (OutputStream out =
                new BufferedOutputStream(warehouse.fs().create(chartsOfRun(warehouse, runId), true), 1 << 16)) {
            charts.write(out, ToolVersion.plImpact());
        }
    }

    /** The stored LEA pages' section keys, by LEA (this run's too when it kept every body). */
    Map<String, String> storedSections() {
        Map<String, String> keys = new TreeMap<>();
        if (stored != null) {
            stored.path("sections")
                    .fields()
                    .forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
        }
        return keys;
    }

    private Path reportDir(String run) {
        return new Path(warehouse.runDir(run), ReportStage.REPORT_DIR);
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

    /** Records this run's keys for the run after it, once this one is published ({@link #keep}). */
    void record(Map<String, String> sections) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", ToolVersion.plImpact());
        root.put("run_id", runId);
        root.put("key", key);
        ObjectNode s = root.putObject("sections");
        new TreeMap<>(sections).forEach(s::put);
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

    static Path storedCharts(Warehouse warehouse) {
        return new Path(warehouse.root(), "state/charts.bin");
    }

    static Path chartsOfRun(Warehouse warehouse, String runId) {
        return new Path(LeaResultDir.workDir(warehouse, runId), "charts.bin");
    }

    /**
     * A finished, published run's report keys and charts become the stored ones (a run that kept
     * every page body drew no chart and leaves the stored charts as they are).
     */
    static void keep(Warehouse warehouse, String runId) throws IOException {
        StateFiles.keep(warehouse, ofRun(warehouse, runId), stored(warehouse));
        StateFiles.keep(warehouse, chartsOfRun(warehouse, runId), storedCharts(warehouse));
    }
}
