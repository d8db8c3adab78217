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

    /*
     * The numbers are written without String.format (its format parsing was a third of an
     * LEA page's drawing at state scale), to exactly the strings it gave with Locale.ROOT — "%,d"
     * and "%.Nf" (half-up on the shortest decimal form of the double, the sign kept) — which
     * FmtTest checks against String.format itself.
     */

    static String count(Number n) {
        return n == null ? NONE : grouped(Long.toString(n.longValue()));
    }

    static String dec(Double d, int places) {
        if (d == null || d.isNaN()) {
            return NONE;
        }
        if (d.isInfinite()) {
            return String.format(Locale.ROOT, "%." + places + "f", d); // never in a mart; kept as it was
        }
        String shortest = Double.toString(Math.abs(d));
        String magnitude = shortest.indexOf('E') < 0
                ? halfUp(shortest, places)
                : new BigDecimal(shortest)
                        .setScale(places, RoundingMode.HALF_UP)
                        .toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0); // -0.0 too, and what rounds to zero
        return negative ? "-" + magnitude : magnitude;
    }

    /**
     * {@code plain} (digits, a point, digits: Double.toString without an exponent) rounded half-up
     * to {@code places} decimals on its digits, as {@code BigDecimal.setScale(places, HALF_UP)}
     * and {@code toPlainString()} give it, without building the BigDecimal (most of an LEA page's
     * numbers are drawn here).
     */
    private static String halfUp(String plain, int places) {
        int point = plain.indexOf('.');
        int end = point + 1 + places; // the first digit dropped
        if (end >= plain.length()) {
            StringBuilder padded = new StringBuilder(end).append(plain);
            while (padded.length() < end) {
                padded.append('0');
            }
            return places == 0 ? plain.substring(0, point) : padded.toString();
        }
        char[] kept = new char[end - 1];
        plain.getChars(0, point, kept, 0);
        plain.getChars(point + 1, end, kept, point);
        boolean carry = plain.charAt(end) >= '5';
        for (int i = kept.length - 1; carry && i >= 0; i--) {
            carry = kept[i] == '9';
            kept[i] = carry ? '0' : (char) (kept[i] + 1);
        }
        StringBuilder text = new StringBuilder(kept.length + 2);
        if (carry) {
            text.append('1');
        }
        text.append(kept, 0, kept.length - places);
        if (places > 0) {
            text.append('.').append(kept, kept.length - places, places);
        }
        return text.toString();
    }

    static String pct(Double d) {
        return d == null || d.isNaN() ? NONE : dec(d * 100, 1) + "%";
    }

    static String usd(BigDecimal v) {
        return v == null ? NONE : "$" + grouped(wholeDollars(v.setScale(0, RoundingMode.HALF_EVEN)));
    }

    static String usd(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? NONE : usd(BigDecimal.valueOf(d));
    }

    /** A whole number's digits, through long arithmetic when it fits in one. */
    private static String wholeDollars(BigDecimal whole) {
        return whole.precision() < 19
                ? Long.toString(whole.longValue())
                : whole.toBigIntegerExact().toString();
    }

    /** An integer's digits with ',' between groups of three ("%,d" in Locale.ROOT). */
    private static String grouped(String integer) {
        int first = integer.startsWith("-") ? 1 : 0;
        int digits = integer.length() - first;
        if (digits <= 3) {
            return integer;
        }
        StringBuilder sb = new StringBuilder(integer.length() + digits / 3);
        sb.append(integer, 0, first);
        int lead = digits % 3 == 0 ? 3 : digits % 3;
        sb.append(integer, first, first + lead);
        for (int i = first + lead; i < integer.length(); i += 3) {
            sb.append(',').append(integer, i, i + 3);
        }
        return sb.toString();
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
