package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/**
 * The report of the sample run: every page well-formed and self-contained, its tables equal to the
 * marts of the same run (read independently with DuckDB), suppressed cells without numbers, each
 * LEA page holding only that LEA, and the same marts giving the same bytes.
 */
class ReportPagesTest {

    static Path warehouse;
    static Path report;
    static Connection duck;
    static List<Path> pages;

    @BeforeAll
    static void run() throws Exception {
        warehouse = SampleReport.warehouse();
        report = SampleReport.reportDir();
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Stream<Path> s = Files.walk(report)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static String glob(String mart) throws Exception {
        Path dir = SampleReport.runDir().resolve("marts").resolve(mart);
        return mart.equals("load_report")
                ? "read_parquet('" + dir.resolve("part-00000.parquet") + "')"
                : "read_parquet('" + dir + "/**/*.parquet', hive_partitioning = true)";
    }

    private static List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = duck.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData md = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Document page(String relative) throws Exception {
        return Jsoup.parse(Files.readString(report.resolve(relative)));
    }

    private static List<String> leaIds() throws Exception {
        return query("SELECT DISTINCT lea_id FROM " + glob("load_report") + " ORDER BY 1").stream()
                .map(r -> (String) r.get("lea_id"))
                .toList();
    }

    @Test
    void everyLeaHasAPageAndTheStatePageLinksToIt() throws Exception {
        assertThat(report.resolve("index.html")).isRegularFile();
        Document state = page("index.html");
        for (String lea : leaIds()) {
            assertThat(report.resolve("lea/" + lea + ".html")).isRegularFile();
            assertThat(state.select("#load-status tr[data-key=" + lea + "] a").attr("href"))
                    .isEqualTo("lea/" + lea + ".html");
        }
        assertThat(pages).hasSize(1 + leaIds().size());
    }

    @Test
    void publishedWithTheMartsInTheSameSwitch() throws Exception {
        for (Path p : pages) {
            Path published = warehouse.resolve("current/report").resolve(report.relativize(p));
            assertThat(published).hasSameBinaryContentAs(p);
        }
    }

    @Test
    void everyPageIsWellFormedAndFetchesNothing() throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Pattern allowed = Pattern.compile("#[A-Za-z0-9_-]+|lea/[A-Za-z0-9._-]+\\.html|\\.\\./index\\.html");
        for (Path p : pages) {
            String html = Files.readString(p);
            // XHTML-style output: an XML parser accepts every page as it is
            xml.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("script, link, img, iframe, object, embed, image, use"))
                    .as(p.toString())
                    .isEmpty();
            for (Element e : doc.select("[src], [href], [xlink:href]")) {
                for (String attr : List.of("src", "href", "xlink:href")) {
                    if (e.hasAttr(attr)) {
                        String v = e.attr(attr);
                        assertThat(v).as(p + " " + e.tagName() + " " + attr).matches(allowed);
                        assertThat(v).doesNotContain("//").doesNotStartWith("http");
                    }
                }
            }
            // CSS and SVG: no url() but in-page references, no @import
            Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
            while (url.find()) {
                assertThat(url.group(1)).as(p.toString()).matches("['\"]?#[^'\")]+['\"]?");
            }
            assertThat(html)
                    .as(p.toString())
                    .doesNotContain("@import")
                    .doesNotContain("https:")
                    .doesNotContain("src=");
            assertThat(doc.select("style")).as("inline CSS").isNotEmpty();
            assertThat(html).as("print CSS").contains("@media print");
        }
        assertThat(page("index.html").select("svg.chart")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(page("lea/lea-0001.html").select("svg.chart")).hasSize(1);
    }

    @Test
    void noPageHoldsEducatorLevelData() throws Exception {
        // educator_key values are 64 hex characters; the pages show no such string (nor file hashes)
        Pattern hex = Pattern.compile("\\b[0-9a-f]{64}\\b");
        for (Path p : pages) {
            assertThat(hex.matcher(Files.readString(p)).find()).as(p.toString()).isFalse();
        }
        assertThatThrownBy(() -> new ReportableMarts(
                                org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
                                new org.apache.hadoop.fs.Path("/nowhere"))
                        .read("educator_activity", r -> r))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The shown text of a cell matches the mart value to the precision shown. */
    static void assertShows(String where, String text, Object value) {
        if (value == null) {
            assertThat(text).as(where).isEqualTo("–");
            return;
        }
        if (!(value instanceof Number n)) {
            assertThat(text).as(where).isEqualTo(value.toString());
            return;
        }
        String t = text.replaceAll("\\s*\\(.*\\)$", "");
        boolean percent = t.endsWith("%");
        String digits = t.replace("$", "").replace(",", "").replace("%", "");
        assertThat(digits).as(where).matches("-?\\d+(\\.\\d+)?");
        int places = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
        double shown = Double.parseDouble(digits);
        double expected = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
        if (percent) {
            expected *= 100;
        }
        assertThat(Math.abs(shown - expected))
                .as(where + ": " + text + " vs " + value)
                .isLessThanOrEqualTo(0.5 * Math.pow(10, -places) + 1e-6);
    }

    /** Every mart row appears as the table row of the same key, every listed column as its cell. */
    private static void assertTable(
            Document doc, String table, List<Map<String, Object>> rows, List<String> key, List<String> columns) {
        assertThat(doc.select("#" + table + " tbody tr")).as(table + " rows").hasSize(rows.size());
        for (Map<String, Object> r : rows) {
            String k = String.join(
                    "|", key.stream().map(c -> String.valueOf(r.get(c))).toList());
            Element tr = doc.selectFirst("#" + table + " tr[data-key=\"" + k + "\"]");
            assertThat(tr).as(table + " row " + k).isNotNull();
            for (String c : columns) {
                Element td = tr.selectFirst("td[data-col=" + c + "]");
                assertThat(td).as(table + " " + k + " " + c).isNotNull();
                assertShows(table + " " + k + " " + c, td.text(), r.get(c));
            }
        }
    }

    @Test
    void stateTablesEqualTheMarts() throws Exception {
        Document state = page("index.html");
        assertTable(
                state,
                "model-comparison",
                query("SELECT * FROM " + glob("model_comparison")),
                List.of("school_year", "pl_model"),
                List.of(
                        "leas",
                        "n_educators",
                        "sustained_rate",
                        "n_practice_pairs",
                        "practice_change_mean",
                        "practice_change_ci_low",
                        "practice_change_ci_high",
                        "improved_rate",
                        "cost_usd"));
        assertTable(
                state,
                "evidence-ladder",
                query("SELECT * FROM " + glob("evidence_coverage")),
                List.of("school_year", "lea_id"),
                List.of(
                        "units_level_0",
                        "units_level_1",
                        "units_level_4",
                        "units_level_5",
                        "pl_dollars",
                        "pl_dollars_with_change_evidence",
                        "change_evidence_dollar_share"));
        assertTable(
                state,
                "bright-spots",
                query("SELECT * FROM " + glob("bright_spots")),
                List.of("school_year", "rank"),
                List.of(
                        "lea_id",
                        "cohort_id",
                        "pl_model",
                        "n_practice_pairs",
                        "practice_change_mean",
                        "effect_size",
                        "improved_rate",
                        "cost_per_improved",
                        "practice_change_shrunk",
                        "practice_change_ci_low",
                        "practice_change_ci_high"));
        assertTable(
                state,
                "funding",
                query("SELECT school_year, funding_source, sum(amount_usd) AS amount_usd, "
                        + "sum(tool_specific_amount_usd) AS tool_specific_amount_usd FROM " + glob("funding_efficiency")
                        + " GROUP BY ALL"),
                List.of("school_year", "funding_source"),
                List.of("amount_usd", "tool_specific_amount_usd"));
        assertTable(
                state,
                "inputs",
                query("SELECT status, count(*) AS files, coalesce(sum(rows_accepted), 0) " + "AS rows_accepted FROM "
                        + glob("load_report") + " GROUP BY ALL"),
                List.of("status"),
                List.of("files", "rows_accepted"));
        assertTable(
                state,
                "load-status",
                query("SELECT lea_id, count(*) AS files, "
                        + "count(*) FILTER (status = 'in_force') AS in_force, count(*) FILTER (status = 'rejected') AS rejected, "
                        + "count(*) FILTER (status = 'ignored') AS ignored, coalesce(sum(rows_read), 0) AS rows_read, "
                        + "coalesce(sum(rows_rejected), 0) AS rows_rejected FROM " + glob("load_report")
                        + " GROUP BY ALL"),
                List.of("lea_id"),
                List.of("files", "in_force", "rejected", "ignored", "rows_read", "rows_rejected"));
    }

    /** The lens sections (spec §5.8–§5.10): every mart row shown, suppressed cells read "suppressed". */
    @Test
    void lensSectionsEqualTheirMarts() throws Exception {
        Document state = page("index.html");
        assertLens(
                state,
                "practice-by-design",
                query("SELECT * FROM " + glob("practice_by_design")),
                List.of("school_year", "factor", "level"),
                List.of(
                        "n_elements",
                        "n_practice_pairs",
                        "practice_change_mean",
                        "practice_change_ci_low",
                        "practice_change_ci_high",
                        "improved_rate",
                        "cost_per_improved"),
                List.of("allocated_cost_usd"));
        assertLens(
                state,
                "practice-persistence",
                query("SELECT * FROM " + glob("practice_persistence")),
                List.of("school_year", "pl_model", "sustained"),
                List.of(
                        "n_units",
                        "n_followed",
                        "practice_change_mean",
                        "retained_change_mean",
                        "retained_change_ci_low",
                        "retained_change_ci_high",
                        "fade_mean",
                        "persistence_ratio"),
                List.of());
        List<Map<String, Object>> cells = query("SELECT * FROM " + glob("practice_by_dimension"));
        assertThat(cells).isNotEmpty();
        int suppressed = 0;
        for (Map<String, Object> r : cells) {
            Element td = state.selectFirst("#dimension-heat-" + r.get("school_year") + " tr[data-key=\""
                    + r.get("school_year") + "|" + r.get("pl_model") + "\"] td[data-col=" + r.get("dimension") + "]");
            assertThat(td).as("heat map cell " + r).isNotNull();
            if (Boolean.TRUE.equals(r.get("suppressed"))) {
                assertThat(td.text()).isEqualTo("suppressed");
                suppressed++;
            } else {
                assertShows("heat map " + r, td.text(), r.get("practice_change_mean"));
                assertThat(td.attr("style")).startsWith("background:#");
            }
        }
        assertThat(suppressed)
                .as("the sample has small model × dimension cells")
                .isPositive();
        assertThat(state.select("#chart-design, #chart-persistence")).hasSize(2);
    }

    private static void assertLens(
            Document doc,
            String table,
            List<Map<String, Object>> rows,
            List<String> key,
            List<String> suppressible,
            List<String> always) {
        assertThat(rows).as(table).isNotEmpty();
        assertThat(doc.select("#" + table + " tbody tr")).as(table + " rows").hasSize(rows.size());
        for (Map<String, Object> r : rows) {
            String k = String.join(
                    "|", key.stream().map(c -> String.valueOf(r.get(c))).toList());
            Element tr = doc.selectFirst("#" + table + " tr[data-key=\"" + k + "\"]");
            assertThat(tr).as(table + " row " + k).isNotNull();
            boolean sup = Boolean.TRUE.equals(r.get("suppressed"));
            for (String c : suppressible) {
                String text = tr.selectFirst("td[data-col=" + c + "]").text();
                if (sup) {
                    assertThat(text).as(table + " " + k + " " + c).isEqualTo("suppressed");
                } else {
                    assertShows(table + " " + k + " " + c, text, r.get(c));
                }
            }
            for (String c : always) {
                assertShows(
                        table + " " + k + " " + c,
                        tr.selectFirst("td[data-col=" + c + "]").text(),
                        r.get(c));
            }
        }
    }

    @Test
    void fundingSplitAddsUpAndCarriesEachLeasEvidenceDollars() throws Exception {
        Document state = page("index.html");
        for (Element tr : state.select("#funding tbody tr")) {
            double amount = dollars(tr, "amount_usd");
            double parts = dollars(tr, "evidence") + dollars(tr, "tool_no_evidence") + dollars(tr, "rest");
            assertThat(Math.abs(parts - amount)).as(tr.attr("data-key")).isLessThanOrEqualTo(1.5);
        }
        List<Map<String, Object>> years = query("SELECT school_year, sum(pl_dollars_with_change_evidence) AS e "
                + "FROM " + glob("evidence_coverage") + " GROUP BY ALL");
        for (Map<String, Object> y : years) {
            double evidence = state.select("#funding tbody tr").stream()
                    .filter(tr -> tr.attr("data-key").startsWith(y.get("school_year") + "|"))
                    .mapToDouble(tr -> dollars(tr, "evidence"))
                    .sum();
            assertThat(Math.abs(evidence - ((BigDecimal) y.get("e")).doubleValue()))
                    .isLessThanOrEqualTo(8.0);
        }
        assertThat(state.select("#funding-section .note").text()).contains("How the split is computed");
    }

    private static double dollars(Element tr, String col) {
        return Double.parseDouble(tr.selectFirst("td[data-col=" + col + "]")
                .text()
                .replace("$", "")
                .replace(",", ""));
    }

    @Test
    void leaPagesShowOnlyTheirOwnFilesCohortsAndSuppression() throws Exception {
        List<String> leas = leaIds();
        List<String> educatorColumns = List.of(
                "n_educators",
                "n_attended",
                "sustained_rate",
                "satisfaction_mean",
                "n_practice_pairs",
                "practice_change_mean",
                "effect_size",
                "improved_rate",
                "cost_per_improved");
        int suppressedSeen = 0;
        for (String lea : leas) {
            Document doc = page("lea/" + lea + ".html");
            List<Map<String, Object>> files = query("SELECT *, CAST(extract_date AS VARCHAR) AS extract_date_text FROM "
                    + glob("load_report") + " WHERE lea_id = '" + lea + "'");
            assertTable(
                    doc,
                    "files",
                    files,
                    List.of("file"),
                    List.of("status", "rows_read", "rows_accepted", "rows_rejected"));
            for (Map<String, Object> f : files) {
                Element tr = doc.selectFirst("#files tr[data-key=\"" + f.get("file") + "\"]");
                String q = tr.selectFirst("td[data-col=quarantine]").text();
                long rejected = f.get("rows_rejected") == null ? 0 : ((Number) f.get("rows_rejected")).longValue();
                assertThat(q)
                        .isEqualTo(
                                rejected > 0
                                        ? "quarantine/" + lea + "/" + ((String) f.get("file")).replaceAll("\\.gz$", "")
                                        : "–");
                assertShows("reason", tr.selectFirst("td[data-col=reason]").text(), f.get("reason"));
                assertShows(
                        "extract_date",
                        tr.selectFirst("td[data-col=extract_date]").text(),
                        f.get("extract_date_text"));
            }
            List<Map<String, Object>> cohorts =
                    query("SELECT * FROM " + glob("cohort_impact") + " WHERE lea_id = '" + lea + "'");
            List<Map<String, Object>> shown = cohorts.stream()
                    .filter(r -> !Boolean.TRUE.equals(r.get("suppressed")))
                    .toList();
            assertTable(
                    doc,
                    "cohorts",
                    cohorts,
                    List.of("school_year", "cohort_id", "pl_model"),
                    List.of("activities", "cost_usd"));
            if (!shown.isEmpty()) {
                for (Map<String, Object> r : shown) {
                    Element tr = doc.selectFirst("#cohorts tr[data-key=\"" + r.get("school_year") + "|"
                            + r.get("cohort_id") + "|" + r.get("pl_model") + "\"]");
                    for (String c : educatorColumns) {
                        assertShows(
                                lea + " " + c,
                                tr.selectFirst("td[data-col=" + c + "]").text(),
                                r.get(c));
                    }
                    // §4.7: the growth difference lives in the evidence table, beside its verdict
                    assertThat(tr.selectFirst("td[data-col=student_growth_z_diff]"))
                            .isNull();
                }
            }
            assertEvidence(doc, lea, cohorts);
            for (Map<String, Object> r : cohorts) {
                if (Boolean.TRUE.equals(r.get("suppressed"))) {
                    suppressedSeen++;
                    Element tr = doc.selectFirst("#cohorts tr[data-key=\"" + r.get("school_year") + "|"
                            + r.get("cohort_id") + "|" + r.get("pl_model") + "\"]");
                    for (String c : educatorColumns) {
                        assertThat(tr.selectFirst("td[data-col=" + c + "]").text())
                                .isEqualTo("suppressed");
                    }
                }
            }
            // a suppressed cell shows no number, anywhere
            for (Element td : doc.select("td.sup")) {
                assertThat(td.text()).isEqualTo("suppressed").doesNotContainPattern("\\d");
            }
            // only this LEA: no other LEA's id appears on its page
            String text = doc.text();
            for (String other : leas) {
                if (!other.equals(lea)) {
                    assertThat(text).as(lea + " page mentions " + other).doesNotContain(other);
                }
            }
            // its ladder equals its evidence_coverage rows, and the state line the sum over LEAs
            for (Map<String, Object> r :
                    query("SELECT * FROM " + glob("evidence_coverage") + " WHERE lea_id = '" + lea + "'")) {
                Element tr = doc.selectFirst("#ladder tr[data-key=\"" + r.get("school_year") + "|lea\"]");
                for (String c : LadderSection.LEVELS) {
                    assertShows(
                            lea + " " + c,
                            tr.selectFirst("td[data-col=" + c + "]").text(),
                            r.get(c));
                }
            }
            for (Map<String, Object> r : query("SELECT school_year, sum(units_level_0) AS units_level_0, "
                    + "sum(units_level_1) AS units_level_1, sum(units_level_4) AS units_level_4, "
                    + "sum(units_level_5) AS units_level_5 FROM " + glob("evidence_coverage") + " GROUP BY ALL")) {
                Element tr = doc.selectFirst("#ladder tr[data-key=\"" + r.get("school_year") + "|state\"]");
                assertThat(tr).isNotNull();
                for (String c : LadderSection.LEVELS) {
                    assertShows(
                            lea + " state " + c,
                            tr.selectFirst("td[data-col=" + c + "]").text(),
                            r.get(c));
                }
            }
        }
        assertThat(suppressedSeen)
                .as("the sample plants cohorts under the minimum cell size")
                .isPositive();
    }

    /** Words of §4.7's verdicts on the LEA page. */
    private static final Map<String, String> VERDICTS = Map.of(
            "satisfies",
            "students started at similar levels",
            "needs_adjustment",
            "needs statistical adjustment",
            "fails",
            "not comparable");

    /**
     * The LEA page's evidence table: each cohort's interval and shrunk change as in the mart, and a
     * student-growth difference only ever beside its baseline-equivalence verdict in words.
     */
    private static void assertEvidence(Document doc, String lea, List<Map<String, Object>> cohorts) {
        assertThat(doc.select("#evidence tbody tr")).hasSize(cohorts.size());
        for (Map<String, Object> r : cohorts) {
            Element tr = doc.selectFirst("#evidence tr[data-key=\"" + r.get("school_year") + "|" + r.get("cohort_id")
                    + "|" + r.get("pl_model") + "\"]");
            String where = lea + " " + tr.attr("data-key");
            String diff = tr.selectFirst("td[data-col=student_growth_z_diff]").text();
            String verdict = tr.selectFirst("td[data-col=baseline_equivalence]").text();
            if (Boolean.TRUE.equals(r.get("suppressed"))) {
                for (String c : List.of("practice_change_ci_low", "practice_change_shrunk", "interval")) {
                    assertThat(tr.selectFirst("td[data-col=" + c + "]").text())
                            .as(where)
                            .isEqualTo("suppressed");
                }
            } else {
                for (String c : List.of(
                        "practice_change_mean",
                        "practice_change_ci_low",
                        "practice_change_ci_high",
                        "practice_change_shrunk")) {
                    assertShows(
                            where + " " + c,
                            tr.selectFirst("td[data-col=" + c + "]").text(),
                            r.get(c));
                }
            }
            if (Boolean.TRUE.equals(r.get("student_suppressed"))) {
                assertThat(diff).as(where).isEqualTo("suppressed");
                assertThat(verdict).as(where).isEqualTo("suppressed");
            } else if (r.get("baseline_equivalence") != null) {
                assertThat(verdict).as(where).isEqualTo(VERDICTS.get((String) r.get("baseline_equivalence")));
                assertShows(where + " z", diff, r.get("student_growth_z_diff"));
                assertShows(
                        where + " z low",
                        tr.selectFirst("td[data-col=student_growth_z_diff_ci_low]")
                                .text(),
                        r.get("student_growth_z_diff_ci_low"));
            } else {
                assertThat(diff).as(where + ": no difference without a verdict").isEqualTo("–");
            }
        }
    }

    @Test
    void theSamplesLeaPagesShowEveryVerdictAndTheStatePageItsBrightSpotsIntervals() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String lea : leaIds()) {
            all.append(page("lea/" + lea + ".html").select("#evidence").text()).append('\n');
        }
        assertThat(all.toString()).contains(VERDICTS.values());
        Document state = page("index.html");
        for (Map<String, Object> y : query("SELECT DISTINCT school_year FROM " + glob("bright_spots"))) {
            assertThat(state.select("svg#chart-bright-spots-" + y.get("school_year")))
                    .hasSize(1);
        }
        assertThat(state.select("#bright-spots-section .note").text()).contains("shrunk change");
    }

    @Test
    void submissionGridAndChecklistsEqualSubmissionStatus() throws Exception {
        // spec §5.11: the state grid is the as-of year's (2026-06-30 lies in 2025-26), one row per registered LEA
        Document state = page("index.html");
        List<Map<String, Object>> year =
                query("SELECT * FROM " + glob("submission_status") + " WHERE school_year = '2025-26'");
        assertThat(year).hasSize(6 * 7);
        assertThat(state.select("#submission-grid tbody tr")).hasSize(6);
        for (Map<String, Object> r : year) {
            Element td = state.selectFirst(
                    "#submission-grid tr[data-key=\"" + r.get("lea_id") + "\"] td[data-col=" + r.get("extract") + "]");
            assertThat(td).as(r.toString()).isNotNull();
            String expected = !"in_force".equals(r.get("status"))
                    ? (String) r.get("status")
                    : "in force, " + r.get("days_since_in_force") + " d"
                            + ("rejected".equals(r.get("latest_status")) ? "; newest file rejected" : "");
            assertThat(td.text()).as(r.toString()).isEqualTo(expected);
        }
        // the gap list holds exactly the rows not in force (none in the sample: it says so instead)
        long gaps =
                (Long) query("SELECT count(*) AS n FROM " + glob("submission_status") + " WHERE status <> 'in_force'")
                        .get(0)
                        .get("n");
        assertThat(state.select("#submission-gaps tbody tr")).hasSize((int) gaps);
        if (gaps == 0) {
            assertThat(state.select("#submission-section p.empty").text()).contains("every extract in force");
        }
        // each LEA page opens with its own checklist: every school year × extract of that LEA
        for (String lea : leaIds()) {
            Document doc = page("lea/" + lea + ".html");
            assertThat(doc.selectFirst("main > section").id()).isEqualTo("submission-section");
            List<Map<String, Object>> own = query("SELECT *, CAST(in_force_extract_date AS VARCHAR) AS date_text FROM "
                    + glob("submission_status") + " WHERE lea_id = '" + lea + "'");
            assertTable(
                    doc,
                    "submission-checklist",
                    own,
                    List.of("school_year", "extract"),
                    List.of(
                            "status",
                            "in_force_file",
                            "rows_in_force",
                            "days_since_in_force",
                            "latest_file",
                            "latest_status"));
            for (Map<String, Object> r : own) {
                assertShows(
                        lea + " date",
                        doc.selectFirst("#submission-checklist tr[data-key=\"" + r.get("school_year") + "|"
                                        + r.get("extract") + "\"] td[data-col=in_force_extract_date]")
                                .text(),
                        r.get("date_text"));
            }
            assertThat(doc.select("#validate-command").text())
                    .isEqualTo("java -jar pl-impact.jar validate --inbox <inbox> --lea " + lea);
        }
    }

    @Test
    void sameMartsGiveTheSameBytes(@TempDir Path tmp) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse.toString())) {
            List<String> written = new Report()
                    .write(
                            w.fs(),
                            w.martsDir(SampleReport.RUN_ID),
                            new org.apache.hadoop.fs.Path(tmp.resolve("again").toUri()),
                            new Report.Run(SampleReport.RUN_ID, "2026-06-30", withheldOfSample()),
                            // the sample run is its warehouse's first: its pages say so
                            org.sea.pli.changes.ChangeNotes.of(
                                    org.sea.pli.changes.RunChanges.first(SampleReport.RUN_ID)));
            assertThat(written).hasSize(pages.size()).startsWith("index.html");
            for (String rel : written) {
                assertThat(tmp.resolve("again").resolve(rel)).hasSameBinaryContentAs(report.resolve(rel));
            }
        }
        String state = Files.readString(report.resolve("index.html"));
        assertThat(state).doesNotContainPattern("id=['\"]_\\d").contains("id='chart-models'");
    }

    /** The sample run's §5.12 total, from its manifest: every suppressed row of every public mart. */
    private static Report.Withheld withheldOfSample() throws Exception {
        com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SampleReport.runDir().resolve("manifest.json").toFile())
                .get("disclosure");
        long rows = 0;
        for (com.fasterxml.jackson.databind.JsonNode m : d.get("marts")) {
            rows += m.get("suppressed_primary").asLong()
                    + m.get("suppressed_complementary").asLong();
        }
        return new Report.Withheld(rows, d.get("min_cell_size").asInt());
    }

    @Test
    void theStatePageSaysInOneSentenceHowManyRowsAreWithheldAndWhy() throws Exception {
        Report.Withheld w = withheldOfSample();
        assertThat(w.rows()).isGreaterThan(1);
        org.jsoup.nodes.Element sentence = org.jsoup.Jsoup.parse(Files.readString(report.resolve("index.html")))
                .selectFirst("#withheld");
        assertThat(sentence).isNotNull();
        assertThat(sentence.text())
                .isEqualTo(w.rows() + " rows of the published tables are withheld and read “suppressed” wherever they"
                        + " appear here: rows that count fewer than 10 educators or students, and rows withheld so"
                        + " that those cannot be worked out by subtraction from a published total.");
    }

    /*
     * Each LEA page's funding table against funding_efficiency: a model whose figures are withheld
     * (§5.12 step 2) is one "all sources" line with its dollars summed and "suppressed" for the
     * educators, and none of its sources appears on its own; a shown model has a line per source.
     */
    @Test
    void leaFundingNeverSplitsAWithheldModelBySource() throws Exception {
        int withheldModels = 0;
        for (String lea : leaIds()) {
            Document doc = page("lea/" + lea + ".html");
            List<Map<String, Object>> rows = query("SELECT school_year, pl_model, funding_source, suppressed,"
                    + " CAST(amount_usd AS DOUBLE) AS amount, educators_reached FROM " + glob("funding_efficiency")
                    + " WHERE lea_id = '" + lea + "'");
            Map<String, Double> withheldDollars = new java.util.TreeMap<>();
            for (Map<String, Object> r : rows) {
                String model = r.get("school_year") + "|" + r.get("pl_model");
                Element own =
                        doc.selectFirst("#funding tr[data-key=\"" + model + "|" + r.get("funding_source") + "\"]");
                if (Boolean.TRUE.equals(r.get("suppressed"))) {
                    assertThat(own).as(lea + " " + model + " split by source").isNull();
                    withheldDollars.merge(model, (Double) r.get("amount"), Double::sum);
                } else {
                    assertThat(own)
                            .as(lea + " " + model + " " + r.get("funding_source"))
                            .isNotNull();
                    assertShows(
                            lea,
                            own.selectFirst("td[data-col=educators_reached]").text(),
                            Fmt.dec((Double) r.get("educators_reached"), 1));
                }
            }
            for (Map.Entry<String, Double> m : withheldDollars.entrySet()) {
                Element line = doc.selectFirst("#funding tr[data-key=\"" + m.getKey() + "|all sources\"]");
                assertThat(line).as(lea + " " + m.getKey()).isNotNull();
                assertThat(line.selectFirst("td[data-col=educators_reached]").text())
                        .isEqualTo("suppressed");
                assertThat(line.selectFirst("td[data-col=educators_improved]").text())
                        .isEqualTo("suppressed");
                assertThat(dollars(line, "amount_usd")).isCloseTo(m.getValue(), within(0.5)); // shown in whole dollars
                withheldModels++;
            }
        }
        assertThat(withheldModels).as("withheld LEA models in the sample").isPositive();
    }
}
