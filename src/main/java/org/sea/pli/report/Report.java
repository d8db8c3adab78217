package org.sea.pli.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
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
     * <p>Each page is drawn straight into its file as UTF-8 ({@link PageWriter}) by the thread that
     * drew it: no page is ever held whole (at state scale, copying and encoding 74 MB of page text
     * was a fifth of the report), and writing one page overlaps drawing the next. A page whose
     * drawing fails is left unfinished and the call fails; the next attempt deletes it with the rest.
     *
     * @param changes the pages' lines on what changed, or null for none
     */
    public List<String> write(FileSystem fs, Path martsDir, Path reportDir, Run run, ChangeLines changes)
            throws IOException {
        return write(fs, martsDir, reportDir, run, changes, KeptSections.none());
    }

    /**
     * As {@link #write(FileSystem, Path, Path, Run, ChangeLines)}, an LEA page keeping the sections
     * below its submission checklist from an earlier report where {@code kept} has them under the
     * same key (docs/spec.md §6.1); {@code kept} receives this run's keys.
     */
    public List<String> write(
            FileSystem fs, Path martsDir, Path reportDir, Run run, ChangeLines changes, KeptSections kept)
            throws IOException {
        return write(fs, martsDir, reportDir, run, changes, kept, ChartStore.none());
    }

    /**
     * As {@link #write(FileSystem, Path, Path, Run, ChangeLines, KeptSections)}, a chart taken from
     * {@code charts} where an earlier run drew it from the same inputs (docs/spec.md §6.1);
     * {@code charts} collects this run's charts.
     */
    public List<String> write(
            FileSystem fs,
            Path martsDir,
            Path reportDir,
            Run run,
            ChangeLines changes,
            KeptSections kept,
            ChartStore charts)
            throws IOException {
        ReportPages pages = new ReportPages(
                engine, ReportMarts.read(new ReportableMarts(fs, martsDir)), run, changes, kept, charts);
        if (fs.exists(reportDir) && !fs.delete(reportDir, true)) {
            throw new IOException("cannot delete " + reportDir);
        }
        // the JDK loads and picks fonts lazily, on first use: done here on one thread, not by
        // whichever pages first draw a chart at the same time (chart text is laid out by them)
        ChartStore.resolveFonts();
        try {
            IntStream.range(0, pages.size()).parallel().forEach(i -> {
                try (OutputStream out =
                        new BufferedOutputStream(fs.create(new Path(reportDir, pages.path(i)), true), 1 << 16)) {
                    pages.write(i, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return pages.paths();
    }

    /**
     * This run's report from an earlier run's pages whose bodies it would draw again byte for byte:
     * each page's {@code <main>} is taken from {@code earlierDir} and only what names the run — the
     * title, the header with its lines on what changed, the footer — is drawn for {@code run}. The
     * caller establishes that the body would be the same (the same mart bytes, as-of and withheld
     * rows: docs/spec.md §6.1); each earlier page is checked against the SHA-256 its run recorded.
     *
     * @param earlierPages the earlier report's pages (relative to its directory) → their SHA-256
     * @return the written files, relative to {@code reportDir}, state page first
     * @throws IOException when an earlier page cannot be read, is not what its run recorded or has no
     *     body; {@code reportDir} may then hold some pages, which {@link #write} replaces
     */
    public List<String> redraw(
            FileSystem fs,
            Path earlierDir,
            Map<String, String> earlierPages,
            Path reportDir,
            Run run,
            ChangeLines changes)
            throws IOException {
        List<String> paths = earlierPages.keySet().stream()
                .sorted(Comparator.comparing((String p) -> !p.equals(STATE_PAGE))
                        .thenComparing(p -> p.equals(STATE_PAGE) ? "" : leaOf(p)))
                .toList();
        if (!paths.contains(STATE_PAGE) || paths.stream().skip(1).anyMatch(p -> leaOf(p) == null)) {
            throw new IOException("the pages of " + earlierDir + " are not a report's");
        }
        if (fs.exists(reportDir) && !fs.delete(reportDir, true)) {
            throw new IOException("cannot delete " + reportDir);
        }
        try {
            paths.parallelStream().forEach(path -> {
                try {
                    PagePart body =
                            PagePart.read(fs, new Path(earlierDir, path), earlierPages.get(path), PagePart.Kind.MAIN);
                    String lea = leaOf(path);
                    Context page = frame(run, changes, lea);
                    page.setVariable("keptMain", PagePart.Kind.MAIN.placeholder);
                    String frame = engine.process(lea == null ? "state" : "lea", page);
                    try (OutputStream out =
                            new BufferedOutputStream(fs.create(new Path(reportDir, path), true), 1 << 16)) {
                        body.writeInto(frame, out);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return paths;
    }

    /** The LEA of a page path ({@code lea/<id>.html}), or null for the state page or any other path. */
    static String leaOf(String path) {
        if (!path.startsWith(LEA_DIR + "/") || !path.endsWith(".html")) {
            return null;
        }
        String lea = path.substring(LEA_DIR.length() + 1, path.length() - ".html".length());
        return hasPage(lea) ? lea : null;
    }

    /**
     * Every page's text, by path relative to the report directory: {@code index.html}, then
     * {@code lea/<id>.html} by id. Pages are drawn on every core; the text of each never depends on
     * the thread count or on which page was drawn first.
     */
    Map<String, String> render(ReportMarts marts, Run run) {
        return render(marts, run, null);
    }

    Map<String, String> render(ReportMarts marts, Run run, ChangeLines changes) {
        ReportPages pages = new ReportPages(engine, marts, run, changes, KeptSections.none(), ChartStore.none());
        List<String> html = IntStream.range(0, pages.size())
                .parallel()
                .mapToObj(i -> {
                    StringWriter text = new StringWriter();
                    pages.draw(i, text);
                    return text.toString();
                })
                .toList();
        Map<String, String> byPath = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            byPath.put(pages.path(i), html.get(i));
        }
        return byPath;
    }

    static boolean hasPage(String lea) {
        return lea != null && SAFE_LEA.matcher(lea).matches();
    }

    /** An LEA's page, relative to the report directory. */
    static String leaPage(String lea) {
        return LEA_DIR + "/" + lea + ".html";
    }

    /**
     * What names the run on a page — its id, as-of, withheld rows and the line on what changed — and
     * the page's LEA; {@code lea} null for the state page.
     */
    static Context frame(Run run, ChangeLines changes, String lea) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("runId", run.runId());
        ctx.setVariable("asOf", run.asOf());
        ctx.setVariable("withheld", run.withheld());
        if (lea == null) {
            ctx.setVariable("changes", changes == null ? null : changes.state());
        } else {
            ctx.setVariable("lea", lea);
            ctx.setVariable("changes", changes == null ? null : changes.forLea(lea));
        }
        return ctx;
    }
}
