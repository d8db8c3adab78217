package org.sea.pli.extract;

/**
 * The in-force activities of one LEA (docs/spec.md §2, {@code unknown_activity}): after supersede,
 * per school year.
 */
@FunctionalInterface
public interface ActivityCatalog {

    boolean exists(int schoolYear, String activityId);
}
