package org.sea.pli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PL dollars of each funding source split into three parts that add up to its dollars:
 * <ol>
 * <li><b>backed by evidence of instructional change</b>,</li>
 * <li><b>tool-specific training</b> not so backed,</li>
 * <li><b>the rest</b>.</li>
 * </ol>
 * What the marts know exactly: per (LEA, year, source, model) the dollars A and the tool-specific
 * dollars T ({@code funding_efficiency}); per (LEA, year) all dollars D and the dollars of
 * activities with at least one practice change E ({@code evidence_coverage}). Which source paid
 * for the evidence-backed activities is not in any mart, so E is spread over the LEA-year's
 * funding rows in proportion to their dollars, at the LEA's share e = E / D:
 * evidence = A·e, tool-specific = T·(1 − e), rest = (A − T)·(1 − e). Summed over an LEA-year the
 * evidence part is exactly E; tool-specific plus its evidence-backed part is exactly T.
 */
final class FundingSplit {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** One funding source in one school year: exact totals and the three allocated parts. */
    record Part(
            String schoolYear,
            String source,
            BigDecimal amount,
            BigDecimal toolSpecific,
            BigDecimal evidence,
            BigDecimal toolNoEvidence,
            BigDecimal rest) {}

    private FundingSplit() {}

    static List<Part> compute(
            List<FundingEfficiencyRow> fundingEfficiency, List<EvidenceCoverageRow> evidenceCoverage) {
        Map<String, BigDecimal> share = new HashMap<>();
        for (EvidenceCoverageRow r : evidenceCoverage) {
            BigDecimal d = r.plDollars();
            BigDecimal e = r.plDollarsWithChangeEvidence();
            share.put(
                    r.schoolYear() + "|" + r.leaId(),
                    d == null || e == null || d.signum() == 0 ? BigDecimal.ZERO : e.divide(d, MC));
        }
        Map<String, BigDecimal[]> sums = new TreeMap<>(ListingOrder.YEAR_SOURCE);
        for (FundingEfficiencyRow r : fundingEfficiency) {
            String year = r.schoolYear();
            BigDecimal a = zero(r.amountUsd());
            BigDecimal t = zero(r.toolSpecificAmountUsd());
            BigDecimal e = share.getOrDefault(year + "|" + r.leaId(), BigDecimal.ZERO);
            BigDecimal notE = BigDecimal.ONE.subtract(e);
            BigDecimal ev = a.multiply(e, MC);
            BigDecimal tool = t.multiply(notE, MC);
            BigDecimal[] s = sums.computeIfAbsent(year + "|" + r.fundingSource(), k ->
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(a);
            s[1] = s[1].add(t);
            s[2] = s[2].add(ev);
            s[3] = s[3].add(tool);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> en : sums.entrySet()) {
            String[] k = en.getKey().split("\\|", 2);
            BigDecimal[] s = en.getValue();
            parts.add(new Part(
                    k[0], k[1], s[0], s[1], s[2], s[3], s[0].subtract(s[2]).subtract(s[3])));
        }
        return parts;
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
