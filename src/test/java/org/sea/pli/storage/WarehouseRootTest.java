package org.sea.pli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse root names the job instance of a run (docs/spec.md §6 restart): it must be stable. */
class WarehouseRootTest {

    @TempDir
    Path dir;

    @Test
    void theRootIsTheSameBeforeAndAfterTheDirectoryExists() throws Exception {
        Path w = dir.resolve("warehouse");
        String before = Warehouse.open(w.toString()).root().toString();
        Files.createDirectories(w);
        String after = Warehouse.open(w.toString()).root().toString();
        String relative = Warehouse.open(dir.relativize(w).toString()).root().toString();
        assertThat(after).isEqualTo(before).doesNotEndWith("/").endsWith("/warehouse");
        assertThat(Warehouse.open(w + "/").root().toString()).isEqualTo(before);
    }
}
