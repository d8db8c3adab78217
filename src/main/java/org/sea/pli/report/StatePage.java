package org.sea.pli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.thymeleaf.context.Context;

/**
 * The state data team's page ({@code index.html}, template {@code state.html}): the run's input files
 * and each LEA's load status, the submission grid, PL models statewide, the evidence ladder, PL
 * dollars by funding source, the bright spots and the three lenses.
 */
final class StatePage {

    private final ReportMarts marts;
    private final List<String> leas;
    private final ChartStore charts;

    StatePage(ReportMarts marts, List<String> leas, ChartStore charts) {
        this.marts = marts;
        this.leas = leas;
        this.charts = charts;
    }

    /** Fills {@code ctx} (which holds the run's id and dates) with what {@code state.html} reads. */
    void addTo(Context ctx, String asOf) {
        ctx.setVariable("inputs", inputsTable());
        ctx.setVariable("loadStatus", loadStatusTable());
        SubmissionSection.addToState(ctx, marts.submissionStatus(), asOf);

        List<String> years = ReportMarts.years(
                marts.modelComparison(), marts.evidenceCoverage(), marts.fundingEfficiency(), marts.brightSpots());
        ctx.setVariable("years", years);
        ctx.setVariable("modelChart", modelChart());
        ctx.setVariable("models", modelTable());

        LadderSection ladder = new LadderSection(marts.evidenceCoverage(), charts);
        FundingSection funding = new FundingSection(marts.fundingEfficiency(), marts.evidenceCoverage(), charts);
        List<String> ladderCharts = new ArrayList<>();
        List<String> fundingCharts = new ArrayList<>();
        for (String year : years) {
            ladderCharts.add(ladder.stateChart(year));
            fundingCharts.add(funding.chart(year));
        }
        ctx.setVariable("ladderCharts", ladderCharts);
        ctx.setVariable("ladder", ladder.stateTable());
        ctx.setVariable("fundingCharts", fundingCharts);
        ctx.setVariable("funding", funding.table());
        ctx.setVariable("brightSpots", brightSpotsTable());
        ctx.setVariable("brightSpotCharts", EvidenceSection.brightSpotCharts(charts, marts.brightSpots(), years));
        marts.lenses().addTo(ctx, charts);
    }

    private ReportTable inputsTable() {
        Map<String, long[]> byStatus = new LinkedHashMap<>();
        ListingOrder.STATUSES.forEach(s -> byStatus.put(s, new long[2]));
        for (LoadReportRow r : marts.loadReport()) {
            long[] c = byStatus.computeIfAbsent(r.status(), k -> new long[2]);
            c[0]++;
            c[1] += Fmt.nz(r.rowsAccepted());
        }
        ReportTable t = new ReportTable("inputs", "Input files of this run by status (SPEC §1.1)")
                .header(
                        "status",
                        "in_force: rows in force; superseded: replaced by a later file; rejected: "
                                + "nothing from it is used; stale_in_force: in force although a newer file was rejected; "
                                + "ignored: not read")
                .header("files", "files under LEA folders with this status")
                .header("rows accepted", "data rows that passed validation");
        byStatus.forEach((status, c) -> t.row(status)
                .text("status", status)
                .num("files", Fmt.count(c[0]))
                .num("rows_accepted", Fmt.count(c[1])));
        return t;
    }

    private ReportTable loadStatusTable() {
        ReportTable t = new ReportTable("load-status", "Load status by LEA (load_report, SPEC §3, §5.7)")
                .header("LEA", "LEA folder; the link opens the page sent back to the LEA")
                .header("files", "files under the LEA folder");
        ListingOrder.STATUSES.forEach(s -> t.header(s, "files with status " + s));
        t.header("rows read", "data rows read")
                .header("rows rejected", "rows quarantined")
                .header("file reasons", "why files were rejected or ignored, with counts")
                .header("row reject reasons", "why rows were rejected, with counts");
        Map<String, List<LoadReportRow>> byLea = ReportMarts.byLea(marts.loadReport(), LoadReportRow::leaId);
        for (String lea : leas) {
            List<LoadReportRow> files = byLea.getOrDefault(lea, List.of());
            if (files.isEmpty()) {
                continue;
            }
            Map<String, Long> status = new LinkedHashMap<>();
            Map<String, Long> fileReasons = new TreeMap<>();
            Map<String, Long> rowReasons = new TreeMap<>();
            long read = 0;
            long rejected = 0;
            for (LoadReportRow f : files) {
                status.merge(f.status(), 1L, Long::sum);
                if (f.reason() != null) {
                    fileReasons.merge(f.reason(), 1L, Long::sum);
                }
                f.rejectReasons().forEach((k, v) -> rowReasons.merge(k, v, Long::sum));
                read += Fmt.nz(f.rowsRead());
                rejected += Fmt.nz(f.rowsRejected());
            }
            t.row(lea).lea(lea).num("files", Fmt.count(files.size()));
            ListingOrder.STATUSES.forEach(s -> t.num(s, Fmt.count(status.getOrDefault(s, 0L))));
            t.num("rows_read", Fmt.count(read))
                    .num("rows_rejected", Fmt.count(rejected))
                    .text("reason", Fmt.counts(fileReasons))
                    .text("reject_reasons", Fmt.counts(rowReasons));
        }
        return t;
    }

    private String modelChart() {
        List<Charts.Interval> points = new ArrayList<>();
        List<ModelComparisonRow> rows = new ArrayList<>(marts.modelComparison());
        rows.sort(Comparator.comparing(ModelComparisonRow::plModel, ListingOrder.MODEL)
                .thenComparing(ModelComparisonRow::schoolYear));
        for (ModelComparisonRow r : rows) {
            if (!r.suppressed() && r.practiceChangeMean() != null) {
                points.add(new Charts.Interval(
                        r.schoolYear(),
                        r.plModel(),
                        r.practiceChangeMean(),
                        r.practiceChangeCiLow(),
                        r.practiceChangeCiHigh()));
            }
        }
        return points.isEmpty()
                ? null
                : Charts.intervals(
                        charts,
                        "chart-models",
                        "Practice change by PL model, with 95% interval",
                        Charts.PRACTICE_CHANGE_AXIS,
                        points);
    }

    private ReportTable modelTable() {
        ReportTable t = new ReportTable("model-comparison", "PL models statewide (model_comparison, SPEC §5.3)")
                .header("school year", null)
                .header("PL model", null)
                .header("LEAs", "distinct LEAs")
                .header("educators", "educator units")
                .header("sustained", "attended units with ≥3 sessions over ≥28 days")
                .header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("95% low", "mean − 1.96·sd/√n")
                .header("95% high", "mean + 1.96·sd/√n")
                .header("improved", "share of practice pairs improving by at least the threshold")
                .header("cost", "funding of the model's activities");
        List<ModelComparisonRow> rows = new ArrayList<>(marts.modelComparison());
        rows.sort(Comparator.comparing(ModelComparisonRow::schoolYear)
                .thenComparing(ModelComparisonRow::plModel, ListingOrder.MODEL));
        for (ModelComparisonRow r : rows) {
            boolean sup = r.suppressed();
            t.row(r.schoolYear() + "|" + r.plModel())
                    .text("school_year", r.schoolYear())
                    .text("pl_model", r.plModel())
                    .num("leas", Fmt.count(r.leas()))
                    .num("n_educators", Fmt.count(r.nEducators()), sup)
                    .num("sustained_rate", Fmt.pct(r.sustainedRate()), sup)
                    .num("n_practice_pairs", Fmt.count(r.nPracticePairs()), sup)
                    .num("practice_change_mean", Fmt.dec(r.practiceChangeMean(), 3), sup)
                    .num("practice_change_ci_low", Fmt.dec(r.practiceChangeCiLow(), 3), sup)
                    .num("practice_change_ci_high", Fmt.dec(r.practiceChangeCiHigh(), 3), sup)
                    .num("improved_rate", Fmt.pct(r.improvedRate()), sup)
                    .num("cost_usd", Fmt.usd(r.costUsd()));
        }
        return t;
    }

    private ReportTable brightSpotsTable() {
        ReportTable t = new ReportTable(
                        "bright-spots",
                        "Bright spots: cohorts with the largest practice change " + "(bright_spots, SPEC §5.6)")
                .header("school year", null)
                .header("rank", null)
                .header("LEA", null)
                .header("cohort", null)
                .header("PL model", null)
                .header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change")
                .header("effect size", "mean ÷ sd")
                .header("improved", "share improving by at least the threshold")
                .header("cost per improved", "cohort cost ÷ improved educators")
                .header("shrunk change", "ranked on: the mean pulled toward the year's mean by its noise (§4.6)")
                .header("95% low", "mean − 1.96·sd/√n")
                .header("95% high", "mean + 1.96·sd/√n");
        for (BrightSpotRow r : marts.brightSpots()) {
            t.row(r.schoolYear() + "|" + r.rank())
                    .text("school_year", r.schoolYear())
                    .num("rank", Fmt.count(r.rank()))
                    .lea(r.leaId())
                    .text("cohort_id", r.cohortId())
                    .text("pl_model", r.plModel())
                    .num("n_practice_pairs", Fmt.count(r.nPracticePairs()))
                    .num("practice_change_mean", Fmt.dec(r.practiceChangeMean(), 3))
                    .num("effect_size", Fmt.dec(r.effectSize(), 2))
                    .num("improved_rate", Fmt.pct(r.improvedRate()))
                    .num("cost_per_improved", Fmt.usd(r.costPerImproved()))
                    .num("practice_change_shrunk", Fmt.dec(r.practiceChangeShrunk(), 3))
                    .num("practice_change_ci_low", Fmt.dec(r.practiceChangeCiLow(), 3))
                    .num("practice_change_ci_high", Fmt.dec(r.practiceChangeCiHigh(), 3));
        }
        return t;
    }
}
