package org.sea.pli.changes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.CohortImpactMart;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.stage.MartFiles;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run compared with an earlier one: the earlier run's inputs from its manifest, both runs' marts
 * from their immutable {@code runs/<run_id>/marts/} (never {@code current/}, which a later publish
 * replaces), every mart of {@link MartCatalog#NAMES} by key.
 *
 * <p>Partition by partition: a mart's key begins with its partition column ({@code school_year}),
 * so a row can only meet its counterpart in the same partition, and the partitions' differences
 * laid end to end in name order are the whole mart's, in the order a reading of the whole mart
 * gives them. A partition whose files both runs share byte for byte (same names, same SHA-256,
 * {@link MartFiles}) has no row that changed and is not read: on a night that reused most of the
 * last run's partitions (docs/spec.md §6.1), only what was computed again is read and compared.
 */
public final class RunComparison {

    private static final Logger log = LoggerFactory.getLogger(RunComparison.class);

    private RunComparison() {}

    /**
     * @param inputs the run's inputs as its manifest will record them
     * @param files  the run's mart files with their SHA-256 and rows
     * @param before the warehouse holding {@code previousRunId} (the run's own, or for a
     *               reproduction the recorded run's)
     */
    static RunChanges compare(
            Warehouse now,
            String runId,
            List<RunManifest.Input> inputs,
            MartFiles files,
            Warehouse before,
            String previousRunId)
            throws IOException {
        RunManifest previous = manifest(before, previousRunId);
        MartFiles previousFiles = MartFiles.recorded(previous);
        MartReader oldMarts = new MartReader(before.fs(), before.martsDir(previousRunId));
        MartReader newMarts = new MartReader(now.fs(), now.martsDir(runId));
        List<MartRowDiff.Result> marts = new ArrayList<>();
        List<CohortMoves.Flip> flips = new ArrayList<>();
        List<CohortMoves.BrightSpot> entered = new ArrayList<>();
        List<CohortMoves.BrightSpot> left = new ArrayList<>();
        int compared = 0;
        int shared = 0;
        for (String mart : MartCatalog.NAMES) {
            if (MartCatalog.RESTRICTED.contains(mart)) {
                // counts only, as recorded: its keys are never listed, and it is the one big mart
                marts.add(MartRowDiff.counts(mart, previousFiles.rows(mart), files.rows(mart)));
                continue;
            }
            MartSchema schema = MartSchema.load(mart);
            SortedMap<String, Map<String, String>> was = previousFiles.partitions(mart);
            SortedMap<String, Map<String, String>> is = files.partitions(mart);
            SortedSet<String> partitions = new TreeSet<>(was.keySet());
            partitions.addAll(is.keySet());
            List<MartRowDiff.Result> parts = new ArrayList<>();
            for (String partition : partitions) {
                if (was.containsKey(partition) && was.get(partition).equals(is.get(partition))) {
                    parts.add(MartRowDiff.identical(mart, previousFiles.rows(mart, partition)));
                    shared++;
                    continue;
                }
                compared++;
                List<MartRecord> old = oldMarts.read(schema, partition);
                List<MartRecord> fresh = newMarts.read(schema, partition);
                parts.add(MartRowDiff.compare(schema, old, fresh));
                if (mart.equals(CohortImpactMart.NAME)) {
                    flips.addAll(CohortMoves.flips(old, fresh));
                } else if (mart.equals(BrightSpotsMart.NAME)) {
                    entered.addAll(CohortMoves.notIn(fresh, old));
                    left.addAll(CohortMoves.notIn(old, fresh));
                }
            }
            marts.add(MartRowDiff.joined(mart, parts));
        }
        log.info(
                "run {}: {} mart partitions compared row by row; {} the same bytes as run {}'s, not read",
                runId,
                compared,
                shared,
                previousRunId);
        return new RunChanges(
                runId, previousRunId, InputDiff.compare(previous.inputs(), inputs), marts, flips, entered, left);
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
