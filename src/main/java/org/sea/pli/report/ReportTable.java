package org.sea.pli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a page, already formatted: every row carries a {@code data-key} and every cell the
 * mart column it shows ({@code data-col}), so a reader (or a test) can match the page against the
 * marts. The template engine reads {@link #getParts} and {@link #isEmpty} as bean properties.
 *
 * <p>The table's markup is written here ({@link #getHtml}, {@link #getParts}), not by a template fragment: at about
 * seven expressions a cell, the fragment was most of the report's time at state scale. The markup is byte for byte what the fragment gave, with the template
 * engine's own escaping (a test renders both and compares).
 */
public final class ReportTable {

    /** One column heading: the label and a plain-words explanation (shown as a tooltip). */
    public record Header(String label, String title) {}

    /** One cell; {@code cls} is a CSS class ({@code num}, {@code sup}, …), {@code href} a relative link or null. */
    public record Cell(String col, String text, String cls, String href) {}

    public record Row(String key, List<Cell> cells) {}

    /** The length after which {@link #getParts} starts a new part (at a row's start). */
    static final int PART_CHARS = 32 * 1024;

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
        return String.join("", getParts());
    }

    /**
     * {@link #getHtml} in consecutive parts of about {@value #PART_CHARS} characters, which the
     * template writes one after the other. A table of an LEA page runs to a megabyte: built as one
     * string, it was copied at each doubling of its buffer and again when a dash turned it into
     * two bytes a character, each copy a region of its own in the heap; a part is written and gone.
     */
    public List<String> getParts() {
        List<String> parts = new ArrayList<>();
        StringBuilder html = new StringBuilder(PART_CHARS + PART_CHARS / 4);
        html.append("<table");
        attribute(html, "id", id);
        html.append(">\n  <caption>");
        Html.escapeTo(html, caption);
        html.append("</caption>\n  <thead>\n    <tr>");
        for (Header h : headers) {
            html.append("<th");
            attribute(html, "title", h.title());
            html.append(" scope=\"col\">");
            Html.escapeTo(html, h.label());
            html.append("</th>");
        }
        html.append("</tr>\n  </thead>\n  <tbody>\n    ");
        for (int r = 0; r < rows.size(); r++) {
            if (html.length() >= PART_CHARS) {
                parts.add(html.toString());
                html.setLength(0);
            }
            Row row = rows.get(r);
            if (r > 0) {
                html.append("\n    ");
            }
            html.append("<tr");
            attribute(html, "data-key", row.key());
            html.append(">\n      ");
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                if (c > 0) {
                    html.append("\n      ");
                }
                html.append("<td");
                attribute(html, "class", cell.cls());
                attribute(html, "data-col", cell.col());
                html.append(">");
                if (cell.href() != null) {
                    html.append("<a");
                    attribute(html, "href", cell.href());
                    html.append(">");
                    Html.escapeTo(html, cell.text());
                    html.append("</a>");
                } else {
                    Html.escapeTo(html, cell.text());
                }
                html.append("</td>");
            }
            html.append("\n    </tr>");
        }
        html.append("\n  </tbody>\n</table>");
        parts.add(html.toString());
        return parts;
    }

    /** {@code  name="value"}, or nothing when the value is null or empty (as the template engine left it out). */
    private static void attribute(StringBuilder html, String name, String value) {
        if (value != null && !value.isEmpty()) {
            html.append(' ').append(name).append("=\"");
            Html.escapeTo(html, value);
            html.append('"');
        }
    }
}
