package org.sea.pli.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An LEA page's funding table (funding_efficiency, docs/spec.md §5.4): dollars and the educators
 * they reached by school year, model and funding source. A model whose figures are withheld
 * (§5.12 step 2: all its rows are suppressed together) shows one line with its dollars from all
 * sources and "suppressed" for the educators, never a split by source.
 */
final class LeaFunding {

    static final String ALL_SOURCES = "all sources";

    private LeaFunding() {}

    /** @param rows one LEA's funding_efficiency rows, in mart key order */
    static ReportTable table(List<FundingEfficiencyRow> rows) {
        ReportTable t = new ReportTable("funding", "Your PL funding by model and source (funding_efficiency, §5.4)")
                .header("school year", null)
                .header("PL model", null)
                .header("funding source", null)
                .header("PL dollars", "sum of amount_usd (exact)")
                .header("tool-specific", "dollars on tool-specific training (exact)")
                .header("sustained", "dollars on activities where at least half the attendees were sustained (exact)")
                .header("educators reached", "attended educators, each funding row weighted by its share")
                .header("educators improved", "improved educators, weighted the same way")
                .header("cost per improved", "PL dollars ÷ educators improved");
        Map<String, List<FundingEfficiencyRow>> models = new LinkedHashMap<>();
        for (FundingEfficiencyRow r : rows) {
            models.computeIfAbsent(r.schoolYear() + "|" + r.plModel(), k -> new ArrayList<>())
                    .add(r);
        }
        models.values().stream()
                .sorted(java.util.Comparator.comparing(
                                (List<FundingEfficiencyRow> m) -> m.get(0).schoolYear())
                        .thenComparing(m -> m.get(0).plModel()))
                .forEach(model -> {
                    if (model.stream().anyMatch(FundingEfficiencyRow::suppressed)) {
                        withheld(t, model);
                    } else {
                        model.forEach(r -> shown(t, r));
                    }
                });
        return t;
    }

    private static void shown(ReportTable t, FundingEfficiencyRow r) {
        t.row(r.schoolYear() + "|" + r.plModel() + "|" + r.fundingSource())
                .text("school_year", r.schoolYear())
                .text("pl_model", r.plModel())
                .text("funding_source", r.fundingSource())
                .num("amount_usd", Fmt.usd(r.amountUsd()))
                .num("tool_specific_amount_usd", Fmt.usd(r.toolSpecificAmountUsd()))
                .num("sustained_amount_usd", Fmt.usd(r.sustainedAmountUsd()))
                .num("educators_reached", Fmt.dec(r.educatorsReached(), 1))
                .num("educators_improved", Fmt.dec(r.educatorsImproved(), 1))
                .num("cost_per_improved", Fmt.usd(r.costPerImproved()));
    }

    /** One line for the whole model: its dollars summed exactly over its sources, no educator figure. */
    private static void withheld(ReportTable t, List<FundingEfficiencyRow> model) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal tool = BigDecimal.ZERO;
        BigDecimal sustained = BigDecimal.ZERO;
        for (FundingEfficiencyRow r : model) {
            amount = amount.add(r.amountUsd());
            tool = tool.add(r.toolSpecificAmountUsd());
            sustained = sustained.add(r.sustainedAmountUsd());
        }
        FundingEfficiencyRow first = model.get(0);
        t.row(first.schoolYear() + "|" + first.plModel() + "|" + ALL_SOURCES)
                .text("school_year", first.schoolYear())
                .text("pl_model", first.plModel())
                .text("funding_source", ALL_SOURCES)
                .num("amount_usd", Fmt.usd(amount))
                .num("tool_specific_amount_usd", Fmt.usd(tool))
                .num("sustained_amount_usd", Fmt.usd(sustained))
                .num("educators_reached", null, true)
                .num("educators_improved", null, true)
                .num("cost_per_improved", null, true);
    }
}
