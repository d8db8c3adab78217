package org.sea.pli.stage;

import java.io.IOException;
import java.util.List;
import org.sea.pli.disclosure.PublicationCheck;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check before publishing (docs/spec.md §5.12 step 4): the run's public marts, as written,
 * read back and checked by {@link PublicationCheck}. A violation fails the run before anything is
 * published; starting again cannot help (the same inputs give the same marts), so it says what to
 * look at instead.
 */
public final class DisclosureCheckStage {

    private static final Logger log = LoggerFactory.getLogger(DisclosureCheckStage.class);

    /** Violations named in the failure's one line; the log lists more. */
    static final int NAMED = 3;

    static final int LOGGED = 50;

    private final Warehouse warehouse;
    private final String runId;
    private final int minCellSize;

    public DisclosureCheckStage(Warehouse warehouse, String runId, int minCellSize) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.minCellSize = minCellSize;
    }

    /** Checks the written marts; throws {@link StageFailure} naming the first violations. */
    public Timed<Void> check() throws IOException {
        long started = System.nanoTime();
        List<String> violations =
                new PublicationCheck(warehouse.fs(), warehouse.martsDir(runId), minCellSize).violations();
        if (!violations.isEmpty()) {
            violations.stream().limit(LOGGED).forEach(v -> log.error("run {}: disclosure check: {}", runId, v));
            throw new StageFailure("disclosure check failed (docs/spec.md §5.12): " + violations.size()
                    + " published value(s) would give away a group smaller than min-cell-size " + minCellSize
                    + ": " + String.join("; ", violations.subList(0, Math.min(NAMED, violations.size())))
                    + (violations.size() > NAMED ? "; and " + (violations.size() - NAMED) + " more (see the log)" : "")
                    + ". Nothing was published; this is a defect of pl-impact, not of the inbox: report it with this run's"
                    + " marts (runs/" + runId + "/marts)");
        }
        log.info("run {}: disclosure check passed (min-cell-size {})", runId, minCellSize);
        return Timed.since(started, null);
    }
}
