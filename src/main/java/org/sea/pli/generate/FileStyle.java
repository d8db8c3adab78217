package org.sea.pli.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How an LEA's system writes a file: column order, header spelling, encoding and framing. */
final class FileStyle {
    /** 0 spec order, 1 school_year first, 2 reversed, 3 rotated by one (spec §1: column order is free). */
    int orderVariant;
    /** Column left out (missing_column, spec §3.2), or null. */
    String dropColumn;

    String[] extraColumns = new String[0];
    boolean fancyHeader;
    boolean crlf;
    boolean bom;
    boolean gzip;
    Charset charset = StandardCharsets.UTF_8;

    int[] order(Extract x) {
        int n = x.columns.length;
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = switch (orderVariant) {
                case 2 -> n - 1 - i;
                case 3 -> (i + 1) % n;
                default -> i;
            };
        }
        if (orderVariant == 1) {
            int sy = x.col("school_year");
            System.arraycopy(o, 0, o, 1, sy);
            o[0] = sy;
        }
        if (dropColumn == null) {
            return o;
        }
        int drop = x.col(dropColumn);
        int[] d = new int[n - 1];
        int k = 0;
        for (int c : o) {
            if (c != drop) {
                d[k++] = c;
            }
        }
        return d;
    }

    /** Header cell; the fancy style is what a hand-edited spreadsheet gives (spec §1: case-insensitive, trimmed). */
    String header(String column) {
        if (!fancyHeader) {
            return column;
        }
        StringBuilder b = new StringBuilder(" ");
        boolean up = true;
        for (String part : column.split("_")) {
            if (b.length() > 1) {
                b.append('_');
            }
            b.append(part.equals("id") ? "ID" : up ? Character.toUpperCase(part.charAt(0)) + part.substring(1) : part);
        }
        return b.append(' ').toString();
    }
}
