package org.sea.pli.storage;

import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Run ids of SPEC §6: {@code <as-of>_<n>}, n counting the runs of that as-of date in the
 * warehouse. The newest run of a date that never finished is resumed under its own id, which makes
 * it the same Spring Batch job instance and so a restart.
 */
public final class RunIds {

    public static final String FINISHED_MARKER = "_FINISHED";

    private RunIds() {
    }

    public static String next(Warehouse warehouse, LocalDate asOf) throws IOException {
        String prefix = asOf + "_";
        int newest = 0;
        for (String id : warehouse.runIds()) {
            if (id.startsWith(prefix)) {
                try {
                    newest = Math.max(newest, Integer.parseInt(id.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // not a run directory of ours
                }
            }
        }
        if (newest > 0 && !finished(warehouse, prefix + newest)) {
            return prefix + newest;
        }
        return prefix + (newest + 1);
    }

    /** The id after this one for the same as-of date. */
    public static String following(String runId) {
        int cut = runId.lastIndexOf('_');
        return runId.substring(0, cut + 1) + (Integer.parseInt(runId.substring(cut + 1)) + 1);
    }

    public static boolean finished(Warehouse warehouse, String runId) throws IOException {
        return warehouse.fs().exists(new Path(warehouse.runDir(runId), FINISHED_MARKER));
    }

    public static void markFinished(Warehouse warehouse, String runId) throws IOException {
        warehouse.fs().create(new Path(warehouse.runDir(runId), FINISHED_MARKER), true).close();
    }
}
