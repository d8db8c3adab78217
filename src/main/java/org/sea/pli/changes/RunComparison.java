package org.sea.pli.changes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.CohortImpactMart;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;

/**
 * A run compared with an earlier one: the earlier run's inputs from its manifest, both runs' marts
 * from their immutable {@code runs/<run_id>/marts/} (never {@code current/}, which a later publish
 * replaces), every mart of {@link MartCatalog#NAMES} by key.
 */
public final class RunComparison {

    private RunComparison() {}

    /**
     * @param inputs the run's inputs as its manifest will record them
     * @param before the warehouse holding {@code previousRunId} (the run's own, or for a
     *               reproduction the recorded run's)
     */
    public static RunChanges compare(
            Warehouse now, String runId, List<RunManifest.Input> inputs, Warehouse before, String previousRunId)
            throws IOException {
        RunManifest previous = manifest(before, previousRunId);
        MartReader oldMarts = new MartReader(before.fs(), before.martsDir(previousRunId));
        MartReader newMarts = new MartReader(now.fs(), now.martsDir(runId));
        List<MartRowDiff.Result> marts = new ArrayList<>();
        List<CohortMoves.Flip> flips = List.of();
        List<CohortMoves.BrightSpot> entered = List.of();
        List<CohortMoves.BrightSpot> left = List.of();
        for (String mart : MartCatalog.NAMES) {
            if (MartCatalog.RESTRICTED.contains(mart)) {
                // counts only, from the footers: its keys are never listed, and it is the one big mart
                marts.add(MartRowDiff.counts(
                        mart,
                        rows(before, before.martsDir(previousRunId), mart),
                        rows(now, now.martsDir(runId), mart)));
                continue;
            }
            MartSchema schema = MartSchema.load(mart);
            List<MartRecord> was = oldMarts.read(schema);
            List<MartRecord> is = newMarts.read(schema);
            marts.add(MartRowDiff.compare(schema, was, is));
            if (mart.equals(CohortImpactMart.NAME)) {
                flips = CohortMoves.flips(was, is);
            } else if (mart.equals(BrightSpotsMart.NAME)) {
                entered = CohortMoves.notIn(is, was);
                left = CohortMoves.notIn(was, is);
            }
        }
        return new RunChanges(
                runId, previousRunId, InputDiff.compare(previous.inputs(), inputs), marts, flips, entered, left);
    }

    /** Rows of every Parquet file below {@code marts/<mart>/}, from the footers. */
    private static long rows(Warehouse warehouse, Path martsDir, String mart) throws IOException {
        Path dir = new Path(martsDir, mart);
        if (!warehouse.fs().exists(dir)) {
            return 0;
        }
        long rows = 0;
        for (String relative : warehouse.filesBelow(dir)) {
            if (relative.endsWith(".parquet")) {
                Path file = Warehouse.child(dir, relative);
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(
                        warehouse.fs().getFileStatus(file), warehouse.fs().getConf()))) {
                    rows += reader.getRecordCount();
                }
            }
        }
        return rows;
    }

    /** Whether the warehouse still holds the run's manifest (a pruned run cannot be compared with). */
    static boolean holds(Warehouse warehouse, String runId) throws IOException {
        return warehouse.fs().exists(new Path(warehouse.runDir(runId), RunManifest.FILE));
    }

    private static RunManifest manifest(Warehouse warehouse, String runId) throws IOException {
        Path file = new Path(warehouse.runDir(runId), RunManifest.FILE);
        try (InputStream in = warehouse.fs().open(file)) {
            return RunManifest.parse(in.readAllBytes());
        } catch (IllegalArgumentException e) {
            throw new IOException("the manifest of run " + runId + " (" + file + ") is not valid: " + e.getMessage());
        }
    }
}
