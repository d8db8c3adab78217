package org.sea.pli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a page, already formatted: every row carries a {@code data-key} and every cell the
 * mart column it shows ({@code data-col}), so a reader (or a test) can match the page against the
 * marts. The template engine reads {@link #getHtml} and {@link #isEmpty} as bean properties.
 *
 * <p>The table's markup is written here ({@link #getHtml}), not by a template fragment: at about
 * seven expressions a cell, the fragment was most of the report's time at state scale. The markup is byte for byte what the fragment gave, with the template
 * engine's own escaping (a test renders both and compares).
 */
public final class ReportTable {

    /** One column heading: the label and a plain-words explanation (shown as a tooltip). */
    public record Header(String label, String title) {}

    /** One cell; {@code cls} is a CSS class ({@code num}, {@code sup}, …), {@code href} a relative link or null. */
    public record Cell(String col, String text, String cls, String href) {}

    public record Row(String key, List<Cell> cells) {}

    private final String id;
    private final String caption;
    private final List<Header> headers = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private List<Cell> current;

    ReportTable(String id, String caption) {
        this.id = id;
        this.caption = caption;
    }

    ReportTable header(String label, String title) {
        headers.add(new Header(label, title));
        return this;
    }

    ReportTable row(String key) {
        current = new ArrayList<>();
        rows.add(new Row(key, current));
        return this;
    }

    ReportTable text(String col, String text) {
        current.add(new Cell(col, text == null ? Fmt.NONE : text, null, null));
        return this;
    }

    ReportTable link(String col, String text, String href) {
        current.add(new Cell(col, text, null, href));
        return this;
    }

    /** The {@code lea_id} cell: the LEA's id, linked to its page when it has one. */
    ReportTable lea(String lea) {
        return Report.hasPage(lea) ? link("lea_id", lea, Report.leaPage(lea)) : text("lea_id", lea);
    }

    /** A text cell with a CSS class (a status shown in colour as well as in words). */
    ReportTable cell(String col, String text, String cls) {
        current.add(new Cell(col, text == null ? Fmt.NONE : text, cls, null));
        return this;
    }

    /** A number; {@code suppressed} shows the word "suppressed" and no number at all. */
    ReportTable num(String col, String text, boolean suppressed) {
        current.add(suppressed ? new Cell(col, Fmt.SUPPRESSED, "sup", null) : new Cell(col, text, "num", null));
        return this;
    }

    ReportTable num(String col, String text) {
        return num(col, text, false);
    }

    String id() {
        return id;
    }

    String caption() {
        return caption;
    }

    List<Header> headers() {
        return List.copyOf(headers);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The table as HTML: {@code <table id>}, caption, one heading row ({@code title} tooltips), one
     * {@code <tr data-key>} per row with a {@code <td data-col>} per cell ({@code class} when set,
     * a link when the cell has one); every text and attribute escaped.
     */
    public String getHtml() {
        StringBuilder html = new StringBuilder(256 + rows.size() * 64 * Math.max(1, headers.size()));
        html.append("<table").append(attribute("id", id)).append(">\n");
        html.append("  <caption>").append(escape(caption)).append("</caption>\n");
        html.append("  <thead>\n    <tr>");
        for (Header h : headers) {
            html.append("<th").append(attribute("title", h.title())).append(" scope=\"col\">");
            html.append(escape(h.label())).append("</th>");
        }
        html.append("</tr>\n  </thead>\n  <tbody>\n    ");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (r > 0) {
                html.append("\n    ");
            }
            html.append("<tr").append(attribute("data-key", row.key())).append(">\n      ");
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                if (c > 0) {
                    html.append("\n      ");
                }
                html.append("<td").append(attribute("class", cell.cls()));
                html.append(attribute("data-col", cell.col())).append(">");
                if (cell.href() != null) {
                    html.append("<a").append(attribute("href", cell.href())).append(">");
                    html.append(escape(cell.text())).append("</a>");
                } else {
                    html.append(escape(cell.text()));
                }
                html.append("</td>");
            }
            html.append("\n    </tr>");
        }
        html.append("\n  </tbody>\n</table>");
        return html.toString();
    }

    /** {@code  name="value"}, or nothing when the value is null or empty (as the template engine left it out). */
    private static String attribute(String name, String value) {
        return value == null || value.isEmpty() ? "" : " " + name + "=\"" + escape(value) + "\"";
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
