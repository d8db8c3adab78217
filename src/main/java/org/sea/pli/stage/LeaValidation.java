package org.sea.pli.stage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.sea.pli.extract.Inbox;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.model.LeaModels;
import org.slf4j.helpers.NOPLogger;

/**
 * {@code validate} (docs/spec.md §7): one LEA's files, read by the same {@link LeaLoop} as a run
 * reads them, on one thread and with no warehouse; nothing is folded. {@code validate} prints its
 * own report, so this load logs nothing.
 */
public final class LeaValidation {

    private LeaValidation() {}

    /**
     * The {@code _state} files and one LEA's folder only, scanned as a run's load scans the whole inbox.
     *
     * @throws org.sea.pli.extract.InboxException when a {@code _state} file is missing or unreadable (§1)
     */
    public static Inbox scan(Path inbox, LocalDate asOf, String leaId) {
        String folder = leaId + "/";
        return Inbox.scan(inbox, asOf, relative -> relative.startsWith(folder));
    }

    /** The files of an inbox {@link #scan scanned} for one LEA; rejected rows go to {@code quarantine}. */
    public static LoadResult validate(Inbox scanned, LocalDate asOf, double maxRejectRate, QuarantineStore quarantine)
            throws Exception {
        LeaLoop loop = new LeaLoop(
                scanned,
                maxRejectRate,
                quarantine,
                new LeaModels(),
                false,
                NOPLogger.NOP_LOGGER,
                "validate",
                Duration.ofDays(1),
                System.nanoTime());
        return loop.result(asOf, loop.run(1, LeaLoop.READ), LoadResult.Reuse.NONE);
    }
}
