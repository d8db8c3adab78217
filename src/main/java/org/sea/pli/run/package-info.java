/**
 * The nightly run (spec §6) on Spring Batch: the job built per launch ({@code NightlyJob}), one thin
 * tasklet per stage of {@code org.sea.pli.stage}, the launcher and what one launch carries
 * ({@code NightlyRun}), the run settings, the warehouse lock and {@code rerun}/{@code verify}.
 *
 * <p>The wiring layer: it may depend on {@code stage}, {@code extract}, {@code model}, {@code mart},
 * {@code parquet}, {@code storage} and {@code ops}, and on Spring. Only {@code cli} depends on it;
 * it never depends on {@code cli} or {@code generate}.
 */
package org.sea.pli.run;
