package org.sea.pli.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state's reference files (spec §1): the LEA registry and the rubric dimensions.
 *
 * @param leas       lea_id → lea_name, sorted by id
 * @param regions    lea_id → region
 * @param dimensions rubric dimensions valid in {@code artifact_ratings.dimension}
 */
public record StateRegistry(Map<String, String> leas, Map<String, String> regions, Set<String> dimensions) {

    /** The reference files as inbox-relative paths, in the order the manifest lists them (§6). */
    public static final List<String> FILES = List.of("_state/leas.csv", "_state/rubric.csv");
}
