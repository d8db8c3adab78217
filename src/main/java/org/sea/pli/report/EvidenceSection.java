package org.sea.pli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's credible-evidence parts (spec §4.5–§4.7): on the state page, each year's bright spots
 * as a dot-and-whisker chart of the shrunk change beside the raw mean and its 95% interval; on an LEA
 * page, each cohort's interval, its shrunk change, and its student-growth difference always beside the
 * baseline-equivalence verdict in words (a difference is never shown without one).
 */
final class EvidenceSection {

    static final String SIMILAR = "students started at similar levels";
    static final String ADJUST = "needs statistical adjustment";
    static final String NOT_COMPARABLE = "not comparable";
    static final String UNCHECKED = "cannot be checked (too few comparison students)";

    private EvidenceSection() {}

    /** The WWC verdict of §4.7 in words; null for no verdict. */
    static String verdict(String baselineEquivalence) {
        if (baselineEquivalence == null) {
            return null;
        }
        return switch (baselineEquivalence) {
            case "satisfies" -> SIMILAR;
            case "needs_adjustment" -> ADJUST;
            case "fails" -> NOT_COMPARABLE;
            default ->
                throw new IllegalStateException("cohort_impact.baseline_equivalence '" + baselineEquivalence
                        + "' is not satisfies, needs_adjustment or fails");
        };
    }

    /** Where a 95% interval lies against zero, in words. */
    static String againstZero(Double low, Double high) {
        if (low == null || high == null) {
            return null;
        }
        return low > 0 ? "above zero" : high < 0 ? "below zero" : "includes zero";
    }

    /** One chart per school year of the bright spots: shrunk change (dot) and raw mean with its interval. */
    static List<String> brightSpotCharts(ChartStore store, List<BrightSpotRow> brightSpots, List<String> years) {
        List<String> charts = new ArrayList<>();
        for (String year : years) {
            List<Charts.Interval> points = new ArrayList<>();
            for (BrightSpotRow r : brightSpots) {
                Double shrunk = r.practiceChangeShrunk();
                Double mean = r.practiceChangeMean();
                if (!year.equals(r.schoolYear()) || shrunk == null || mean == null) {
                    continue;
                }
                String category = "#" + r.rank() + " " + r.leaId() + " " + r.cohortId() + " " + r.plModel();
                points.add(new Charts.Interval("shrunk change (ranked on)", category, shrunk, null, null));
                points.add(new Charts.Interval(
                        "raw mean with 95% interval",
                        category, mean, r.practiceChangeCiLow(), r.practiceChangeCiHigh()));
            }
            if (!points.isEmpty()) {
                charts.add(Charts.intervals(
                        store,
                        "chart-bright-spots-" + year,
                        "Bright spots " + year + ": shrunk practice change beside the raw mean and its 95% interval",
                        Charts.PRACTICE_CHANGE_AXIS,
                        points));
            }
        }
        return charts;
    }

    /** The LEA's cohorts: practice change with interval and shrunk value, growth difference with its verdict. */
    static ReportTable cohortEvidence(List<CohortImpactRow> cohortImpact, String lea) {
        ReportTable t = new ReportTable(
                        "evidence", "How credible is each cohort's evidence (cohort_impact, " + "SPEC §4.5–§4.7)")
                .header("school year", null)
                .header("cohort", null)
                .header("PL model", null)
                .header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("95% low", "mean − 1.96·sd/√n")
                .header("95% high", "mean + 1.96·sd/√n")
                .header("interval", "a change is credible when its whole interval is above zero")
                .header(
                        "shrunk change",
                        "the mean pulled toward the state's mean for the year by its noise: "
                                + "what cohorts are compared on")
                .header(
                        "student growth vs. non-participants",
                        "difference in mean student growth z; shown " + "only with its baseline check")
                .header("growth 95% low", null)
                .header("growth 95% high", null)
                .header(
                        "baseline check",
                        "did the participants' students start where the comparison "
                                + "students started? (What Works Clearinghouse test of baseline equivalence)");
        for (CohortImpactRow r : cohortImpact) {
            if (!lea.equals(r.leaId())) {
                continue;
            }
            boolean sup = r.suppressed();
            boolean stu = sup || r.studentSuppressed();
            String verdict = verdict(r.baselineEquivalence());
            boolean growthShown = verdict != null; // never a growth difference without its verdict
            t.row(r.key())
                    .text("school_year", r.schoolYear())
                    .text("cohort_id", r.cohortId())
                    .text("pl_model", r.plModel())
                    .num("n_practice_pairs", Fmt.count(r.nPracticePairs()), sup)
                    .num("practice_change_mean", Fmt.dec(r.practiceChangeMean(), 3), sup)
                    .num("practice_change_ci_low", Fmt.dec(r.practiceChangeCiLow(), 3), sup)
                    .num("practice_change_ci_high", Fmt.dec(r.practiceChangeCiHigh(), 3), sup);
            if (sup) {
                t.num("interval", null, true);
            } else {
                t.text("interval", againstZero(r.practiceChangeCiLow(), r.practiceChangeCiHigh()));
            }
            t.num("practice_change_shrunk", Fmt.dec(r.practiceChangeShrunk(), 3), sup)
                    .num("student_growth_z_diff", growthShown ? Fmt.dec(r.studentGrowthZDiff(), 3) : Fmt.NONE, stu)
                    .num(
                            "student_growth_z_diff_ci_low",
                            growthShown ? Fmt.dec(r.studentGrowthZDiffCiLow(), 3) : Fmt.NONE,
                            stu)
                    .num(
                            "student_growth_z_diff_ci_high",
                            growthShown ? Fmt.dec(r.studentGrowthZDiffCiHigh(), 3) : Fmt.NONE,
                            stu);
            if (stu) {
                t.num("baseline_equivalence", null, true);
            } else {
                t.text(
                        "baseline_equivalence",
                        verdict != null ? verdict : r.studentGrowthZDiff() == null ? null : UNCHECKED);
            }
        }
        return t;
    }
}
