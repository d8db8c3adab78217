package org.sea.pli.stage;

import java.util.List;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.Inbox;
import org.sea.pli.model.LeaModels;

/**
 * What {@link LoadStage} returns (spec §1–§3): the inbox as scanned, every file's outcome in LEA
 * then file order (its status says which slices are in force), the LEA models folded from the
 * accepted rows, and the row counts. The stages after the load only read it.
 */
public record LoadResult(
        Inbox inbox,
        java.time.LocalDate asOf,
        List<FileOutcome> outcomes,
        LeaModels models,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        Timing timing,
        Reuse reuse) {

    /**
     * How many LEAs the load did not read (the run summary says so, so that a fast night is explainable).
     *
     * @param leas    LEA folders in the inbox
     * @param resumed restored from this run's checkpoints (a restart)
     * @param reused  restored from the reuse store: unchanged since the last finished run (docs/spec.md §6.1)
     * @param partly  read only for the school years their new, changed or vanished files touch, the
     *                rest restored from the reuse store (§6.1)
     */
    public record Reuse(int leas, int resumed, int reused, int partly) {
        public static final Reuse NONE = new Reuse(0, 0, 0, 0);

        /** The run summary's line, e.g. "195 of 200 LEAs unchanged since the last finished run, 5 read". */
        public String summary() {
            String line = reused + " of " + leas + " LEAs unchanged since the last finished run";
            if (resumed > 0) {
                line += ", " + resumed + " restored from this run's checkpoints";
            }
            line += ", " + (leas - reused - resumed) + " read";
            return partly == 0
                    ? line
                    : line + " (" + partly + " of them only for the extracts and school years that changed)";
        }
    }

    /**
     * Where the load's wall time went (the run summary's phase table, never the bytes).
     *
     * @param listing listing the inbox, the _state files and the check against earlier runs' records
     * @param reading reading, hashing (in the same pass) and folding every file, or restoring checkpoints
     */
    public record Timing(java.time.Duration listing, java.time.Duration reading) {}

    public LoadResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Files the load rejected as a whole (§3.2); {@code --strict} fails the run on any. */
    public long rejectedFiles() {
        return outcomes.stream().filter(o -> o.status() == FileStatus.REJECTED).count();
    }
}
