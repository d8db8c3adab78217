package org.sea.pli.extract;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where rejected rows go (docs/spec.md §3.1): {@code runs/<run_id>/quarantine/<lea_id>/<file>}.
 * Paths are relative to the run's quarantine folder.
 */
public interface QuarantineStore {

    OutputStream create(String relativePath) throws IOException;

    void delete(String relativePath) throws IOException;
}
