package org.sea.pli.report;

import java.math.BigDecimal;
import org.sea.pli.mart.FundingEfficiencyMart;
import org.sea.pli.parquet.MartRecord;

/**
 * One funding_efficiency row (docs/spec.md §5.4): PL dollars of an LEA-year by funding source and
 * model, and what they reached unless withheld (§5.12).
 */
record FundingEfficiencyRow(
        String schoolYear,
        String leaId,
        String fundingSource,
        String plModel,
        BigDecimal amountUsd,
        BigDecimal toolSpecificAmountUsd,
        BigDecimal sustainedAmountUsd,
        Double educatorsReached,
        Double educatorsImproved,
        Double costPerImproved,
        boolean suppressed)
        implements ReportMarts.YearRow {

    static final String MART = FundingEfficiencyMart.NAME;

    static FundingEfficiencyRow from(MartRecord r) {
        return new FundingEfficiencyRow(
                r.string("school_year"),
                r.string("lea_id"),
                r.string("funding_source"),
                r.string("pl_model"),
                r.decimal("amount_usd"),
                r.decimal("tool_specific_amount_usd"),
                r.decimal("sustained_amount_usd"),
                r.float64("educators_reached"),
                r.float64("educators_improved"),
                r.float64("cost_per_improved"),
                Boolean.TRUE.equals(r.bool("suppressed")));
    }
}
