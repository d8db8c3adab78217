package org.sea.pli.generate;

import java.time.LocalDate;
import java.util.Locale;

/** Epoch-day arithmetic and cached ISO strings (dates are written millions of times). */
final class Dates {
    // every school year generate can write (SchoolYears.MAX of them, ending 2025-26) and a year after
    private static final int BASE = (int) LocalDate.of(2005, 1, 1).toEpochDay();
    private static final String[] ISO = new String[366 * 24];

    static {
        for (int i = 0; i < ISO.length; i++) {
            ISO[i] = LocalDate.ofEpochDay(BASE + i).toString();
        }
    }

    private Dates() {}

    static String iso(int epochDay) {
        int i = epochDay - BASE;
        return i >= 0 && i < ISO.length
                ? ISO[i]
                : LocalDate.ofEpochDay(epochDay).toString();
    }

    static int parse(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    /** July 1 of the school year starting in {@code startYear} (spec §2). */
    static int syFirst(int startYear) {
        return (int) LocalDate.of(startYear, 7, 1).toEpochDay();
    }

    /** June 30 ending the school year starting in {@code startYear} (spec §2). */
    static int syLast(int startYear) {
        return (int) LocalDate.of(startYear + 1, 6, 30).toEpochDay();
    }

    /** {@code YYYY-YY}, e.g. 2025 gives 2025-26. */
    static String schoolYear(int startYear) {
        return startYear + "-" + String.format(Locale.ROOT, "%02d", (startYear + 1) % 100);
    }

    /** Moves a Saturday to Friday and a Sunday to Monday (PL sessions happen on school days). */
    static int weekday(int d) {
        int dow = Math.floorMod(d + 3, 7); // 0 = Monday; 1970-01-01 was a Thursday
        if (dow == 5) {
            return d - 1;
        }
        if (dow == 6) {
            return d + 1;
        }
        return d;
    }

    static int clamp(int d, int lo, int hi) {
        return Math.max(lo, Math.min(hi, d));
    }
}
