/**
 * The run report: the state page and one page per LEA, self-contained HTML with inline SVG charts,
 * built only from a run's suppressed aggregate marts and its load report (never
 * {@code educator_activity}, never quarantine files). Same marts, same bytes.
 *
 * <p>May depend on {@code parquet} and {@code mart} to read marts back; never on {@code run},
 * {@code cli} or Spring, so pages are tested on marts alone.
 */
package org.sea.pli.report;
