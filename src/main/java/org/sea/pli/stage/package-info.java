/**
 * The stages of the nightly run (spec §1–§6), plain classes testable without Spring, each taking
 * what the earlier one returned: {@link org.sea.pli.stage.LoadStage} (inbox → quarantine, file
 * outcomes and folded LEA models, an immutable {@link org.sea.pli.stage.LoadResult}; per-LEA
 * checkpoints and {@code file_changed} against recorded inputs; {@code validate} loads one LEA's
 * folder through the same stage, folding nothing), {@link org.sea.pli.stage.MartsStage}
 * (the Parquet marts, returns the files written), {@link org.sea.pli.stage.ReportStage} (the HTML
 * report from the marts as written), {@link org.sea.pli.stage.ManifestStage} ({@code manifest.json})
 * and {@link org.sea.pli.stage.PublishStage} ({@code current/}).
 *
 * <p>May depend on {@code extract}, {@code model}, {@code mart}, {@code parquet}, {@code report},
 * {@code storage} and {@code ops}; never on Spring, {@code run} or {@code cli}. {@code run} adapts
 * each stage to a Spring Batch step.
 */
package org.sea.pli.stage;
