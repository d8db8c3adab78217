package org.sea.pli.report;

/**
 * What changed since the last published run, as the report says it: one line opening the state
 * page, one on each LEA page. Given by the run (its {@code changes.json}); a report drawn without
 * it (no previous-run comparison) shows neither line.
 */
public interface ChangeLines {

    /** The state page's line, e.g. "Since run 2026-06-29_1: 3 LEAs sent 7 files; …". */
    String state();

    /** The line on {@code lea}'s page: what changed for that LEA. */
    String forLea(String lea);
}
