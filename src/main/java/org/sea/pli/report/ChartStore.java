package org.sea.pli.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.sea.pli.storage.Sha256;

/**
 * The report's charts as an earlier run drew them, by a key over everything a chart is drawn from
 * (docs/spec.md §6.1): its kind, id, title, axis label, options and every value in order. Drawing
 * a chart is a pure function of those, of pl-impact's version and of the fonts and JDK that measure
 * its text; the store is only used when all of them are this run's, so a kept chart is the bytes
 * this run would draw. Most charts of a night (the state page's ladders of 200 LEAs, the years
 * nothing changed) are the night before's. The store holds what the published report shows and
 * nothing else. Collects this run's charts, kept or drawn, for the next run.
 */
public final class ChartStore {

    /** Raised whenever the file's layout or what the keys cover changes. */
    static final int FORMAT = 1;

    private static final String MAGIC = "pl-impact charts";

    private final Map<String, String> earlier;
    private final Map<String, String> used = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicInteger drawn = new AtomicInteger();

    private ChartStore(Map<String, String> earlier) {
        this.earlier = earlier;
    }

    /** Nothing kept: every chart is drawn. */
    public static ChartStore none() {
        return new ChartStore(Map.of());
    }

    /**
     * The earlier run's charts written by {@link #write} under {@code version}, or none when the
     * file is of another format, pl-impact version, JDK or fonts.
     *
     * @throws IOException when the file is unreadable or torn
     */
    public static ChartStore read(InputStream file, String version) throws IOException {
        DataInputStream in = new DataInputStream(file);
        if (!MAGIC.equals(in.readUTF())
                || in.readInt() != FORMAT
                || !version.equals(in.readUTF())
                || !Rendering.FINGERPRINT.equals(in.readUTF())) {
            return none();
        }
        int count = in.readInt();
        Map<String, String> charts = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            byte[] svg = new byte[in.readInt()];
            in.readFully(svg);
            charts.put(key, new String(svg, StandardCharsets.UTF_8));
        }
        if (!"end".equals(in.readUTF())) {
            throw new IOException("no end mark after " + count + " charts");
        }
        return new ChartStore(charts);
    }

    /** This run's charts, kept or drawn, for the next run; in key order, so the same charts give the same bytes. */
    public void write(OutputStream file, String version) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(version);
        out.writeUTF(Rendering.FINGERPRINT);
        Map<String, String> sorted = new TreeMap<>(used);
        out.writeInt(sorted.size());
        for (Map.Entry<String, String> c : sorted.entrySet()) {
            byte[] svg = c.getValue().getBytes(StandardCharsets.UTF_8);
            out.writeUTF(c.getKey());
            out.writeInt(svg.length);
            out.write(svg);
        }
        out.writeUTF("end");
        out.flush();
    }

    /**
     * Loads and measures the charts' fonts on the calling thread (once per JVM): what their text
     * is laid out with, and what the store's fingerprint records.
     */
    static void resolveFonts() {
        Objects.requireNonNull(Rendering.FINGERPRINT); // initializing its holder measures them
    }

    /** Charts this run took from the store. */
    public int kept() {
        return kept.get();
    }

    /** Charts this run drew. */
    public int drawn() {
        return drawn.get();
    }

    /** The chart drawn from {@code inputs}: the earlier run's when it drew the same, else {@code draw}'s. */
    String chart(List<?> inputs, Supplier<String> draw) {
        String key = KeptSections.digest(inputs);
        String svg = earlier.get(key);
        if (svg != null) {
            kept.incrementAndGet();
        } else {
            svg = draw.get();
            drawn.incrementAndGet();
        }
        used.put(key, svg);
        return svg;
    }

    /**
     * What besides the inputs decides a chart's bytes: the JDK that lays it out and the widths its
     * fonts give the text (a font package updated between two nights moves every label).
     */
    private static final class Rendering {
        static final String FINGERPRINT = fingerprint();

        private static String fingerprint() {
            StringBuilder s = new StringBuilder()
                    .append(System.getProperty("java.vendor"))
                    .append(' ')
                    .append(System.getProperty("java.runtime.version"));
            FontRenderContext measure = new FontRenderContext(null, true, true);
            for (int size : new int[] {11, 12, 13, 15}) {
                for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                    Font font = Charts.font(style, size);
                    s.append(';')
                            .append(font.getFontName())
                            .append(' ')
                            .append(font.getStringBounds("Evidence ladder 0123456789 $%: AWgjy", measure)
                                    .getWidth());
                }
            }
            return Sha256.of(s.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
