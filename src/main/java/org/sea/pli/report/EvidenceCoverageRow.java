package org.sea.pli.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.sea.pli.mart.EvidenceCoverageMart;
import org.sea.pli.parquet.MartRecord;

/**
 * One LEA-year of evidence_coverage (spec §5.5): educator units at each level of the ladder
 * ({@code units}, in {@link LadderSection#LEVELS} order, null where the mart has none) and the dollars
 * with change evidence.
 */
record EvidenceCoverageRow(
        String schoolYear,
        String leaId,
        List<Integer> units,
        BigDecimal plDollars,
        BigDecimal plDollarsWithChangeEvidence,
        Double changeEvidenceDollarShare)
        implements ReportMarts.YearRow {

    static final String MART = EvidenceCoverageMart.NAME;

    static EvidenceCoverageRow from(MartRecord r) {
        Integer[] units = new Integer[LadderSection.LEVELS.size()];
        for (int i = 0; i < units.length; i++) {
            units[i] = r.int32(LadderSection.LEVELS.get(i));
        }
        return new EvidenceCoverageRow(
                r.string("school_year"),
                r.string("lea_id"),
                Collections.unmodifiableList(Arrays.asList(units)),
                r.decimal("pl_dollars"),
                r.decimal("pl_dollars_with_change_evidence"),
                r.float64("change_evidence_dollar_share"));
    }
}
