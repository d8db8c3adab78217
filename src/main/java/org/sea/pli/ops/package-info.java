/**
 * Operations support for the people who schedule the job: operational {@code pli.*} settings that
 * never change output, progress lines, the summary table a run prints, redacted JDBC URLs and the
 * one-line message of a failed start (spec §7).
 *
 * <p>May depend on {@code extract} and {@code parquet} for the names and counts it shows. It must not
 * depend on {@code run}: {@code run} uses {@code ops}, never the other way round.
 */
package org.sea.pli.ops;
