package org.sea.pli.stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.RunIds;
import org.sea.pli.storage.Warehouse;

/**
 * What earlier runs recorded of the inbox (docs/spec.md §1: the inbox is the archive, so a file whose
 * bytes change under the same path is reported as {@code file_changed}). Every run's manifest lists
 * every file it considered, so the newest finished run that recorded a path has the latest word on
 * it; manifests are read newest first and a path's first sighting wins.
 */
final class RecordedInputs {

    /** A path's recorded hash (null when it was not a regular file) and the run that recorded it. */
    record Recorded(String sha256, long bytes, String runId) {}

    private final Map<String, Recorded> byPath = new HashMap<>();

    static RecordedInputs of(Warehouse warehouse, String exceptRunId) throws IOException {
        RecordedInputs r = new RecordedInputs();
        List<String> runs = RunIds.list(warehouse);
        for (int i = runs.size() - 1; i >= 0; i--) {
            String runId = runs.get(i);
            if (runId.equals(exceptRunId)) {
                continue;
            }
            Path file = new Path(warehouse.runDir(runId), RunManifest.FILE);
            if (!warehouse.fs().exists(file)) {
                continue;
            }
            RunManifest manifest;
            try (InputStream in = warehouse.fs().open(file)) {
                manifest = RunManifest.parse(in.readAllBytes());
            } catch (IllegalArgumentException e) {
                continue; // an unreadable manifest records nothing; verify reports it
            }
            for (RunManifest.Input input : manifest.inputs()) {
                if (!input.stateFile()) { // a missing _state file fails the run anyway
                    r.byPath.putIfAbsent(input.path(), new Recorded(input.sha256(), input.bytes(), runId));
                }
            }
            // the newest manifest lists every file still in the inbox; older ones add only removed paths
        }
        return r;
    }

    /**
     * The earlier record of a path whose hash now differs, or null when unchanged or new. A path
     * recorded as a regular file that is now none (sha256 null) is missing, not changed.
     */
    Recorded changed(String path, String sha256) {
        Recorded recorded = byPath.get(path);
        return recorded == null
                        || recorded.sha256() == null
                        || sha256 == null
                        || recorded.sha256().equals(sha256)
                ? null
                : recorded;
    }

    /**
     * §1: the paths recorded as regular files that are not regular files now — gone, or a folder or
     * broken link in their place — given the paths the current scan found as regular files, sorted.
     */
    java.util.SortedMap<String, Recorded> missing(java.util.Set<String> regularFilesNow) {
        java.util.SortedMap<String, Recorded> missing = new java.util.TreeMap<>();
        byPath.forEach((path, recorded) -> {
            if (recorded.sha256() != null && !regularFilesNow.contains(path)) {
                missing.put(path, recorded);
            }
        });
        return missing;
    }
}
