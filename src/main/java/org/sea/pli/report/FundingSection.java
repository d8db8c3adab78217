package org.sea.pli.report;

import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The state page's PL dollars by funding source (funding_efficiency, evidence_coverage): a stacked
 * bar per source and school year split as {@link FundingSplit} explains, and the table of the exact
 * totals beside the allocated parts.
 */
final class FundingSection {

    static final List<String> SPLIT_NAMES =
            List.of("backed by evidence of instructional change", "tool-specific training (no evidence)", "the rest");

    private final List<FundingSplit.Part> split;
    private final ChartStore charts;

    FundingSection(List<FundingEfficiencyRow> funding, List<EvidenceCoverageRow> coverage, ChartStore charts) {
        this.split = FundingSplit.compute(funding, coverage);
        this.charts = charts;
    }

    String chart(String year) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FundingSplit.Part p : split) {
            if (year.equals(p.schoolYear())) {
                data.addValue(p.evidence(), SPLIT_NAMES.get(0), p.source());
                data.addValue(p.toolNoEvidence(), SPLIT_NAMES.get(1), p.source());
                data.addValue(p.rest(), SPLIT_NAMES.get(2), p.source());
            }
        }
        return data.getColumnCount() == 0
                ? null
                : Charts.stacked(
                        charts,
                        "chart-funding-" + year,
                        "PL dollars by funding source, " + year,
                        "PL dollars",
                        data,
                        false,
                        true);
    }

    ReportTable table() {
        ReportTable t = new ReportTable(
                        "funding", "PL dollars by funding source (funding_efficiency, evidence_coverage)")
                .header("school year", null)
                .header("funding source", null)
                .header("PL dollars", "sum of amount_usd (exact)")
                .header("tool-specific", "sum of tool_specific_amount_usd (exact)")
                .header(SPLIT_NAMES.get(0), "allocated: see how the split is computed")
                .header(SPLIT_NAMES.get(1), "allocated: see how the split is computed")
                .header(SPLIT_NAMES.get(2), "allocated: see how the split is computed");
        for (FundingSplit.Part p : split) {
            t.row(p.schoolYear() + "|" + p.source())
                    .text("school_year", p.schoolYear())
                    .text("funding_source", p.source())
                    .num("amount_usd", Fmt.usd(p.amount()))
                    .num("tool_specific_amount_usd", Fmt.usd(p.toolSpecific()))
                    .num("evidence", Fmt.usd(p.evidence()))
                    .num("tool_no_evidence", Fmt.usd(p.toolNoEvidence()))
                    .num("rest", Fmt.usd(p.rest()));
        }
        return t;
    }
}
