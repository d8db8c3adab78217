package org.sea.pli.run;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the {@code run} verb was asked to do (SPEC.md §7).
 *
 * @param pseudonymKey the HMAC key of {@code educator_key} (§5.1), from PLI_PSEUDONYM_KEY; never logged
 */
public record RunRequest(Path inbox, String warehouse, LocalDate asOf, boolean strict, boolean allowChangedFiles,
                         byte[] pseudonymKey) {
}
