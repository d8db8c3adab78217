/**
 * The derived units of spec §4: the participation record P and its measures, statewide
 * growth standardization, the educator-group units U, evidence levels and the folds that reduce
 * accepted rows to per-educator tallies as files stream by (no extract is held in memory): one
 * {@code *Fold} class per extract ({@code ActivitiesFold} … {@code StudentOutcomesFold}, on
 * {@code YearFold}), registered in {@code LeaModels}. The folds live here, not in a sub-package, so
 * that the models' maps and the tallies' {@code add} methods stay package-private: only a fold
 * fills a model, and the marts can only read it.
 *
 * <p>May depend on {@code extract} (rows, schemas, folds) only. Plain Java: no Spring, no I/O,
 * no Parquet; every class is testable on hand-made rows.
 */
package org.sea.pli.model;
