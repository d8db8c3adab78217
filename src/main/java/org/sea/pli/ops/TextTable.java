package org.sea.pli.ops;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: a header row, left-aligned first column, the others right-aligned unless
 * {@link #leftAligned} says otherwise.
 */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final BitSet left = new BitSet();

    public TextTable(String... header) {
        rows.add(header);
        left.set(0);
    }

    /** Text columns read better left-aligned. */
    public TextTable leftAligned(int... columns) {
        for (int c : columns) {
            left.set(c);
        }
        return this;
    }

    public TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] instanceof Long || cells[i] instanceof Integer
                    ? String.format(java.util.Locale.ROOT, "%,d", ((Number) cells[i]).longValue())
                    : String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    public List<String> lines(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                b.append(i == 0 ? "" : "  ")
                        .append(String.format(Locale.ROOT, "%" + (left.get(i) ? "-" : "") + width[i] + "s", r[i]));
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }
}
