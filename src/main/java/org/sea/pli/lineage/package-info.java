/**
 * OpenLineage run events of the nightly job ({@code pl-impact.nightly}): a START when a run begins,
 * a COMPLETE or FAIL when it ends, with the inbox files considered as inputs and every mart as an
 * output (schema facet, row counts). Always written to {@code runs/<run_id>/lineage.jsonl}; POSTed to
 * an HTTP endpoint (Marquez, DataHub, OpenMetadata) when one is configured. Plain classes, no Spring.
 */
package org.sea.pli.lineage;
