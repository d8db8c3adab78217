package org.sea.pli.stage;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.storage.Warehouse;

/** Quarantine files under {@code runs/<run_id>/quarantine/} on the warehouse's file system (docs/spec.md §3.1). */
final class WarehouseQuarantine implements QuarantineStore {

    private final FileSystem fs;
    private final Path dir;

    WarehouseQuarantine(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        return fs.create(Warehouse.child(dir, relativePath), true);
    }

    @Override
    public void delete(String relativePath) throws IOException {
        fs.delete(Warehouse.child(dir, relativePath), false);
    }
}
