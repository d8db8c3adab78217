package org.sea.pli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report's pages: page 0 is the state page, page i the LEA page of the i-th LEA with a page.
 * They share nothing but the read-only marts (indexed by LEA once), the thread-safe template engine
 * and the sections kept from an earlier report, so any thread may draw any page. A failed drawing's
 * exception reaches the caller as it was thrown.
 */
final class ReportPages {

    private final TemplateEngine engine;
    private final ReportMarts marts;
    private final Report.Run run;
    private final ChangeLines changes;
    private final KeptSections kept;
    private final ChartStore charts;
    private final List<String> leas;
    private final List<String> pageLeas;
    private final Map<String, List<LoadReportRow>> files;
    private final Map<String, List<CohortImpactRow>> cohorts;
    private final Map<String, List<FundingEfficiencyRow>> funding;
    private final Map<String, List<SubmissionStatusRow>> submissions;
    /** The ladder compares each LEA with every LEA's coverage: one key for all pages. */
    private final String coverage;

    ReportPages(
            TemplateEngine engine,
            ReportMarts marts,
            Report.Run run,
            ChangeLines changes,
            KeptSections kept,
            ChartStore charts) {
        this.engine = engine;
        this.charts = charts;
        this.marts = marts;
        this.run = run;
        this.changes = changes;
        this.kept = kept;
        this.leas = marts.leas();
        this.pageLeas = leas.stream().filter(Report::hasPage).toList();
        this.files = ReportMarts.byLea(marts.loadReport(), LoadReportRow::leaId);
        this.cohorts = ReportMarts.byLea(marts.cohortImpact(), CohortImpactRow::leaId);
        this.funding = ReportMarts.byLea(marts.fundingEfficiency(), FundingEfficiencyRow::leaId);
        this.submissions = ReportMarts.byLea(marts.submissionStatus(), SubmissionStatusRow::leaId);
        this.coverage = KeptSections.digest(List.of(marts.evidenceCoverage()));
    }

    int size() {
        return pageLeas.size() + 1;
    }

    String path(int i) {
        return i == 0 ? Report.STATE_PAGE : Report.leaPage(pageLeas.get(i - 1));
    }

    List<String> paths() {
        return IntStream.range(0, size()).mapToObj(this::path).toList();
    }

    /**
     * Writes page {@code i} to its file: an LEA page whose sections below the submission checklist
     * are kept gets them as the earlier page's bytes, every other page is drawn whole.
     */
    void write(int i, OutputStream file) throws IOException {
        if (i > 0) {
            String lea = pageLeas.get(i - 1);
            String key = KeptSections.digest(List.of(
                    lea,
                    files.getOrDefault(lea, List.of()),
                    cohorts.getOrDefault(lea, List.of()),
                    funding.getOrDefault(lea, List.of()),
                    coverage));
            PagePart sections = kept.earlier(lea, key);
            if (sections != null) {
                Context page = Report.frame(run, changes, lea);
                SubmissionSection.addToLea(page, submissions.getOrDefault(lea, List.of()), lea);
                page.setVariable("keptSections", PagePart.Kind.LEA_SECTIONS.placeholder);
                sections.writeInto(engine.process("lea", page), file);
                return;
            }
        }
        try (Writer out = new PageWriter(file)) {
            draw(i, out);
        }
    }

    /** Draws page {@code i} whole into {@code out}. */
    void draw(int i, Writer out) {
        if (i == 0) {
            Context page = Report.frame(run, changes, null);
            new StatePage(marts, leas, charts).addTo(page, run.asOf());
            engine.process("state", page, out);
            return;
        }
        String lea = pageLeas.get(i - 1);
        Context page = Report.frame(run, changes, lea);
        new LeaPage(
                        lea,
                        files.getOrDefault(lea, List.of()),
                        cohorts.getOrDefault(lea, List.of()),
                        submissions.getOrDefault(lea, List.of()),
                        marts.evidenceCoverage(),
                        charts)
                .addTo(page);
        page.setVariable("funding", LeaFunding.table(funding.getOrDefault(lea, List.of())));
        engine.process("lea", page, out);
    }
}
