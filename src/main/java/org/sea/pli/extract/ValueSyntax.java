package org.sea.pli.extract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The lexical forms of spec §2's column types, checked without regular expressions or exceptions
 * on the hot path (every field of every row passes here): ids, ISO dates, decimal literals and the
 * non-finite tokens that parse as numbers but are never in range.
 */
final class ValueSyntax {

    private ValueSyntax() {}

    static boolean isId(String v) {
        if (v.length() > 64) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z')
                    || (ch >= 'A' && ch <= 'Z')
                    || (ch >= '0' && ch <= '9')
                    || ch == '.'
                    || ch == '_'
                    || ch == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** ISO {@code YYYY-MM-DD} as epoch day, or {@link Long#MIN_VALUE}. */
    static long parseDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int y = digits(v, 0, 4);
        int m = digits(v, 5, 7);
        int d = digits(v, 8, 10);
        if (y < 0 || m < 0 || d < 0) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    static boolean isNonFinite(String v) {
        // each token's first letter after its sign is n or i: a number's is a digit, a sign or a point
        int first = v.startsWith("-") ? 1 : 0;
        char c = first < v.length() ? v.charAt(first) : '0';
        if (c != 'n' && c != 'N' && c != 'i' && c != 'I') {
            return false;
        }
        return v.equalsIgnoreCase("nan")
                || v.equalsIgnoreCase("infinity")
                || v.equalsIgnoreCase("-infinity")
                || v.equalsIgnoreCase("inf")
                || v.equalsIgnoreCase("-inf");
    }

    /**
     * The value of a decimal literal without an exponent and with at most 18 digits, exactly as
     * {@code new BigDecimal(v)} gives it (the same unscaled value and scale), without that
     * constructor's detour through a char array; null for any other form, which the caller checks
     * with {@link #isNonFinite} and {@link #isDecimalLiteral} and parses with the constructor (a
     * value this accepts is a decimal literal). Amounts and scores are almost all of this form.
     */
    static BigDecimal plainDecimal(String v) {
        int n = v.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            negative = v.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1; // digits after the point; -1 before it
        for (; i < n; i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (++digits > 18) {
                    return null;
                }
                unscaled = unscaled * 10 + (ch - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (ch == '.' && scale < 0) {
                scale = 0;
            } else {
                return null; // an exponent, or not a literal at all
            }
        }
        if (digits == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?} — no separators. */
    static boolean isDecimalLiteral(String v) {
        int i = 0;
        int n = v.length();
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
            mantissaDigits++;
        }
        if (i < n && v.charAt(i) == '.') {
            i++;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }
}
