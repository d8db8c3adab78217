/**
 * The run report: the state page and one page per LEA, self-contained HTML with inline SVG charts,
 * built only from a run's suppressed aggregate marts and its load report (never
 * {@code educator_activity}, never quarantine files). Same marts, same bytes.
 *
 * <p>Where things live: {@code Report} only orchestrates (reads the marts, renders each page,
 * writes the files). {@code ReportableMarts} is the door to the marts: it refuses every mart but
 * {@code MartCatalog.REPORTABLE} and reads through {@code parquet.MartReader}. Each mart becomes
 * typed rows in one place, the {@code from(MartRecord)} of its row record ({@code CohortImpactRow},
 * {@code LoadReportRow}, …), gathered in {@code ReportMarts}; page code reads record components,
 * never column names. {@code StatePage} and {@code LeaPage} build the two page kinds; the parts they
 * share or that stand on their own are sections ({@code LadderSection}, {@code FundingSection},
 * {@code EvidenceSection}, {@code LensSection}, {@code SubmissionSection}), each with its template
 * fragment under {@code templates/report/}. {@code ReportTable}, {@code Charts} and {@code Fmt} are
 * the shared table, chart and number helpers; {@code ListingOrder} holds the orders pages list
 * models, funding sources and file statuses in, taken from {@code schemas/extracts/} and
 * {@code FileStatus} rather than written again. What a page may take from an earlier run instead of
 * drawing it comes in from the caller: {@code KeptSections} (an LEA page's sections below its
 * checklist) and {@code ChartStore} (a chart drawn from the same inputs), both keyed by what they
 * are drawn from.
 *
 * <p>May depend on {@code parquet} and {@code mart} to read marts back and on {@code extract} for
 * the schemas' orders; never on {@code run}, {@code cli} or Spring, so pages are tested on marts alone.
 */
package org.sea.pli.report;
