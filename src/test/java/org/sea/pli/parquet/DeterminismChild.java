package org.sea.pli.parquet;

import org.sea.pli.storage.Warehouse;

/** Run in a separate JVM by {@link MartWriterDeterminismTest}: writes the fixture marts to args[0]. */
public final class DeterminismChild {
    private DeterminismChild() {}

    public static void main(String[] args) throws Exception {
        try (Warehouse w = Warehouse.open(args[0])) {
            MartWriterDuckDbTest.writeCohortImpact(w.fs(), w.martsDir("2026-06-30_1"));
            MartWriterDuckDbTest.writeLoadReport(w.fs(), w.martsDir("2026-06-30_1"));
            MartWriterDeterminismTest.writeBig(w.fs(), w.martsDir("2026-06-30_1"), MartOutputFile.KEEP);
        }
    }
}
