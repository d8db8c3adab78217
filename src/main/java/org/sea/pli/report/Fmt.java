package org.sea.pli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for the pages: fixed locale (Locale.ROOT), so output never depends on the machine. */
final class Fmt {

    static final String SUPPRESSED = "suppressed";
    static final String NONE = "–";

    private Fmt() {
    }

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
        return v == null ? NONE : "$" + String.format(Locale.ROOT, "%,d", v.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
    }

    static String usd(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? NONE : usd(BigDecimal.valueOf(d));
    }
}
