package org.sea.pli.extract;

import java.util.regex.Pattern;

/**
 * Quarantine fields as LEAs can open them in a spreadsheet (docs/spec.md §3.1): a field that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return runs as a formula
 * (CSV injection), so unless it is a plain number it gets a leading apostrophe and shows as text.
 * Only the quarantine copy changes; the inbox, the archive, keeps the bytes as sent.
 */
public final class SpreadsheetSafe {

    /** {@code -3}, {@code +12.5}, {@code -1.2e3}: the numbers a spreadsheet reads as numbers, not formulas. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetSafe() {}

    public static String field(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        boolean formulaStart = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formulaStart && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}
