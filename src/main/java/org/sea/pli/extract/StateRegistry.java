package org.sea.pli.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sea.pli.storage.Sha256;

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

    /**
     * The SHA-256 of each of {@link #FILES} under {@code inbox}, in that order: what every stored
     * result depends on besides its own inputs (docs/spec.md §6.1).
     */
    public static List<String> sha256s(Path inbox) throws IOException {
        List<String> digests = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = Files.newInputStream(inbox.resolve(file))) {
                digests.add(Sha256.of(in));
            }
        }
        return List.copyOf(digests);
    }
}
