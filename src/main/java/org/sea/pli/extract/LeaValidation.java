package org.sea.pli.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code validate} checks (SPEC §7): the §1–§3 load of one LEA's folder, done by the same
 * {@link Inbox#scan} and {@link LeaLoader} as a run, so an LEA sees exactly the load-report rows and
 * quarantine files the state's run would produce. Nothing is folded into marts: the LEA models,
 * the pseudonym key, the job repository and the warehouse are not involved.
 */
public final class LeaValidation {

    private final Inbox inbox;
    private final String leaId;
    private final List<InboxFile> files;

    private LeaValidation(Inbox inbox, String leaId) {
        this.inbox = inbox;
        this.leaId = leaId;
        this.files = inbox.files().stream().filter(f -> f.leaId().equals(leaId)).toList();
    }

    /**
     * Scans the state's {@code _state} files and the LEA's own folder only.
     *
     * @throws InboxException when a {@code _state} file is missing or unreadable (§1)
     */
    public static LeaValidation open(Path inboxRoot, String leaId, LocalDate asOf) {
        String folder = leaId + "/";
        return new LeaValidation(Inbox.scan(inboxRoot, asOf, relative -> relative.startsWith(folder)), leaId);
    }

    /** Whether {@code _state/leas.csv} lists the LEA; a run would report its files as {@code unknown_lea}. */
    public boolean registered() {
        return inbox.state().leas().containsKey(leaId);
    }

    public StateRegistry state() {
        return inbox.state();
    }

    /** The LEA's files as the scan classified them (§1), in file-name order. */
    public List<InboxFile> files() {
        return files;
    }

    /**
     * Reads every file of the LEA once, as a run does (§2, §3), with folds that keep nothing;
     * rejected rows go to {@code quarantine} under {@code <lea_id>/<file name without .gz>} (§3.1).
     */
    public List<FileOutcome> load(double maxRejectRate, QuarantineStore quarantine) throws IOException {
        ExtractFileReader reader = new ExtractFileReader(inbox.state().dimensions(), maxRejectRate, quarantine);
        return new LeaLoader(reader, (lea, schema) -> ExtractFold.NONE).load(leaId, files);
    }
}
