package org.sea.pli.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sea.pli.stage.RunManifest;

/**
 * The inputs of two runs compared as their manifests record them (spec §6: path, SHA-256, status):
 * files added, changed (same path, other bytes) and removed, and files whose load-report status
 * changed (a new file is rejected, an old one superseded). A path recorded without a SHA-256 (a
 * file that was missing or not a regular file) counts as absent.
 */
public final class InputDiff {

    /** One inbox file: its LEA ({@code null} for the state registry's files), name and SHA-256. */
    public record File(String leaId, String file, String sha256) {}

    /** A file whose bytes changed under the same path. */
    public record Changed(String leaId, String file, String sha256Before, String sha256After) {}

    /** A file whose status changed; {@code before} is null for a file the previous run did not have. */
    public record StatusChange(String leaId, String file, String before, String after) {}

    public record Result(List<File> added, List<Changed> changed, List<File> removed, List<StatusChange> statuses) {

        /** LEAs with a file added or changed, in id order. */
        public List<String> leasThatSent() {
            TreeMap<String, Boolean> leas = new TreeMap<>();
            added.stream().filter(f -> f.leaId() != null).forEach(f -> leas.put(f.leaId(), true));
            changed.stream().filter(f -> f.leaId() != null).forEach(f -> leas.put(f.leaId(), true));
            return List.copyOf(leas.keySet());
        }

        public int filesSent() {
            return (int) (added.stream().filter(f -> f.leaId() != null).count()
                    + changed.stream().filter(f -> f.leaId() != null).count());
        }
    }

    private InputDiff() {}

    public static Result compare(List<RunManifest.Input> before, List<RunManifest.Input> after) {
        Map<String, RunManifest.Input> old = byPath(before);
        Map<String, RunManifest.Input> now = byPath(after);
        List<File> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        List<File> removed = new ArrayList<>();
        List<StatusChange> statuses = new ArrayList<>();
        for (RunManifest.Input i : now.values()) {
            RunManifest.Input was = old.get(i.path());
            boolean present = i.sha256() != null;
            boolean wasPresent = was != null && was.sha256() != null;
            if (present && !wasPresent) {
                added.add(file(i));
            } else if (present && !i.sha256().equals(was.sha256())) {
                changed.add(new Changed(lea(i.path()), name(i.path()), was.sha256(), i.sha256()));
            } else if (!present && wasPresent) {
                removed.add(file(was));
            }
            if (!i.stateFile() && (was == null || !Objects.equals(was.status(), i.status()))) {
                statuses.add(
                        new StatusChange(lea(i.path()), name(i.path()), was == null ? null : was.status(), i.status()));
            }
        }
        for (RunManifest.Input was : old.values()) {
            if (!now.containsKey(was.path()) && was.sha256() != null) {
                removed.add(file(was));
            }
        }
        removed.sort(java.util.Comparator.comparing(f -> (f.leaId() == null ? "" : f.leaId()) + "/" + f.file()));
        return new Result(added, changed, removed, statuses);
    }

    private static Map<String, RunManifest.Input> byPath(List<RunManifest.Input> inputs) {
        Map<String, RunManifest.Input> map = new TreeMap<>();
        inputs.forEach(i -> map.put(i.path(), i));
        return map;
    }

    private static File file(RunManifest.Input i) {
        return new File(lea(i.path()), name(i.path()), i.sha256());
    }

    /** The LEA folder of an inbox path, or null for the state registry ({@code _state/…}). */
    static String lea(String path) {
        int slash = path.indexOf('/');
        String first = slash < 0 ? "" : path.substring(0, slash);
        return first.isEmpty() || first.startsWith("_") ? null : first;
    }

    /** The path below the LEA folder; a state file keeps its whole path. */
    static String name(String path) {
        return lea(path) == null ? path : path.substring(path.indexOf('/') + 1);
    }
}
