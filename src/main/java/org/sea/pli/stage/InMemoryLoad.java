package org.sea.pli.stage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.model.LeaModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load with no warehouse, on one thread, through the same {@link LeaLoop} as a run: rejected
 * rows go to the given quarantine, nothing is checkpointed and no earlier run is consulted (tests
 * and tools that need only the models).
 */
public final class InMemoryLoad {

    private static final Logger log = LoggerFactory.getLogger(InMemoryLoad.class);

    private InMemoryLoad() {}

    public static LoadResult load(Path inbox, LocalDate asOf, double maxRejectRate, QuarantineStore quarantine)
            throws Exception {
        long started = System.nanoTime();
        Inbox scanned = Inbox.scan(inbox, asOf);
        LeaLoop loop = new LeaLoop(
                scanned,
                maxRejectRate,
                quarantine,
                new LeaModels(),
                true,
                log,
                "in-memory",
                Duration.ofDays(1),
                started);
        return loop.result(asOf, loop.run(1, LeaLoop.READ), LoadResult.Reuse.NONE);
    }
}
