package org.sea.pli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** Number formatting for the pages: fixed locale (Locale.ROOT), so output never depends on the machine. */
final class Fmt {

    static final String SUPPRESSED = "suppressed";
    static final String NONE = "–";

    private Fmt() {}

    static String count(Number n) {
        return n == null ? NONE : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    static String dec(Double d, int places) {
        return d == null || d.isNaN() ? NONE : String.format(Locale.ROOT, "%." + places + "f", d);
    }

    static String pct(Double d) {
        return d == null || d.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    static String usd(BigDecimal v) {
        return v == null
                ? NONE
                : "$"
                        + String.format(
                                Locale.ROOT,
                                "%,d",
                                v.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
    }

    static String usd(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? NONE : usd(BigDecimal.valueOf(d));
    }

    /** Counts by reason as {@code reason: n, reason: n} in map order; null for none. */
    static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return sb.toString();
    }

    /** A count the mart may leave null, as zero for sums. */
    static long nz(Number v) {
        return v == null ? 0 : v.longValue();
    }
}
