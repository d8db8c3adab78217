/**
 * The derived units of SPEC §4: the participation record P and its measures, statewide
 * growth standardization, the educator-group units U, evidence levels and the folds that reduce
 * accepted rows to per-educator tallies as files stream by (no extract is held in memory).
 *
 * <p>May depend on {@code extract} (rows, schemas, folds) only. Plain Java: no Spring, no I/O,
 * no Parquet; every class is testable on hand-made rows.
 */
package org.sea.pli.model;
