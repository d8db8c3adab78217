package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * {@link ReportTable#getHtml} writes the table markup the report's template fragment used to
 * write (the fragment was most of the report's time). The old fragment is kept verbatim
 * in {@code src/test/resources/templates/report-table/fragment.html}; both render the same tables,
 * with every kind of cell and every character the escaping must handle, and must agree byte for byte.
 */
class ReportTableTest {

    /** The table the old fragment drew, through the template engine the report uses. */
    private static String throughTheOldFragment(ReportTable table) throws IOException {
        String fragment;
        try (InputStream in = ReportTableTest.class.getResourceAsStream("/templates/report-table/fragment.html")) {
            fragment = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        Context context = new Context(Locale.ROOT);
        context.setVariable("t", asBeans(table));
        // the fragment's own parameter is set as a variable: the same expressions, evaluated on the same table
        return engine.process(fragment.replace(" th:fragment=\"table(t)\"", ""), context);
    }

    /** The table as the property maps the old fragment's expressions read ({@code t.id}, {@code h.label}, …). */
    private static Map<String, Object> asBeans(ReportTable table) {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (ReportTable.Header h : table.headers()) {
            headers.add(map("label", h.label(), "title", h.title()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportTable.Row r : table.rows()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (ReportTable.Cell c : r.cells()) {
                cells.add(map("col", c.col(), "text", c.text(), "cls", c.cls(), "href", c.href()));
            }
            rows.add(map("key", r.key(), "cells", cells));
        }
        return map("id", table.id(), "caption", table.caption(), "headers", headers, "rows", rows);
    }

    /** A map that takes null values, as the table's fields may be. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static ReportTable everyKindOfCell() {
        return new ReportTable("files", "Your files <in> this run & \"its\" 'marts' – §3")
                .header("file", null)
                .header("status", "in_force, \"superseded\" & <rejected> 'stale'")
                .header("rows", "")
                .row("notes.txt")
                .text("file", "notes.txt")
                .cell("status", "in_force", "st-in_force")
                .num("rows", "1,234")
                .row("a&b <c> \"d\" 'e' é–ü")
                .text("file", null) // shown as the dash
                .cell("status", "rejected", null)
                .num("rows", "5", true) // suppressed
                .row(null) // no data-key at all
                .link("file", "lea-0001 & <co>", "lea/lea-0001.html?x=1&y='2'")
                .text("status", "")
                .num("rows", "0");
    }

    @Test
    void writesWhatTheTemplateFragmentWrote() throws IOException {
        ReportTable table = everyKindOfCell();
        assertThat(table.getHtml()).isEqualTo(throughTheOldFragment(table));
    }

    @Test
    void emptyTablesAndRowsWithoutCellsAlsoMatch() throws IOException {
        ReportTable empty = new ReportTable("cohorts", "Cohorts").header("cohort", "the cohort");
        assertThat(empty.getHtml()).isEqualTo(throughTheOldFragment(empty));
        ReportTable noId = new ReportTable(null, null).row("k").row("").cell("", "x", "");
        assertThat(noId.getHtml()).isEqualTo(throughTheOldFragment(noId));
    }

    /**
     * A table of an LEA page's size comes in several parts, each starting at a row, that together
     * are what the old fragment wrote: nothing lost or doubled where a part ends.
     */
    @Test
    void aLargeTableComesInPartsThatJoinToWhatTheFragmentWrote() throws IOException {
        ReportTable large = new ReportTable("cohorts", "Cohorts – every year").header("cohort", "≥3 sessions");
        for (int i = 0; i < 3000; i++) {
            large.row("2024-25|c" + i)
                    .text("cohort", i % 7 == 0 ? null : "c<" + i + ">")
                    .num("n", "1,2" + i, i % 5 == 0);
        }
        List<String> parts = large.getParts();
        // 3,000 rows of about 130 characters: some 390,000 characters, so at least ten parts of 32 Ki
        assertThat(parts).hasSizeGreaterThanOrEqualTo(10);
        for (String part : parts.subList(1, parts.size())) {
            assertThat(part).startsWith("\n    <tr data-key=\"2024-25|c");
            assertThat(part.length()).isLessThan(ReportTable.PART_CHARS + 1000);
        }
        assertThat(String.join("", parts)).isEqualTo(throughTheOldFragment(large));
    }

    /** What a reader (and the page tests) rely on, stated directly rather than only by comparison. */
    @Test
    void escapesEveryTextAndAttributeAndKeysEveryRowAndCell() {
        Document doc = Jsoup.parseBodyFragment(everyKindOfCell().getHtml());
        Element table = doc.selectFirst("table#files");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Your files <in> this run & \"its\" 'marts' – §3");
        assertThat(table.select("th").get(0).hasAttr("title")).isFalse();
        assertThat(table.select("th").get(1).attr("title")).isEqualTo("in_force, \"superseded\" & <rejected> 'stale'");
        assertThat(table.select("tbody tr")).hasSize(3);
        assertThat(table.select("tbody tr").get(1).attr("data-key")).isEqualTo("a&b <c> \"d\" 'e' é–ü");
        assertThat(table.select("tbody tr").get(2).hasAttr("data-key")).isFalse();
        assertThat(table.select("tbody tr").get(1).select("td").get(0).text()).isEqualTo(Fmt.NONE);
        assertThat(table.select("td.sup").text()).isEqualTo(Fmt.SUPPRESSED);
        Element link = table.selectFirst("td[data-col=file] a");
        assertThat(link.attr("href")).isEqualTo("lea/lea-0001.html?x=1&y='2'");
        assertThat(link.text()).isEqualTo("lea-0001 & <co>");
        assertThat(everyKindOfCell().getHtml()).doesNotContain("<co>").doesNotContain("<in>");
    }
}
