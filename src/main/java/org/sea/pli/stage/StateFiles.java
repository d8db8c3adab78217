package org.sea.pli.stage;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.storage.Warehouse;

/**
 * The files of {@code <warehouse>/state/} that describe the last finished and published nightly run
 * for the next one (docs/spec.md §6.1): each run writes its own in its work folder, and they replace
 * the stored ones only when the run is published.
 */
final class StateFiles {

    private StateFiles() {}

    /** Moves a run's file {@code from} its work folder {@code to} the state folder; nothing when absent. */
    static void keep(Warehouse warehouse, Path from, Path to) throws IOException {
        FileSystem fs = warehouse.fs();
        if (!fs.exists(from)) {
            return;
        }
        fs.mkdirs(to.getParent());
        fs.delete(to, false);
        if (!fs.rename(from, to)) {
            throw new IOException("cannot move " + from + " to " + to);
        }
    }
}
