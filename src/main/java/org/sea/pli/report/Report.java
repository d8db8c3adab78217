package org.sea.pli.report;

import static org.sea.pli.report.MartTable.dbl;
import static org.sea.pli.report.MartTable.flag;
import static org.sea.pli.report.MartTable.lng;
import static org.sea.pli.report.MartTable.money;
import static org.sea.pli.report.MartTable.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jfree.data.category.DefaultCategoryDataset;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The run report: {@code report/index.html} for the state data team and
 * {@code report/lea/<lea_id>.html} for each LEA, built only from a run's suppressed aggregate marts
 * and its load report (never {@code educator_activity}, never quarantine contents). Every page is one
 * self-contained HTML file: inline CSS, inline SVG charts, nothing fetched. The same marts give the
 * same bytes. Plain Java, no Spring: {@link #write} is all a caller needs.
 */
public final class Report {

    /** The page of the state data team, relative to the report directory. */
    public static final String STATE_PAGE = "index.html";
    /** The directory of the LEA pages, relative to the report directory. */
    public static final String LEA_DIR = "lea";

    static final List<String> STATUSES = List.of("in_force", "superseded", "rejected", "stale_in_force", "ignored");
    /** SPEC §2 order: durable models first, one-off sessions last. */
    static final List<String> MODELS = List.of("coaching", "plc", "inquiry_cycle", "workshop", "online_course",
            "conference");
    static final List<String> SOURCES = List.of("title_ii_a", "title_iv_a", "title_i", "perkins", "state", "local",
            "partnership", "other");
    static final List<String> LEVELS = List.of("units_level_0", "units_level_1", "units_level_4", "units_level_5");
    static final List<String> LEVEL_NAMES = List.of("0: participation only", "1: satisfaction",
            "4: practice change", "5: practice change + student growth");

    /** A safe file name for an LEA page (the LEA folder name comes from the inbox). */
    private static final Pattern SAFE_LEA = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    static final Comparator<String> MODEL_ORDER = Comparator.comparingInt((String m) -> rank(MODELS, m))
            .thenComparing(Comparator.naturalOrder());
    static final Comparator<String> SOURCE_ORDER = Comparator.comparingInt((String s) -> rank(SOURCES, s))
            .thenComparing(Comparator.naturalOrder());
    /** Keys {@code <school_year>|<funding_source>}: by year, then source in SPEC §2 order. */
    static final Comparator<String> SOURCE_ORDER_KEY = Comparator.comparing((String k) -> k.split("\\|", 2)[0])
            .thenComparing(k -> k.split("\\|", 2)[1], SOURCE_ORDER);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the run gives the report: its id, as-of date, and (optionally) how long it has taken so far. */
    public record Run(String runId, String asOf, Duration duration) {
        public Run {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** The marts a report is built from, read back from the run. */
    public record Marts(MartTable loadReport, MartTable cohortImpact, MartTable modelComparison,
                        MartTable fundingEfficiency, MartTable evidenceCoverage, MartTable brightSpots,
                        MartTable submissionStatus, LensSection lenses) {

        public static Marts read(MartReader reader) throws IOException {
            return new Marts(reader.read("load_report"), reader.read("cohort_impact"),
                    reader.read("model_comparison"), reader.read("funding_efficiency"),
                    reader.read("evidence_coverage"), reader.read("bright_spots"), reader.read(SubmissionSection.MART),
                    LensSection.read(reader));
        }
    }

    private final TemplateEngine engine;

    public Report() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Report.class.getClassLoader());
        resolver.setPrefix("templates/report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /**
     * Reads the run's marts from {@code martsDir} and writes every page under {@code reportDir}
     * (replacing whatever a previous attempt left there) through {@code fs}.
     *
     * @return the written files, relative to {@code reportDir}, state page first
     */
    public List<String> write(FileSystem fs, Path martsDir, Path reportDir, Run run) throws IOException {
        Map<String, String> pages = render(Marts.read(new MartReader(fs, martsDir)), run);
        if (fs.exists(reportDir) && !fs.delete(reportDir, true)) {
            throw new IOException("cannot delete " + reportDir);
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            try (OutputStream out = fs.create(new Path(reportDir, page.getKey()), true)) {
                out.write(page.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(pages.keySet());
    }

    /** Every page, by path relative to the report directory: {@code index.html}, then {@code lea/<id>.html} by id. */
    public Map<String, String> render(Marts marts, Run run) {
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> leas = leas(marts);
        pages.put(STATE_PAGE, statePage(marts, run, leas));
        // each LEA page reads only its own files and cohorts: index them once rather than scan per page
        Map<String, List<Map<String, Object>>> files = byLea(marts.loadReport());
        Map<String, List<Map<String, Object>>> cohorts = byLea(marts.cohortImpact());
        Map<String, List<Map<String, Object>>> submissions = byLea(marts.submissionStatus());
        for (String lea : leas) {
            if (hasPage(lea)) {
                Marts own = new Marts(new MartTable(marts.loadReport().mart(), files.getOrDefault(lea, List.of())),
                        new MartTable(marts.cohortImpact().mart(), cohorts.getOrDefault(lea, List.of())),
                        marts.modelComparison(), marts.fundingEfficiency(), marts.evidenceCoverage(),
                        marts.brightSpots(), new MartTable(SubmissionSection.MART, submissions.getOrDefault(lea, List.of())),
                        marts.lenses());
                pages.put(LEA_DIR + "/" + lea + ".html", leaPage(own, run, lea));
            }
        }
        return pages;
    }

    private static Map<String, List<Map<String, Object>>> byLea(MartTable table) {
        Map<String, List<Map<String, Object>>> byLea = new HashMap<>();
        for (Map<String, Object> row : table.rows()) {
            byLea.computeIfAbsent(str(row, "lea_id"), k -> new ArrayList<>()).add(row);
        }
        return byLea;
    }

    static boolean hasPage(String lea) {
        return lea != null && SAFE_LEA.matcher(lea).matches();
    }

    /** Every LEA the run knows of: folders in the load report and LEAs in the impact marts, by id. */
    static List<String> leas(Marts marts) {
        TreeSet<String> leas = new TreeSet<>();
        for (MartTable t : List.of(marts.loadReport(), marts.cohortImpact(), marts.evidenceCoverage(),
                marts.submissionStatus())) {
            t.rows().stream().map(r -> str(r, "lea_id")).filter(Objects::nonNull).forEach(leas::add);
        }
        return List.copyOf(leas);
    }

    // ---------------------------------------------------------------- state page

    private String statePage(Marts marts, Run run, List<String> leas) {
        Context ctx = common(run);
        ctx.setVariable("inputs", inputsTable(marts.loadReport()));
        ctx.setVariable("loadStatus", loadStatusTable(marts.loadReport(), leas));
        SubmissionSection.addToState(ctx, marts.submissionStatus(), run.asOf());

        List<String> years = years(marts.modelComparison(), marts.evidenceCoverage(), marts.fundingEfficiency(),
                marts.brightSpots());
        ctx.setVariable("years", years);
        ctx.setVariable("modelChart", modelChart(marts.modelComparison()));
        ctx.setVariable("models", modelTable(marts.modelComparison()));

        List<String> ladderCharts = new ArrayList<>();
        List<String> fundingCharts = new ArrayList<>();
        List<FundingSplit.Part> split = FundingSplit.compute(marts.fundingEfficiency(), marts.evidenceCoverage());
        for (String year : years) {
            ladderCharts.add(stateLadderChart(marts.evidenceCoverage(), year));
            fundingCharts.add(fundingChart(split, year));
        }
        ctx.setVariable("ladderCharts", ladderCharts);
        ctx.setVariable("ladder", ladderTable(marts.evidenceCoverage()));
        ctx.setVariable("fundingCharts", fundingCharts);
        ctx.setVariable("funding", fundingTable(split));
        ctx.setVariable("brightSpots", brightSpotsTable(marts.brightSpots()));
        ctx.setVariable("brightSpotCharts", EvidenceSection.brightSpotCharts(marts.brightSpots(), years));
        marts.lenses().addTo(ctx);
        return engine.process("state", ctx);
    }

    private static Context common(Run run) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("runId", run.runId());
        ctx.setVariable("asOf", run.asOf());
        ctx.setVariable("duration", run.duration() == null ? null : duration(run.duration()));
        return ctx;
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    private static ReportTable inputsTable(MartTable loadReport) {
        Map<String, long[]> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, new long[2]));
        for (Map<String, Object> r : loadReport.rows()) {
            long[] c = byStatus.computeIfAbsent(str(r, "status"), k -> new long[2]);
            c[0]++;
            c[1] += nz(lng(r, "rows_accepted"));
        }
        ReportTable t = new ReportTable("inputs", "Input files of this run by status (SPEC §1.1)")
                .header("status", "in_force: rows in force; superseded: replaced by a later file; rejected: "
                        + "nothing from it is used; stale_in_force: in force although a newer file was rejected; "
                        + "ignored: not read")
                .header("files", "files under LEA folders with this status")
                .header("rows accepted", "data rows that passed validation");
        byStatus.forEach((status, c) -> t.row(status).text("status", status).num("files", Fmt.count(c[0]))
                .num("rows_accepted", Fmt.count(c[1])));
        return t;
    }

    private static ReportTable loadStatusTable(MartTable loadReport, List<String> leas) {
        ReportTable t = new ReportTable("load-status", "Load status by LEA (load_report, SPEC §3, §5.7)")
                .header("LEA", "LEA folder; the link opens the page sent back to the LEA")
                .header("files", "files under the LEA folder");
        STATUSES.forEach(s -> t.header(s, "files with status " + s));
        t.header("rows read", "data rows read").header("rows rejected", "rows quarantined")
                .header("file reasons", "why files were rejected or ignored, with counts")
                .header("row reject reasons", "why rows were rejected, with counts");
        for (String lea : leas) {
            List<Map<String, Object>> files = loadReport.rows().stream()
                    .filter(r -> lea.equals(str(r, "lea_id"))).toList();
            if (files.isEmpty()) {
                continue;
            }
            Map<String, Long> status = new LinkedHashMap<>();
            Map<String, Long> fileReasons = new TreeMap<>();
            Map<String, Long> rowReasons = new TreeMap<>();
            long read = 0;
            long rejected = 0;
            for (Map<String, Object> f : files) {
                status.merge(str(f, "status"), 1L, Long::sum);
                if (str(f, "reason") != null) {
                    fileReasons.merge(str(f, "reason"), 1L, Long::sum);
                }
                rejectReasons(str(f, "reject_reasons")).forEach((k, v) -> rowReasons.merge(k, v, Long::sum));
                read += nz(lng(f, "rows_read"));
                rejected += nz(lng(f, "rows_rejected"));
            }
            t.row(lea);
            if (hasPage(lea)) {
                t.link("lea_id", lea, LEA_DIR + "/" + lea + ".html");
            } else {
                t.text("lea_id", lea);
            }
            t.num("files", Fmt.count(files.size()));
            STATUSES.forEach(s -> t.num(s, Fmt.count(status.getOrDefault(s, 0L))));
            t.num("rows_read", Fmt.count(read)).num("rows_rejected", Fmt.count(rejected))
                    .text("reason", counts(fileReasons)).text("reject_reasons", counts(rowReasons));
        }
        return t;
    }

    private static String modelChart(MartTable modelComparison) {
        List<Charts.Interval> points = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>(modelComparison.rows());
        rows.sort(Comparator.comparing((Map<String, Object> r) -> str(r, "pl_model"), MODEL_ORDER)
                .thenComparing(r -> str(r, "school_year")));
        for (Map<String, Object> r : rows) {
            if (!flag(r, "suppressed") && dbl(r, "practice_change_mean") != null) {
                points.add(new Charts.Interval(str(r, "school_year"), str(r, "pl_model"),
                        dbl(r, "practice_change_mean"), dbl(r, "practice_change_ci_low"),
                        dbl(r, "practice_change_ci_high")));
            }
        }
        return points.isEmpty() ? null : Charts.intervals("chart-models",
                "Practice change by PL model, with 95% interval", "practice change (rubric points, followup − baseline)",
                points);
    }

    private static ReportTable modelTable(MartTable modelComparison) {
        ReportTable t = new ReportTable("model-comparison", "PL models statewide (model_comparison, SPEC §5.3)")
                .header("school year", null).header("PL model", null)
                .header("LEAs", "distinct LEAs").header("educators", "educator units")
                .header("sustained", "attended units with ≥3 sessions over ≥28 days")
                .header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("95% low", "mean − 1.96·sd/√n").header("95% high", "mean + 1.96·sd/√n")
                .header("improved", "share of practice pairs improving by at least the threshold")
                .header("cost", "funding of the model's activities");
        List<Map<String, Object>> rows = new ArrayList<>(modelComparison.rows());
        rows.sort(Comparator.comparing((Map<String, Object> r) -> str(r, "school_year"))
                .thenComparing(r -> str(r, "pl_model"), MODEL_ORDER));
        for (Map<String, Object> r : rows) {
            boolean sup = flag(r, "suppressed");
            t.row(str(r, "school_year") + "|" + str(r, "pl_model"))
                    .text("school_year", str(r, "school_year")).text("pl_model", str(r, "pl_model"))
                    .num("leas", Fmt.count(lng(r, "leas")))
                    .num("n_educators", Fmt.count(lng(r, "n_educators")), sup)
                    .num("sustained_rate", Fmt.pct(dbl(r, "sustained_rate")), sup)
                    .num("n_practice_pairs", Fmt.count(lng(r, "n_practice_pairs")), sup)
                    .num("practice_change_mean", Fmt.dec(dbl(r, "practice_change_mean"), 3), sup)
                    .num("practice_change_ci_low", Fmt.dec(dbl(r, "practice_change_ci_low"), 3), sup)
                    .num("practice_change_ci_high", Fmt.dec(dbl(r, "practice_change_ci_high"), 3), sup)
                    .num("improved_rate", Fmt.pct(dbl(r, "improved_rate")), sup)
                    .num("cost_usd", Fmt.usd(money(r, "cost_usd")));
        }
        return t;
    }

    private static String stateLadderChart(MartTable coverage, String year) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map<String, Object> r : coverage.rows()) {
            if (year.equals(str(r, "school_year"))) {
                for (int i = 0; i < LEVELS.size(); i++) {
                    data.addValue(nz(lng(r, LEVELS.get(i))), LEVEL_NAMES.get(i), str(r, "lea_id"));
                }
            }
        }
        return data.getColumnCount() == 0 ? null : Charts.stacked("chart-ladder-" + year, "Evidence ladder by LEA, "
                + year, "share of educator units at each evidence level", data, true, false);
    }

    private static ReportTable ladderTable(MartTable coverage) {
        ReportTable t = new ReportTable("evidence-ladder", "Evidence ladder by LEA (evidence_coverage, SPEC §5.5)")
                .header("school year", null).header("LEA", null);
        for (int i = 0; i < LEVELS.size(); i++) {
            t.header("level " + LEVEL_NAMES.get(i), "educator units at evidence level " + LEVEL_NAMES.get(i));
        }
        t.header("PL dollars", "all PL funding").header("with change evidence",
                "funding of activities with at least one practice change")
                .header("share", "dollars with change evidence ÷ PL dollars");
        for (Map<String, Object> r : coverage.rows()) {
            String lea = str(r, "lea_id");
            t.row(str(r, "school_year") + "|" + lea).text("school_year", str(r, "school_year"));
            if (hasPage(lea)) {
                t.link("lea_id", lea, LEA_DIR + "/" + lea + ".html");
            } else {
                t.text("lea_id", lea);
            }
            LEVELS.forEach(l -> t.num(l, Fmt.count(lng(r, l))));
            t.num("pl_dollars", Fmt.usd(money(r, "pl_dollars")))
                    .num("pl_dollars_with_change_evidence", Fmt.usd(money(r, "pl_dollars_with_change_evidence")))
                    .num("change_evidence_dollar_share", Fmt.pct(dbl(r, "change_evidence_dollar_share")));
        }
        return t;
    }

    static final List<String> SPLIT_NAMES = List.of("backed by evidence of instructional change",
            "tool-specific training (no evidence)", "the rest");

    private static String fundingChart(List<FundingSplit.Part> split, String year) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FundingSplit.Part p : split) {
            if (year.equals(p.schoolYear())) {
                data.addValue(p.evidence(), SPLIT_NAMES.get(0), p.source());
                data.addValue(p.toolNoEvidence(), SPLIT_NAMES.get(1), p.source());
                data.addValue(p.rest(), SPLIT_NAMES.get(2), p.source());
            }
        }
        return data.getColumnCount() == 0 ? null : Charts.stacked("chart-funding-" + year,
                "PL dollars by funding source, " + year, "PL dollars", data, false, true);
    }

    private static ReportTable fundingTable(List<FundingSplit.Part> split) {
        ReportTable t = new ReportTable("funding", "PL dollars by funding source (funding_efficiency, evidence_coverage)")
                .header("school year", null).header("funding source", null)
                .header("PL dollars", "sum of amount_usd (exact)")
                .header("tool-specific", "sum of tool_specific_amount_usd (exact)")
                .header(SPLIT_NAMES.get(0), "allocated: see how the split is computed")
                .header(SPLIT_NAMES.get(1), "allocated: see how the split is computed")
                .header(SPLIT_NAMES.get(2), "allocated: see how the split is computed");
        for (FundingSplit.Part p : split) {
            t.row(p.schoolYear() + "|" + p.source()).text("school_year", p.schoolYear())
                    .text("funding_source", p.source()).num("amount_usd", Fmt.usd(p.amount()))
                    .num("tool_specific_amount_usd", Fmt.usd(p.toolSpecific()))
                    .num("evidence", Fmt.usd(p.evidence())).num("tool_no_evidence", Fmt.usd(p.toolNoEvidence()))
                    .num("rest", Fmt.usd(p.rest()));
        }
        return t;
    }

    private static ReportTable brightSpotsTable(MartTable brightSpots) {
        ReportTable t = new ReportTable("bright-spots", "Bright spots: cohorts with the largest practice change "
                + "(bright_spots, SPEC §5.6)")
                .header("school year", null).header("rank", null).header("LEA", null).header("cohort", null)
                .header("PL model", null).header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change").header("effect size", "mean ÷ sd")
                .header("improved", "share improving by at least the threshold")
                .header("cost per improved", "cohort cost ÷ improved educators")
                .header("shrunk change", "ranked on: the mean pulled toward the year's mean by its noise (§4.6)")
                .header("95% low", "mean − 1.96·sd/√n").header("95% high", "mean + 1.96·sd/√n");
        for (Map<String, Object> r : brightSpots.rows()) {
            String lea = str(r, "lea_id");
            t.row(str(r, "school_year") + "|" + lng(r, "rank")).text("school_year", str(r, "school_year"))
                    .num("rank", Fmt.count(lng(r, "rank")));
            if (hasPage(lea)) {
                t.link("lea_id", lea, LEA_DIR + "/" + lea + ".html");
            } else {
                t.text("lea_id", lea);
            }
            t.text("cohort_id", str(r, "cohort_id")).text("pl_model", str(r, "pl_model"))
                    .num("n_practice_pairs", Fmt.count(lng(r, "n_practice_pairs")))
                    .num("practice_change_mean", Fmt.dec(dbl(r, "practice_change_mean"), 3))
                    .num("effect_size", Fmt.dec(dbl(r, "effect_size"), 2))
                    .num("improved_rate", Fmt.pct(dbl(r, "improved_rate")))
                    .num("cost_per_improved", Fmt.usd(dbl(r, "cost_per_improved")))
                    .num("practice_change_shrunk", Fmt.dec(dbl(r, "practice_change_shrunk"), 3))
                    .num("practice_change_ci_low", Fmt.dec(dbl(r, "practice_change_ci_low"), 3))
                    .num("practice_change_ci_high", Fmt.dec(dbl(r, "practice_change_ci_high"), 3));
        }
        return t;
    }

    // ---------------------------------------------------------------- LEA page

    private String leaPage(Marts marts, Run run, String lea) {
        Context ctx = common(run);
        ctx.setVariable("lea", lea);
        ctx.setVariable("files", filesTable(marts.loadReport(), lea));
        SubmissionSection.addToLea(ctx, marts.submissionStatus(), lea);
        ctx.setVariable("cohorts", cohortsTable(marts.cohortImpact(), lea));
        ctx.setVariable("evidence", EvidenceSection.cohortEvidence(marts.cohortImpact(), lea));
        List<String> years = years(marts.evidenceCoverage());
        ctx.setVariable("ladderChart", leaLadderChart(marts.evidenceCoverage(), lea, years));
        ctx.setVariable("ladder", leaLadderTable(marts.evidenceCoverage(), lea, years));
        return engine.process("lea", ctx);
    }

    private static ReportTable filesTable(MartTable loadReport, String lea) {
        ReportTable t = new ReportTable("files", "Your files in this run (load_report, SPEC §3, §5.7)")
                .header("file", null).header("extract", null).header("extract date", null)
                .header("status", "in_force, superseded, rejected, stale_in_force or ignored (SPEC §1.1)")
                .header("reason", "why the whole file was rejected or ignored")
                .header("rows read", null).header("rows accepted", null).header("rows rejected", null)
                .header("row reject reasons", "reason: rows")
                .header("quarantine file", "the rejected rows with _line and _reason; ask the state data team")
                .header("unknown columns", "extra columns that were ignored");
        for (Map<String, Object> r : loadReport.rows()) {
            if (!lea.equals(str(r, "lea_id"))) {
                continue;
            }
            String file = str(r, "file");
            long rejected = nz(lng(r, "rows_rejected"));
            t.row(file).text("file", file).text("extract", str(r, "extract"))
                    .text("extract_date", str(r, "extract_date")).text("status", str(r, "status"))
                    .text("reason", str(r, "reason"))
                    .num("rows_read", Fmt.count(lng(r, "rows_read")))
                    .num("rows_accepted", Fmt.count(lng(r, "rows_accepted")))
                    .num("rows_rejected", Fmt.count(lng(r, "rows_rejected")))
                    .text("reject_reasons", counts(rejectReasons(str(r, "reject_reasons"))))
                    .text("quarantine", rejected > 0 ? quarantineName(lea, file) : null)
                    .text("unknown_columns", str(r, "unknown_columns"));
        }
        return t;
    }

    /** SPEC §3.1: {@code quarantine/<lea_id>/<file name without .gz>}. */
    static String quarantineName(String lea, String file) {
        return "quarantine/" + lea + "/" + (file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file);
    }

    private static ReportTable cohortsTable(MartTable cohortImpact, String lea) {
        ReportTable t = new ReportTable("cohorts", "Your cohorts (cohort_impact, SPEC §5.2); cells of fewer than "
                + "the minimum number of educators or students are suppressed")
                .header("school year", null).header("cohort", null).header("PL model", null)
                .header("activities", null).header("cost", "funding of the cohort's activities")
                .header("educators", "educator units").header("attended", "units with minutes attended")
                .header("sustained", "attended units with ≥3 sessions over ≥28 days")
                .header("satisfaction", "mean survey score (1–5)")
                .header("practice pairs", "units with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("effect size", "mean ÷ sd").header("improved", "share improving by at least the threshold")
                .header("cost per improved", "cost ÷ improved educators");
        for (Map<String, Object> r : cohortImpact.rows()) {
            if (!lea.equals(str(r, "lea_id"))) {
                continue;
            }
            boolean sup = flag(r, "suppressed");
            t.row(str(r, "school_year") + "|" + str(r, "cohort_id") + "|" + str(r, "pl_model"))
                    .text("school_year", str(r, "school_year")).text("cohort_id", str(r, "cohort_id"))
                    .text("pl_model", str(r, "pl_model"))
                    .num("activities", Fmt.count(lng(r, "activities")))
                    .num("cost_usd", Fmt.usd(money(r, "cost_usd")))
                    .num("n_educators", Fmt.count(lng(r, "n_educators")), sup)
                    .num("n_attended", Fmt.count(lng(r, "n_attended")), sup)
                    .num("sustained_rate", Fmt.pct(dbl(r, "sustained_rate")), sup)
                    .num("satisfaction_mean", Fmt.dec(dbl(r, "satisfaction_mean"), 2), sup)
                    .num("n_practice_pairs", Fmt.count(lng(r, "n_practice_pairs")), sup)
                    .num("practice_change_mean", Fmt.dec(dbl(r, "practice_change_mean"), 3), sup)
                    .num("effect_size", Fmt.dec(dbl(r, "effect_size"), 2), sup)
                    .num("improved_rate", Fmt.pct(dbl(r, "improved_rate")), sup)
                    .num("cost_per_improved", Fmt.usd(dbl(r, "cost_per_improved")), sup);
        }
        return t;
    }

    /** Units per level: the LEA's row of evidence_coverage, and the state's sum over all LEAs. */
    private static long[] ladder(MartTable coverage, String lea, String year) {
        long[] c = new long[LEVELS.size()];
        for (Map<String, Object> r : coverage.rows()) {
            if (year.equals(str(r, "school_year")) && (lea == null || lea.equals(str(r, "lea_id")))) {
                for (int i = 0; i < LEVELS.size(); i++) {
                    c[i] += nz(lng(r, LEVELS.get(i)));
                }
            }
        }
        return c;
    }

    private static String leaLadderChart(MartTable coverage, String lea, List<String> years) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String year : years) {
            for (String scope : new String[] {lea, null}) {
                long[] c = ladder(coverage, scope, year);
                if (java.util.Arrays.stream(c).sum() == 0) {
                    continue;
                }
                for (int i = 0; i < LEVELS.size(); i++) {
                    data.addValue(c[i], LEVEL_NAMES.get(i), (scope == null ? "state " : lea + " ") + year);
                }
            }
        }
        return data.getColumnCount() == 0 ? null : Charts.stacked("chart-ladder", "Evidence ladder: " + lea
                + " against the state", "share of educator units at each evidence level", data, true, false);
    }

    private static ReportTable leaLadderTable(MartTable coverage, String lea, List<String> years) {
        ReportTable t = new ReportTable("ladder", "Evidence ladder, yours and the state's (evidence_coverage, SPEC §5.5)")
                .header("school year", null).header("scope", null);
        for (int i = 0; i < LEVELS.size(); i++) {
            t.header("level " + LEVEL_NAMES.get(i), "educator units (share)");
        }
        for (String year : years) {
            for (String scope : new String[] {lea, null}) {
                long[] c = ladder(coverage, scope, year);
                long total = java.util.Arrays.stream(c).sum();
                if (scope != null && coverage.rows().stream().noneMatch(r -> year.equals(str(r, "school_year"))
                        && lea.equals(str(r, "lea_id")))) {
                    continue;
                }
                t.row(year + "|" + (scope == null ? "state" : "lea")).text("school_year", year)
                        .text("scope", scope == null ? "state (all LEAs)" : lea);
                for (int i = 0; i < LEVELS.size(); i++) {
                    t.num(LEVELS.get(i), Fmt.count(c[i]) + (total == 0 ? "" : " (" + Fmt.pct((double) c[i] / total) + ")"));
                }
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> years(MartTable... tables) {
        TreeSet<String> years = new TreeSet<>();
        for (MartTable t : tables) {
            t.rows().stream().map(r -> str(r, "school_year")).filter(Objects::nonNull).forEach(years::add);
        }
        return List.copyOf(years);
    }

    /** {@code reject_reasons} of the load report: compact JSON reason → count (SPEC §5.7). */
    static Map<String, Long> rejectReasons(String json) {
        Map<String, Long> out = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            JsonNode node = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asLong());
            }
        } catch (IOException e) {
            throw new IllegalStateException("load_report.reject_reasons is not JSON: " + json, e);
        }
        return out;
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return sb.toString();
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static int rank(List<String> order, String v) {
        int i = order.indexOf(v);
        return i < 0 ? order.size() : i;
    }

}
