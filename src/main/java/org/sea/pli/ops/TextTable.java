package org.sea.pli.ops;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, left-aligned first column, the others right-aligned. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] instanceof Long || cells[i] instanceof Integer
                    ? String.format(java.util.Locale.ROOT, "%,d", ((Number) cells[i]).longValue())
                    : String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    List<String> lines(String indent) {
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
                if (i == 0) {
                    b.append(String.format("%-" + width[i] + "s", r[i]));
                } else {
                    b.append("  ").append(String.format("%" + width[i] + "s", r[i]));
                }
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }
}
