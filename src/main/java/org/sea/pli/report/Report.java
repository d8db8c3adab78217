package org.sea.pli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The run report: {@code report/index.html} for the state data team ({@link StatePage}) and
 * {@code report/lea/<lea_id>.html} for each LEA ({@link LeaPage}), built only from a run's suppressed
 * aggregate marts and its load report (never {@code educator_activity}, never quarantine contents).
 * Every page is one self-contained HTML file: inline CSS, inline SVG charts, nothing fetched. The
 * same marts give the same bytes. Plain Java, no Spring: {@link #write} is all a caller needs.
 */
public final class Report {

    /** The page of the state data team, relative to the report directory. */
    public static final String STATE_PAGE = "index.html";
    /** The directory of the LEA pages, relative to the report directory. */
    public static final String LEA_DIR = "lea";

    /** A safe file name for an LEA page (the LEA folder name comes from the inbox). */
    private static final Pattern SAFE_LEA = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    /**
     * What the run gives the report: its id, as-of date, and what disclosure avoidance withheld
     * (docs/spec.md §5.12), or null when not known.
     */
    public record Run(String runId, String asOf, Withheld withheld) {
        public Run {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /**
     * How many rows of the published marts read "suppressed", and the min-cell-size: one total, never
     * split into rows small on their own and rows withheld beside them (§5.12).
     */
    public record Withheld(long rows, int minCellSize) {}

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
        return write(fs, martsDir, reportDir, run, null);
    }

    /**
     * As {@link #write(FileSystem, Path, Path, Run)}, each page opening with what changed since the
     * last published run.
     *
     * @param changes the pages' lines on what changed, or null for none
     */
    public List<String> write(FileSystem fs, Path martsDir, Path reportDir, Run run, ChangeLines changes)
            throws IOException {
        Map<String, String> pages = render(ReportMarts.read(new ReportableMarts(fs, martsDir)), run, changes);
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

    /**
     * Every page, by path relative to the report directory: {@code index.html}, then {@code lea/<id>.html} by id.
     * Pages are drawn on every core (on one thread the report was a third of a sample run); they share nothing but the read-only marts and the thread-safe
     * template engine, and the stream keeps their order, so the bytes never depend on the thread
     * count. A failed drawing's exception reaches the caller as it was thrown.
     */
    Map<String, String> render(ReportMarts marts, Run run) {
        return render(marts, run, null);
    }

    Map<String, String> render(ReportMarts marts, Run run, ChangeLines changes) {
        List<String> leas = marts.leas();
        Map<String, List<LoadReportRow>> files = ReportMarts.byLea(marts.loadReport(), LoadReportRow::leaId);
        Map<String, List<CohortImpactRow>> cohorts = ReportMarts.byLea(marts.cohortImpact(), CohortImpactRow::leaId);
        Map<String, List<FundingEfficiencyRow>> funding =
                ReportMarts.byLea(marts.fundingEfficiency(), FundingEfficiencyRow::leaId);
        Map<String, List<SubmissionStatusRow>> submissions =
                ReportMarts.byLea(marts.submissionStatus(), SubmissionStatusRow::leaId);
        List<String> pageLeas = leas.stream().filter(Report::hasPage).toList();
        // page 0 is the state page, page i the LEA page of pageLeas[i - 1]
        List<String> html = IntStream.rangeClosed(0, pageLeas.size())
                .parallel()
                .mapToObj(i -> {
                    Context page = context(run);
                    if (i == 0) {
                        page.setVariable("changes", changes == null ? null : changes.state());
                        new StatePage(marts, leas).addTo(page, run.asOf());
                        return engine.process("state", page);
                    }
                    String lea = pageLeas.get(i - 1);
                    page.setVariable("changes", changes == null ? null : changes.forLea(lea));
                    new LeaPage(
                                    lea,
                                    files.getOrDefault(lea, List.of()),
                                    cohorts.getOrDefault(lea, List.of()),
                                    submissions.getOrDefault(lea, List.of()),
                                    marts.evidenceCoverage())
                            .addTo(page);
                    page.setVariable("funding", LeaFunding.table(funding.getOrDefault(lea, List.of())));
                    return engine.process("lea", page);
                })
                .toList();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(STATE_PAGE, html.get(0));
        for (int i = 0; i < pageLeas.size(); i++) {
            pages.put(leaPage(pageLeas.get(i)), html.get(i + 1));
        }
        return pages;
    }

    static boolean hasPage(String lea) {
        return lea != null && SAFE_LEA.matcher(lea).matches();
    }

    /** An LEA's page, relative to the report directory. */
    static String leaPage(String lea) {
        return LEA_DIR + "/" + lea + ".html";
    }

    /** What every page shows of the run. */
    private static Context context(Run run) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("runId", run.runId());
        ctx.setVariable("asOf", run.asOf());
        ctx.setVariable("withheld", run.withheld());
        return ctx;
    }
}
