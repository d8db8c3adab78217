package org.sea.pli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
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
        Map<YearSource, BigDecimal[]> sums = new TreeMap<>(YearSource.ORDER);
        for (FundingEfficiencyRow r : fundingEfficiency) {
            String year = r.schoolYear();
            BigDecimal a = zero(r.amountUsd());
            BigDecimal t = zero(r.toolSpecificAmountUsd());
            BigDecimal e = share.getOrDefault(year + "|" + r.leaId(), BigDecimal.ZERO);
            BigDecimal notE = BigDecimal.ONE.subtract(e);
            BigDecimal ev = a.multiply(e, MC);
            BigDecimal tool = t.multiply(notE, MC);
            YearSource key = new YearSource(String.valueOf(year), String.valueOf(r.fundingSource()));
            BigDecimal[] s = sums.computeIfAbsent(
                    key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(a);
            s[1] = s[1].add(t);
            s[2] = s[2].add(ev);
            s[3] = s[3].add(tool);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<YearSource, BigDecimal[]> en : sums.entrySet()) {
            YearSource k = en.getKey();
            BigDecimal[] s = en.getValue();
            parts.add(new Part(
                    k.year(),
                    k.source(),
                    s[0],
                    s[1],
                    s[2],
                    s[3],
                    s[0].subtract(s[2]).subtract(s[3])));
        }
        return parts;
    }

    /**
     * A part's key: by school year, then funding source in schema order. A record rather than a
     * joined string: the sums are looked up once a funding row (26,000 at state scale), and
     * splitting the string again at every comparison was most of the split's time.
     */
    private record YearSource(String year, String source) {
        static final Comparator<YearSource> ORDER =
                Comparator.comparing(YearSource::year).thenComparing(YearSource::source, ListingOrder.SOURCE);
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
