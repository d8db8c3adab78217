package org.sea.pli.report;

import java.util.Arrays;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The evidence ladder (evidence_coverage, spec §5.5): educator units at each evidence level, by LEA
 * on the state page (a chart per school year and a table with the dollars backed by change
 * evidence), and an LEA's own ladder beside the state's on its page.
 */
final class LadderSection {

    /** The unit columns of evidence_coverage, lowest level first. */
    static final List<String> LEVELS = List.of("units_level_0", "units_level_1", "units_level_4", "units_level_5");

    static final List<String> LEVEL_NAMES = List.of(
            "0: participation only", "1: satisfaction", "4: practice change", "5: practice change + student growth");

    private final List<EvidenceCoverageRow> coverage;
    private final ChartStore charts;

    LadderSection(List<EvidenceCoverageRow> coverage, ChartStore charts) {
        this.coverage = coverage;
        this.charts = charts;
    }

    /** The state page's chart of one school year: a bar per LEA. */
    String stateChart(String year) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (EvidenceCoverageRow r : coverage) {
            if (year.equals(r.schoolYear())) {
                for (int i = 0; i < LEVELS.size(); i++) {
                    data.addValue(Fmt.nz(r.units().get(i)), LEVEL_NAMES.get(i), r.leaId());
                }
            }
        }
        return data.getColumnCount() == 0
                ? null
                : Charts.stacked(
                        charts,
                        "chart-ladder-" + year,
                        "Evidence ladder by LEA, " + year,
                        "share of educator units at each evidence level",
                        data,
                        true,
                        false);
    }

    ReportTable stateTable() {
        ReportTable t = new ReportTable("evidence-ladder", "Evidence ladder by LEA (evidence_coverage, SPEC §5.5)")
                .header("school year", null)
                .header("LEA", null);
        for (int i = 0; i < LEVELS.size(); i++) {
            t.header("level " + LEVEL_NAMES.get(i), "educator units at evidence level " + LEVEL_NAMES.get(i));
        }
        t.header("PL dollars", "all PL funding")
                .header("with change evidence", "funding of activities with at least one practice change")
                .header("share", "dollars with change evidence ÷ PL dollars");
        for (EvidenceCoverageRow r : coverage) {
            t.row(r.schoolYear() + "|" + r.leaId())
                    .text("school_year", r.schoolYear())
                    .lea(r.leaId());
            for (int i = 0; i < LEVELS.size(); i++) {
                t.num(LEVELS.get(i), Fmt.count(r.units().get(i)));
            }
            t.num("pl_dollars", Fmt.usd(r.plDollars()))
                    .num("pl_dollars_with_change_evidence", Fmt.usd(r.plDollarsWithChangeEvidence()))
                    .num("change_evidence_dollar_share", Fmt.pct(r.changeEvidenceDollarShare()));
        }
        return t;
    }

    /** Units per level: the LEA's row of evidence_coverage, or the state's sum over all LEAs ({@code lea} null). */
    private long[] ladder(String lea, String year) {
        long[] c = new long[LEVELS.size()];
        for (EvidenceCoverageRow r : coverage) {
            if (year.equals(r.schoolYear()) && (lea == null || lea.equals(r.leaId()))) {
                for (int i = 0; i < LEVELS.size(); i++) {
                    c[i] += Fmt.nz(r.units().get(i));
                }
            }
        }
        return c;
    }

    /** The LEA page's chart: the LEA's ladder beside the state's, every school year. */
    String leaChart(String lea, List<String> years) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String year : years) {
            for (String scope : new String[] {lea, null}) {
                long[] c = ladder(scope, year);
                if (Arrays.stream(c).sum() == 0) {
                    continue;
                }
                for (int i = 0; i < LEVELS.size(); i++) {
                    data.addValue(c[i], LEVEL_NAMES.get(i), (scope == null ? "state " : lea + " ") + year);
                }
            }
        }
        return data.getColumnCount() == 0
                ? null
                : Charts.stacked(
                        charts,
                        "chart-ladder",
                        "Evidence ladder: " + lea + " against the state",
                        "share of educator units at each evidence level",
                        data,
                        true,
                        false);
    }

    ReportTable leaTable(String lea, List<String> years) {
        ReportTable t = new ReportTable(
                        "ladder", "Evidence ladder, yours and the state's (evidence_coverage, SPEC §5.5)")
                .header("school year", null)
                .header("scope", null);
        for (int i = 0; i < LEVELS.size(); i++) {
            t.header("level " + LEVEL_NAMES.get(i), "educator units (share)");
        }
        for (String year : years) {
            for (String scope : new String[] {lea, null}) {
                long[] c = ladder(scope, year);
                long total = Arrays.stream(c).sum();
                if (scope != null
                        && coverage.stream().noneMatch(r -> year.equals(r.schoolYear()) && lea.equals(r.leaId()))) {
                    continue;
                }
                t.row(year + "|" + (scope == null ? "state" : "lea"))
                        .text("school_year", year)
                        .text("scope", scope == null ? "state (all LEAs)" : lea);
                for (int i = 0; i < LEVELS.size(); i++) {
                    t.num(
                            LEVELS.get(i),
                            Fmt.count(c[i]) + (total == 0 ? "" : " (" + Fmt.pct((double) c[i] / total) + ")"));
                }
            }
        }
        return t;
    }
}
