package org.sea.pli.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Quarantine files (spec §3.1) in a local folder, for {@code validate --quarantine DIR}: the same
 * {@code <lea_id>/<file name without .gz>} layout a run writes under {@code runs/<run_id>/quarantine/}.
 */
public final class DirectoryQuarantine implements QuarantineStore {

    private final Path dir;

    public DirectoryQuarantine(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Where the quarantine file of {@code file} goes (whether or not it has been written). */
    public Path fileOf(InboxFile file) {
        return dir.resolve(file.leaId()).resolve(file.quarantineName());
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        Path file = dir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file);
    }

    @Override
    public void delete(String relativePath) throws IOException {
        Files.deleteIfExists(dir.resolve(relativePath));
    }
}
