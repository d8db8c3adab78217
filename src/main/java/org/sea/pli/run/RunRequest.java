package org.sea.pli.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a run was asked to do (docs/spec.md §7).
 *
 * @param pseudonymKey the HMAC key of {@code educator_key} (§5.1), from PLI_PSEUDONYM_KEY; never logged
 * @param runId        a fixed run id (a rerun reproduces a recorded one), or null to take the next (§6)
 * @param inputs       the only inbox paths to consider (a rerun: its manifest's), or null for all
 * @param settings     the configuration to use instead of the application's (a rerun: its manifest's), or null
 * @param recordedIn   the warehouse holding the recorded run a rerun reproduces (its {@code changes.json}
 *                     names the previous run to compare with again), or null for a nightly run
 * @param full         whether to reuse nothing from earlier runs ({@code --full}, docs/spec.md §6.1); a
 *                     reproduction never reuses either way
 */
public record RunRequest(
        Path inbox,
        String warehouse,
        LocalDate asOf,
        boolean strict,
        boolean allowChangedFiles,
        byte[] pseudonymKey,
        String runId,
        Set<String> inputs,
        RunSettings settings,
        String recordedIn,
        boolean full) {

    /** A nightly {@code run}. */
    public RunRequest(
            Path inbox,
            String warehouse,
            LocalDate asOf,
            boolean strict,
            boolean allowChangedFiles,
            byte[] pseudonymKey,
            boolean full) {
        this(inbox, warehouse, asOf, strict, allowChangedFiles, pseudonymKey, null, null, null, null, full);
    }

    /** Whether results of earlier finished runs may stand in for reading unchanged LEAs (§6.1). */
    public boolean reuses() {
        return !full && !reproduction();
    }

    /** Whether this is a reproduction of a recorded run rather than a nightly run. */
    public boolean reproduction() {
        return runId != null;
    }
}
