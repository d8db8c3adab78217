/**
 * The nightly run (SPEC §6): the Spring Batch job and its steps (load, marts, report, manifest,
 * publish), the launcher, run ids, per-LEA restart checkpoints, the warehouse lock, the manifest,
 * recorded inputs ({@code file_changed}, {@code file_missing}) and {@code rerun}/{@code verify}.
 *
 * <p>The wiring layer: it may depend on {@code extract}, {@code model}, {@code mart}, {@code parquet},
 * {@code report}, {@code storage} and {@code ops}, and on Spring. Only {@code cli} depends on it;
 * it never depends on {@code cli} or {@code generate}.
 */
package org.sea.pli.run;
