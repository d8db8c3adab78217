package org.sea.pli.report;

import java.math.BigDecimal;
import org.sea.pli.mart.FundingEfficiencyMart;
import org.sea.pli.parquet.MartRecord;

/** PL dollars of one LEA-year by funding source (funding_efficiency, spec §5.4), as the funding split reads them. */
record FundingEfficiencyRow(
        String schoolYear, String leaId, String fundingSource, BigDecimal amountUsd, BigDecimal toolSpecificAmountUsd)
        implements ReportMarts.YearRow {

    static final String MART = FundingEfficiencyMart.NAME;

    static FundingEfficiencyRow from(MartRecord r) {
        return new FundingEfficiencyRow(
                r.string("school_year"),
                r.string("lea_id"),
                r.string("funding_source"),
                r.decimal("amount_usd"),
                r.decimal("tool_specific_amount_usd"));
    }
}
