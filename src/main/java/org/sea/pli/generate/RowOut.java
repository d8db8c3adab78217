package org.sea.pli.generate;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Streams one extract file: RFC 4180 quoting only where needed, the LEA's column order, optional
 * BOM / CRLF / gzip / extra or missing columns, and planted bad rows after every {@value #DEFECT_EVERY}
 * good rows (so a normal file never nears the 5% reject rate of spec §3.2).
 */
final class RowOut implements Closeable {
    static final int DEFECT_EVERY = 20;

    private final Writer w;
    private final Extract x;
    private final int[] order;
    private final String eol;
    private final String[] extraColumns;
    private final ArrayDeque<Defect> defects;
    private final List<String> placed;
    private final String label;
    private final StringBuilder sb = new StringBuilder(256);
    /** Write "N/A" into an item of every 8th satisfaction row (reject_rate_exceeded file). */
    boolean naItems;
    /** Stop after this many good rows (negative: no limit). */
    long maxRows = -1;

    long rows;
    long good;

    RowOut(Path file, Extract x, FileStyle style, ArrayDeque<Defect> defects, List<String> placed, String label)
            throws IOException {
        this.x = x;
        this.order = style.order(x);
        this.eol = style.crlf ? "\r\n" : "\n";
        this.extraColumns = style.extraColumns;
        this.defects = defects;
        this.placed = placed;
        this.label = label;
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (style.gzip) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        Charset cs = style.charset;
        this.w = new BufferedWriter(new OutputStreamWriter(os, cs), 1 << 16);
        if (style.bom) {
            w.write('\uFEFF');
        }
        sb.setLength(0);
        for (int i = 0; i < order.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(style.header(x.columns[order[i]]));
        }
        for (String c : extraColumns) {
            sb.append(',').append(c);
        }
        sb.append(eol);
        w.append(sb);
    }

    boolean full() {
        return maxRows >= 0 && good >= maxRows;
    }

    /** Writes a good row given in canonical column order (the array may be reused by the caller). */
    void row(String... f) throws IOException {
        if (full()) {
            return;
        }
        if (naItems && rows % 8 == 3) {
            String[] c = f.clone();
            c[x.col("quality")] = "N/A";
            write(c, false);
            rows++;
            return;
        }
        write(f, false);
        rows++;
        good++;
        if (defects != null && !defects.isEmpty() && good % DEFECT_EVERY == 0) {
            Defect d = defects.poll();
            String[] c = f.clone();
            d.mutate(c);
            write(c, d.extraField());
            rows++;
            placed.add(label + " " + d + " " + d.reason);
        }
    }

    private void write(String[] f, boolean extraField) throws IOException {
        sb.setLength(0);
        for (int i = 0; i < order.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            field(f[order[i]]);
        }
        for (int i = 0; i < extraColumns.length; i++) {
            sb.append(',');
            field(extraValue(i));
        }
        if (extraField) {
            sb.append(",see attached");
        }
        sb.append(eol);
        w.append(sb);
    }

    private String extraValue(int i) {
        long k = rows * 0x9E3779B97F4A7C15L + i;
        int b = (int) ((k >>> 40) % 23);
        return b == 0 ? "make-up session" : b == 1 ? "virtual, via Zoom" : "";
    }

    private void field(String v) {
        boolean quote = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    @Override
    public void close() throws IOException {
        w.close();
    }
}
