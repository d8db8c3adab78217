package org.sea.pli.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.stage.ToolVersion;
import org.sea.pli.storage.Warehouse;

/**
 * Hand-built mart files of a run, and the manifest a finished run would have recorded for them
 * (their SHA-256 and rows, docs/spec.md §6), for tests of the steps after the marts.
 */
public final class RecordedRuns {

    private RecordedRuns() {}

    /** A row of {@code mart}: (column, value) pairs; columns not named are null. */
    public static Object[] row(String mart, Object... pairs) {
        MartSchema schema = MartSchema.load(mart);
        Object[] values = new Object[schema.columns().size()];
        for (int i = 0; i < pairs.length; i += 2) {
            values[schema.index((String) pairs[i])] = pairs[i + 1];
        }
        return values;
    }

    /** One partition's rows of a mart (in key order), as a writer is handed them. */
    public record Partition(String schoolYear, List<Object[]> rows) {
        public static Partition of(String schoolYear, Object[]... rows) {
            return new Partition(schoolYear, List.of(rows));
        }
    }

    /** Writes the partitions (in name order) as the run's files of {@code mart}; returns them. */
    public static List<WrittenFile> write(Warehouse warehouse, String runId, String mart, Partition... partitions)
            throws IOException {
        try (MartWriter w = new MartWriter(warehouse.fs(), warehouse.martsDir(runId), MartSchema.load(mart))) {
            for (Partition p : partitions) {
                for (Object[] r : p.rows()) {
                    w.write(p.schoolYear(), r);
                }
            }
            return w.finish();
        }
    }

    /** Writes {@code runs/<run_id>/manifest.json} listing the files, this pl-impact's version and min-cell-size. */
    public static void manifest(Warehouse warehouse, String runId, int minCellSize, List<WrittenFile> marts)
            throws IOException {
        List<RunManifest.Output> outputs = new ArrayList<>();
        for (WrittenFile f : marts) {
            outputs.add(new RunManifest.Output("marts/" + f.path(), f.sha256(), f.rows()));
        }
        outputs.sort(java.util.Comparator.comparing(RunManifest.Output::path));
        Instant now = Instant.parse("2026-07-01T02:00:00Z");
        RunManifest manifest = new RunManifest(
                runId,
                runId.substring(0, 10),
                ToolVersion.plImpact(),
                ToolVersion.parquetJava(),
                new RunManifest.Configuration(minCellSize, 0.5, 0.05, 10, "0".repeat(64)),
                List.of(),
                outputs,
                null,
                new RunManifest.Timing(now, now));
        try (OutputStream out = warehouse.fs().create(new Path(warehouse.runDir(runId), RunManifest.FILE), true)) {
            out.write(manifest.toJson());
        }
    }
}
