package org.sea.pli.extract;

import java.time.LocalDate;
import java.util.Locale;

/**
 * School years of docs/spec.md §2: {@code YYYY-YY}, running July 1 of YYYY to June 30 of YYYY+1.
 * Held as the first calendar year so they sort and compare as ints.
 */
public final class SchoolYear {

    private SchoolYear() {}

    /** The first calendar year of a well-formed school year, or -1. */
    public static int parse(String text) {
        if (text == null || text.length() != 7 || text.charAt(4) != '-') {
            return -1;
        }
        int start = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            start = start * 10 + (c - '0');
        }
        char a = text.charAt(5);
        char b = text.charAt(6);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0') == (start + 1) % 100 ? start : -1;
    }

    /** The school year containing a date (the as-of date's own year, §5.11). */
    public static int containing(LocalDate date) {
        return date.getMonthValue() >= 7 ? date.getYear() : date.getYear() - 1;
    }

    public static String format(int start) {
        return String.format(Locale.ROOT, "%04d-%02d", start, (start + 1) % 100);
    }

    public static long firstDay(int start) {
        return LocalDate.of(start, 7, 1).toEpochDay();
    }

    public static long lastDay(int start) {
        return LocalDate.of(start + 1, 6, 30).toEpochDay();
    }
}
