package org.sea.pli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a page, already formatted: every row carries a {@code data-key} and every cell the
 * mart column it shows ({@code data-col}), so a reader (or a test) can match the page against the
 * marts. Getters are JavaBean style for the template engine.
 */
public final class ReportTable {

    /** One column heading: the label and a plain-words explanation (shown as a tooltip). */
    public record Header(String label, String title) {
        public String getLabel() {
            return label;
        }

        public String getTitle() {
            return title;
        }
    }

    /** One cell; {@code cls} is a CSS class ({@code num}, {@code sup}, …), {@code href} a relative link or null. */
    public record Cell(String col, String text, String cls, String href) {
        public String getCol() {
            return col;
        }

        public String getText() {
            return text;
        }

        public String getCls() {
            return cls;
        }

        public String getHref() {
            return href;
        }
    }

    public record Row(String key, List<Cell> cells) {
        public String getKey() {
            return key;
        }

        public List<Cell> getCells() {
            return cells;
        }
    }

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

    public String getId() {
        return id;
    }

    public String getCaption() {
        return caption;
    }

    public List<Header> getHeaders() {
        return headers;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
