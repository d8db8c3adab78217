package org.sea.pli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts: JFreeChart drawn into JFreeSVG, returned as an inline {@code <svg>}
 * element. Output is deterministic: fixed sizes, no shadows or gradients, and JFreeSVG's defs
 * prefix (by default {@code "_" + System.nanoTime()}, used in every clip-path and gradient id) is
 * replaced by one derived from the chart's own id, so the same data gives the same bytes.
 */
final class Charts {

    static final int WIDTH = 880;

    /** Okabe–Ito colours: distinguishable with colour-vision deficiency and in greyscale print. */
    static final Color[] PALETTE = {
        new Color(0x999999),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        new Color(0x009E73),
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0xCC79A7)
    };

    private static final String FONT = "SansSerif";
    private static final Pattern SVG_ID = Pattern.compile("[a-z][a-z0-9-]*");

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {}

    /** One point of a mean-with-interval chart; {@code low}/{@code high} may be null (no interval). */
    record Interval(String series, String category, double mean, Double low, Double high) {}

    /**
     * Means with their 95% interval as whiskers, one colour per series. The interval marts give
     * is symmetric (mean ∓ 1.96·sd/√n, spec §5.3), so its half-width is drawn as the whisker.
     */
    /** The value axis of every practice-change chart (spec §4.2: followup mean − baseline mean). */
    static final String PRACTICE_CHANGE_AXIS = "practice change (rubric points, followup − baseline)";

    static String intervals(ChartStore store, String id, String title, String valueLabel, List<Interval> points) {
        return store.chart(
                Arrays.asList("intervals", id, title, valueLabel, points),
                () -> drawIntervals(id, title, valueLabel, points));
    }

    private static String drawIntervals(String id, String title, String valueLabel, List<Interval> points) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Interval p : points) {
            Double half = p.high() == null ? null : p.high() - p.mean();
            data.add((Number) p.mean(), (Number) half, p.series(), p.category());
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setErrorIndicatorStroke(new BasicStroke(2f));
        renderer.setUseSeriesOffset(true);
        renderer.setItemMargin(0.25);
        NumberAxis values = new NumberAxis(valueLabel);
        values.setStandardTickUnits(new RootTickUnits());
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0.0, Color.DARK_GRAY, new BasicStroke(1f)));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        int height = 120 + 44 * Math.max(1, data.getColumnCount());
        JFreeChart chart = chart(title, plot); // the theme resets series paints: set them after it
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[(i * 4 + 1) % PALETTE.length]);
        }
        return svg(id, chart, height);
    }

    /** A horizontal stacked bar per category; {@code asShares} scales each bar to 100%. */
    static String stacked(
            ChartStore store,
            String id,
            String title,
            String valueLabel,
            DefaultCategoryDataset data,
            boolean asShares,
            boolean dollars) {
        List<Object> inputs = new ArrayList<>(Arrays.asList("stacked", id, title, valueLabel, asShares, dollars));
        inputs.add(data.getRowKeys().stream().map(String::valueOf).toList());
        inputs.add(data.getColumnKeys().stream().map(String::valueOf).toList());
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                inputs.add(data.getValue(r, c));
            }
        }
        return store.chart(inputs, () -> drawStacked(id, title, valueLabel, data, asShares, dollars));
    }

    private static String drawStacked(
            String id,
            String title,
            String valueLabel,
            DefaultCategoryDataset data,
            boolean asShares,
            boolean dollars) {
        StackedBarRenderer renderer = new StackedBarRenderer(asShares);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMaximumBarWidth(0.12);
        NumberAxis axis = new NumberAxis(valueLabel);
        axis.setStandardTickUnits(new RootTickUnits());
        DecimalFormatSymbols root = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (asShares) {
            axis.setNumberFormatOverride(new DecimalFormat("0%", root));
            axis.setRange(0.0, 1.0);
        } else if (dollars) {
            axis.setNumberFormatOverride(new DecimalFormat("$#,##0", root));
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        CategoryPlot plot = new CategoryPlot(data, categories, axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        int height = 130 + 34 * Math.max(1, data.getColumnCount());
        JFreeChart chart = chart(title, plot); // the theme resets series paints: set them after it
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, seriesPaint(data.getRowCount(), i));
        }
        return svg(id, chart, height);
    }

    private static Paint seriesPaint(int series, int i) {
        // ladders run from "no evidence" (grey) to the strongest (dark blue); splits reuse the order
        if (series == 4) {
            return new Color[] {PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]}[i];
        }
        if (series == 3) {
            return new Color[] {PALETTE[3], PALETTE[1], PALETTE[0]}[i];
        }
        return PALETTE[i % PALETTE.length];
    }

    private static JFreeChart chart(String title, CategoryPlot plot) {
        JFreeChart chart = new JFreeChart(title, font(Font.BOLD, 15), plot, true);
        StandardChartTheme theme = new StandardChartTheme("pl-impact", false);
        theme.setExtraLargeFont(font(Font.BOLD, 15));
        theme.setLargeFont(font(Font.BOLD, 13));
        theme.setRegularFont(font(Font.PLAIN, 12));
        theme.setSmallFont(font(Font.PLAIN, 11));
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        theme.apply(chart);
        plot.setOutlineVisible(false);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        TextTitle t = chart.getTitle();
        t.setPosition(RectangleEdge.TOP);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** The charts' fonts (sizes 11, 12, 13 and 15, plain or bold): what {@link ChartStore} measures. */
    static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    private static String svg(String id, JFreeChart chart, int height) {
        if (!SVG_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad chart id " + id);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        g2.setDefsKeyPrefix(id + "-"); // the default embeds System.nanoTime()
        chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
        String svg = g2.getSVGElement(
                id, false, new ViewBox(0, 0, WIDTH, height), PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        // namespaces of features not used (images, JFreeSVG's own hints) are dropped: nothing to resolve
        if (!svg.contains("xlink:")) {
            svg = svg.replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "");
        }
        if (!svg.contains("jfreesvg:")) {
            svg = svg.replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
        }
        // accessible name for screen readers and for the printed page's outline
        Matcher open = Pattern.compile("<svg ").matcher(svg);
        return open.find()
                ? svg.substring(0, open.end()) + "role=\"img\" aria-label=\""
                        + Html.escape(chart.getTitle().getText()) + "\" class=\"chart\" " + svg.substring(open.end())
                : svg;
    }
}
