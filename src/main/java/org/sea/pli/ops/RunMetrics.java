package org.sea.pli.ops;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.parquet.WrittenFile;

/**
 * A night in Prometheus metric families, all prefixed {@code pl_impact_}: gauges, since each file
 * describes one run (the textfile collector and the Pushgateway both expose the latest value).
 * Labels are low-cardinality: {@code phase}, {@code extract}, {@code status}, {@code mart},
 * {@code lea_id}, and at most {@code lea_id × extract}. Counts and names only, never a row value.
 */
public final class RunMetrics {

    /** One (LEA, extract) of {@code submission_status} for the as-of school year (spec §5.11). */
    public record Submission(String leaId, String extract, String status, Integer daysSinceInForce) {}

    /**
     * What a night gives its metrics.
     *
     * @param finished    when the night ended
     * @param lastSuccess when the latest successful night ended (this one if it succeeded, else the
     *                    one carried forward), or null when none is known
     * @param run         the run's facts, or null when it never got a run id
     * @param submissions the as-of school year's submission_status rows; empty when the marts were
     *                    not written
     */
    public record Night(
            Instant finished,
            int exitCode,
            Duration duration,
            Instant lastSuccess,
            RunSummary.Facts run,
            List<Submission> submissions) {}

    private RunMetrics() {}

    public static MetricSnapshots of(Night night) {
        List<GaugeSnapshot> families = new ArrayList<>();
        families.add(gauge(
                "pl_impact_last_run_timestamp_seconds",
                "When the latest run ended, Unix time.",
                point(seconds(night.finished()))));
        if (night.lastSuccess() != null) {
            families.add(gauge(
                    "pl_impact_last_success_timestamp_seconds",
                    "When the latest successful run (exit 0) ended, Unix time; carried from run to run.",
                    point(seconds(night.lastSuccess()))));
        }
        families.add(gauge(
                "pl_impact_exit_code",
                "Exit code of the latest run: 0 success, 1 run failed (spec §7).",
                point(night.exitCode())));
        families.add(gauge(
                "pl_impact_run_duration_seconds",
                "Wall time of the latest run.",
                point(night.duration().toNanos() / 1e9)));
        RunSummary.Facts run = night.run();
        if (run == null) {
            return new MetricSnapshots(List.copyOf(families));
        }
        families.add(gauge(
                "pl_impact_run_published",
                "1 when the latest run switched current/ to itself.",
                point(run.published() ? 1 : 0)));

        List<GaugeDataPointSnapshot> phases = new ArrayList<>();
        for (Phase p : run.phases()) {
            if (p.took() != null) { // a phase a restart skipped has no time
                phases.add(point(p.took().toNanos() / 1e9, "phase", p.name()));
            }
        }
        families.add(gauge("pl_impact_phase_duration_seconds", "Wall time of each phase of the latest run.", phases));

        Map<FileStatus, Long> byStatus = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<String, long[]> byExtract = new TreeMap<>();
        ExtractSchema.NAMES.forEach(e -> byExtract.put(e, new long[3]));
        Map<String, Long> rejectedByLea = new TreeMap<>();
        for (FileOutcome o : run.outcomes()) {
            byStatus.merge(o.status(), 1L, Long::sum);
            if (o.file().leaId() != null) {
                rejectedByLea.merge(o.file().leaId(), o.status() == FileStatus.REJECTED ? 1L : 0L, Long::sum);
            }
            if (o.result() != null && o.file().extract() != null) {
                long[] t = byExtract.computeIfAbsent(o.file().extract(), k -> new long[3]);
                t[0] += o.result().rowsRead();
                t[1] += o.result().rowsAccepted();
                t[2] += o.result().rowsRejected();
            }
        }
        List<GaugeDataPointSnapshot> files = new ArrayList<>();
        byStatus.forEach((status, n) -> files.add(point(n, "status", status.code())));
        families.add(
                gauge("pl_impact_files", "Inbox files of the latest run by load-report status (spec §1.1).", files));
        String[] rowNames = {"read", "accepted", "rejected"};
        for (int i = 0; i < rowNames.length; i++) {
            List<GaugeDataPointSnapshot> rows = new ArrayList<>();
            int col = i;
            byExtract.forEach((extract, t) -> rows.add(point(t[col], "extract", extract)));
            families.add(gauge(
                    "pl_impact_rows_" + rowNames[i],
                    "Rows " + rowNames[i] + " per extract in the latest run (spec §3).",
                    rows));
        }
        List<GaugeDataPointSnapshot> leaRejected = new ArrayList<>();
        rejectedByLea.forEach((lea, n) -> leaRejected.add(point(n, "lea_id", lea)));
        families.add(gauge(
                "pl_impact_lea_rejected_files", "Files of each LEA folder rejected in the latest run.", leaRejected));

        Map<String, Long> martRows = new TreeMap<>();
        for (WrittenFile f : run.marts()) {
            int slash = f.path().indexOf('/');
            martRows.merge(slash < 0 ? f.path() : f.path().substring(0, slash), f.rows(), Long::sum);
        }
        if (!martRows.isEmpty()) {
            List<GaugeDataPointSnapshot> marts = new ArrayList<>();
            martRows.forEach((mart, n) -> marts.add(point(n, "mart", mart)));
            families.add(gauge("pl_impact_mart_rows", "Rows of each mart written by the latest run.", marts));
        }
        if (!night.submissions().isEmpty()) {
            List<GaugeDataPointSnapshot> inForce = new ArrayList<>();
            List<GaugeDataPointSnapshot> age = new ArrayList<>();
            TreeSet<String> seen = new TreeSet<>();
            for (Submission s : night.submissions()) {
                if (!seen.add(s.leaId() + "\u0000" + s.extract())) {
                    continue;
                }
                inForce.add(point("in_force".equals(s.status()) ? 1 : 0, "lea_id", s.leaId(), "extract", s.extract()));
                if (s.daysSinceInForce() != null) {
                    // Prometheus's base unit: seconds (days × 86400)
                    age.add(point(s.daysSinceInForce() * 86400.0, "lea_id", s.leaId(), "extract", s.extract()));
                }
            }
            families.add(gauge(
                    "pl_impact_lea_extract_in_force",
                    "1 when the LEA has a file in force for the extract in the as-of school year (spec §5.11).",
                    inForce));
            families.add(gauge(
                    "pl_impact_lea_extract_age_seconds",
                    "As-of date minus the extract date of the LEA's in-force file for the as-of school year"
                            + " (submission_status.days_since_in_force × 86400); absent when none is in force.",
                    age));
        }
        return new MetricSnapshots(List.copyOf(families));
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    private static GaugeSnapshot gauge(String name, String help, GaugeDataPointSnapshot point) {
        return gauge(name, help, List.of(point));
    }

    private static GaugeSnapshot gauge(String name, String help, List<GaugeDataPointSnapshot> points) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(b::dataPoint);
        return b.build();
    }

    private static GaugeDataPointSnapshot point(double value, String... labels) {
        return GaugeDataPointSnapshot.builder()
                .value(value)
                .labels(Labels.of(labels))
                .build();
    }
}
