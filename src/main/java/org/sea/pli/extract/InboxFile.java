package org.sea.pli.extract;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A file found under an LEA folder of the inbox (docs/spec.md §1).
 *
 * @param relativePath path relative to the inbox, with '/' separators
 * @param extract      one of the seven extracts, or null when the name does not give one
 * @param extractDate  the LEA's extract date, or null when the name does not give one
 * @param ignored      why the file is not read, or null when it is read
 */
public record InboxFile(
        String leaId,
        String fileName,
        String relativePath,
        Path path,
        String extract,
        LocalDate extractDate,
        boolean gzip,
        FileReason ignored) {

    /** The quarantine file name: the file name without {@code .gz} (§3.1). */
    public String quarantineName() {
        return gzip ? fileName.substring(0, fileName.length() - 3) : fileName;
    }
}
