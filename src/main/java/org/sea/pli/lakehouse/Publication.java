package org.sea.pli.lakehouse;

import java.util.Map;

/**
 * What publishing a run to the tables did: the catalog, the run's tag, whether the tables' main
 * branch now holds the run, and per mart table the snapshot the tag points at. Snapshot ids are
 * random, so this differs between two runs of the same load (docs/lakehouse.md).
 *
 * @param tables mart name to its snapshot, in mart order
 */
public record Publication(String catalog, String namespace, String tag, boolean main, Map<String, Snapshot> tables) {

    /** @param files the data files of the snapshot (the run's Parquet files of that mart) */
    public record Snapshot(long snapshotId, int files) {}
}
