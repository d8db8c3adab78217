package org.sea.pli.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.extract.StateRegistry;
import org.sea.pli.lineage.LineageEvents;
import org.sea.pli.lineage.LineageLog;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.mart.SubmissionStatusMart;
import org.sea.pli.ops.MetricsFile;
import org.sea.pli.ops.OpsSettings;
import org.sea.pli.ops.RunMetrics;
import org.sea.pli.ops.RunSummary;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a nightly run tells the systems around it: OpenLineage events (START when it begins,
 * COMPLETE or FAIL when it ends) and, at its end, the Prometheus metrics file and push. Reproductions
 * ({@code rerun}, {@code verify}) tell nothing: they are checks, not nights. Nothing here ever changes
 * a run's outcome: every failure is a logged warning.
 */
final class RunSignals {

    private static final Logger log = LoggerFactory.getLogger(RunSignals.class);

    private final OpsSettings ops;

    RunSignals(OpsSettings ops) {
        this.ops = ops;
    }

    void started(RunRequest request, NightlyRun run, Warehouse warehouse) {
        if (request.reproduction()) {
            return;
        }
        lineage(run, warehouse).emit(events(request, run, warehouse).start(Instant.now()));
    }

    /**
     * @param run     the run, or null when the night ended before it had a run id
     * @param failure the one-line reason of a failed night, or null
     */
    void ended(RunRequest request, NightlyRun run, int exitCode, String failure, Duration took) {
        if (request.reproduction()) {
            return;
        }
        Instant now = Instant.now();
        List<RunMetrics.Submission> submissions = List.of();
        if (run != null) {
            try (Warehouse warehouse = Warehouse.open(request.warehouse())) {
                LineageEvents events = events(request, run, warehouse);
                Map<String, long[]> marts = martRows(warehouse, run);
                List<LineageEvents.MartOutput> outputs = outputs(warehouse, marts);
                List<LineageEvents.Dataset> inputs = inputs(request, run);
                lineage(run, warehouse)
                        .emit(
                                failure == null && exitCode == 0
                                        ? events.complete(now, inputs, outputs)
                                        : events.fail(
                                                now,
                                                failure == null ? "exit code " + exitCode : failure,
                                                inputs,
                                                outputs));
                if (ops.metricsFile() != null || ops.metricsPush() != null) {
                    submissions = submissions(request, run, warehouse);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("run {}: cannot record its lineage or read its submissions: {}", run.runId(), e.getMessage());
            }
        }
        if (ops.metricsFile() == null && ops.metricsPush() == null) {
            return;
        }
        Instant lastSuccess = exitCode == 0 ? now : MetricsFile.lastSuccess(ops.metricsFile());
        RunSummary.Facts facts = run == null ? null : run.facts();
        var metrics = RunMetrics.of(new RunMetrics.Night(now, exitCode, took, lastSuccess, facts, submissions));
        if (ops.metricsFile() != null) {
            try {
                MetricsFile.write(ops.metricsFile(), metrics);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot write the metrics file {}: {}", ops.metricsFile(), e.getMessage());
            }
        }
        if (ops.metricsPush() != null) {
            try {
                MetricsFile.push(ops.metricsPush(), metrics);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot push metrics to {}: {}", ops.metricsPush(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("interrupted while pushing metrics to {}", ops.metricsPush());
            }
        }
    }

    private LineageLog lineage(NightlyRun run, Warehouse warehouse) {
        return new LineageLog(warehouse.fs(), warehouse.runDir(run.runId()), ops.lineageUrl());
    }

    private static LineageEvents events(RunRequest request, NightlyRun run, Warehouse warehouse) {
        return new LineageEvents(
                warehouse.root().toString(), run.runId(), request.asOf().toString());
    }

    /** The inbox files the run considered: the state registry and every file of its load. */
    private static List<LineageEvents.Dataset> inputs(RunRequest request, NightlyRun run) {
        List<LineageEvents.Dataset> inputs = new ArrayList<>();
        java.nio.file.Path inbox = request.inbox().toAbsolutePath().normalize();
        for (String state : StateRegistry.FILES) {
            inputs.add(LineageEvents.Dataset.at(inbox.resolve(state).toUri()));
        }
        for (FileOutcome o : run.facts().outcomes()) {
            inputs.add(LineageEvents.Dataset.at(
                    inbox.resolve(o.file().relativePath()).toUri()));
        }
        return inputs;
    }

    /**
     * Rows and files per mart: from the manifest when the run wrote one (it lists every mart file with
     * its rows, also after a restart), else from the marts this JVM wrote.
     */
    private static Map<String, long[]> martRows(Warehouse warehouse, NightlyRun run) throws IOException {
        Map<String, long[]> marts = new TreeMap<>();
        Path manifest = new Path(warehouse.runDir(run.runId()), RunManifest.FILE);
        if (warehouse.fs().exists(manifest)) {
            try (InputStream in = warehouse.fs().open(manifest)) {
                for (RunManifest.Output o : RunManifest.parse(in.readAllBytes()).outputs()) {
                    if (o.path().startsWith("marts/") && o.rows() != null) {
                        add(marts, o.path().substring("marts/".length()), o.rows());
                    }
                }
            }
        } else {
            for (WrittenFile f : run.marts()) {
                add(marts, f.path(), f.rows());
            }
        }
        return marts;
    }

    private static void add(Map<String, long[]> marts, String path, long rows) {
        int slash = path.indexOf('/');
        long[] m = marts.computeIfAbsent(slash < 0 ? path : path.substring(0, slash), k -> new long[2]);
        m[0] += rows;
        m[1]++;
    }

    /** Every mart the run wrote, named where it is published ({@code current/<mart>}). */
    private static List<LineageEvents.MartOutput> outputs(Warehouse warehouse, Map<String, long[]> marts) {
        List<LineageEvents.MartOutput> outputs = new ArrayList<>();
        for (String mart : MartCatalog.NAMES) {
            long[] m = marts.get(mart);
            if (m != null) {
                URI uri = new Path(warehouse.currentDir(), mart).toUri();
                outputs.add(
                        new LineageEvents.MartOutput(LineageEvents.Dataset.at(uri), MartSchema.load(mart), m[0], m[1]));
            }
        }
        return outputs;
    }

    /** submission_status of the as-of school year, when the run wrote it. */
    private static List<RunMetrics.Submission> submissions(RunRequest request, NightlyRun run, Warehouse warehouse)
            throws IOException {
        String year = SchoolYear.format(SchoolYear.containing(request.asOf()));
        List<RunMetrics.Submission> rows = new ArrayList<>();
        for (MartRecord r : new MartReader(warehouse.fs(), warehouse.martsDir(run.runId()))
                .read(MartSchema.load(SubmissionStatusMart.NAME))) {
            if (year.equals(r.string("school_year"))) {
                rows.add(new RunMetrics.Submission(
                        r.string("lea_id"), r.string("extract"), r.string("status"), r.int32("days_since_in_force")));
            }
        }
        return rows;
    }
}
