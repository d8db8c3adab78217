package org.sea.pli.report;

import java.util.List;
import org.thymeleaf.context.Context;

/**
 * The page sent back to one LEA ({@code lea/<lea_id>.html}, template {@code lea.html}): its
 * submission checklist, its files in this run with why rows were rejected, its cohorts with how
 * credible their evidence is, and its evidence ladder beside the state's. It is given only the LEA's
 * own load report, cohort and submission rows; the ladder compares with every LEA's coverage.
 */
final class LeaPage {

    private final String lea;
    private final List<LoadReportRow> files;
    private final List<CohortImpactRow> cohorts;
    private final List<SubmissionStatusRow> submissions;
    private final List<EvidenceCoverageRow> coverage;
    private final ChartStore charts;

    LeaPage(
            String lea,
            List<LoadReportRow> files,
            List<CohortImpactRow> cohorts,
            List<SubmissionStatusRow> submissions,
            List<EvidenceCoverageRow> coverage,
            ChartStore charts) {
        this.lea = lea;
        this.charts = charts;
        this.files = files;
        this.cohorts = cohorts;
        this.submissions = submissions;
        this.coverage = coverage;
    }

    /** Fills {@code ctx} (which holds the run's id and dates) with what {@code lea.html} reads. */
    void addTo(Context ctx) {
        ctx.setVariable("lea", lea);
        ctx.setVariable("files", filesTable());
        SubmissionSection.addToLea(ctx, submissions, lea);
        ctx.setVariable("cohorts", cohortsTable());
        ctx.setVariable("evidence", EvidenceSection.cohortEvidence(cohorts, lea));
        List<String> years = ReportMarts.years(coverage);
        LadderSection ladder = new LadderSection(coverage, charts);
        ctx.setVariable("ladderChart", ladder.leaChart(lea, years));
        ctx.setVariable("ladder", ladder.leaTable(lea, years));
    }

    private ReportTable filesTable() {
        ReportTable t = new ReportTable("files", "Your files in this run (load_report, SPEC §3, §5.7)")
                .header("file", null)
                .header("extract", null)
                .header("extract date", null)
                .header("status", "in_force, superseded, rejected, stale_in_force or ignored (SPEC §1.1)")
                .header("reason", "why the whole file was rejected or ignored")
                .header("rows read", null)
                .header("rows accepted", null)
                .header("rows rejected", null)
                .header("row reject reasons", "reason: rows")
                .header("quarantine file", "the rejected rows with _line and _reason; ask the state data team")
                .header("unknown columns", "extra columns that were ignored");
        for (LoadReportRow r : files) {
            if (!lea.equals(r.leaId())) {
                continue;
            }
            String file = r.file();
            t.row(file)
                    .text("file", file)
                    .text("extract", r.extract())
                    .text(
                            "extract_date",
                            r.extractDate() == null ? null : r.extractDate().toString())
                    .text("status", r.status())
                    .text("reason", r.reason())
                    .num("rows_read", Fmt.count(r.rowsRead()))
                    .num("rows_accepted", Fmt.count(r.rowsAccepted()))
                    .num("rows_rejected", Fmt.count(r.rowsRejected()))
                    .text("reject_reasons", Fmt.counts(r.rejectReasons()))
                    .text("quarantine", Fmt.nz(r.rowsRejected()) > 0 ? quarantineName(lea, file) : null)
                    .text("unknown_columns", r.unknownColumns());
        }
        return t;
    }

    /** spec §3.1: {@code quarantine/<lea_id>/<file name without .gz>}. */
    static String quarantineName(String lea, String file) {
        return "quarantine/" + lea + "/" + (file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file);
    }

    private ReportTable cohortsTable() {
        ReportTable t = new ReportTable(
                        "cohorts",
                        "Your cohorts (cohort_impact, SPEC §5.2); cells of fewer than "
                                + "the minimum number of educators or students are suppressed")
                .header("school year", null)
                .header("cohort", null)
                .header("PL model", null)
                .header("activities", null)
                .header("cost", "funding of the cohort's activities")
                .header("educators", "educator units")
                .header("attended", "units with minutes attended")
                .header("sustained", "attended units with ≥3 sessions over ≥28 days")
                .header("satisfaction", "mean survey score (1–5)")
                .header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("effect size", "mean ÷ sd")
                .header("improved", "share improving by at least the threshold")
                .header("cost per improved", "cost ÷ improved educators");
        for (CohortImpactRow r : cohorts) {
            if (!lea.equals(r.leaId())) {
                continue;
            }
            boolean sup = r.suppressed();
            t.row(r.key())
                    .text("school_year", r.schoolYear())
                    .text("cohort_id", r.cohortId())
                    .text("pl_model", r.plModel())
                    .num("activities", Fmt.count(r.activities()))
                    .num("cost_usd", Fmt.usd(r.costUsd()))
                    .num("n_educators", Fmt.count(r.nEducators()), sup)
                    .num("n_attended", Fmt.count(r.nAttended()), sup)
                    .num("sustained_rate", Fmt.pct(r.sustainedRate()), sup)
                    .num("satisfaction_mean", Fmt.dec(r.satisfactionMean(), 2), sup)
                    .num("n_practice_pairs", Fmt.count(r.nPracticePairs()), sup)
                    .num("practice_change_mean", Fmt.dec(r.practiceChangeMean(), 3), sup)
                    .num("effect_size", Fmt.dec(r.effectSize(), 2), sup)
                    .num("improved_rate", Fmt.pct(r.improvedRate()), sup)
                    .num("cost_per_improved", Fmt.usd(r.costPerImproved()), sup);
        }
        return t;
    }
}
