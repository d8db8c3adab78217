/**
 * What changed since the last published run: {@code runs/<run_id>/changes.json} and the lines the
 * run summary and the report print from it. A run is compared with the run {@code current/} held
 * before it: inputs from the two manifests' records, marts by key over the typed rows read back
 * through {@link org.sea.pli.parquet.MartReader}. Plain classes, no Spring; uses {@code parquet},
 * {@code stage}'s manifest record and {@code storage}, never {@code run}.
 */
package org.sea.pli.changes;
