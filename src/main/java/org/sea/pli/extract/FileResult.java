package org.sea.pli.extract;

import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;

/**
 * What reading one inbox file found (docs/spec.md §3, §5.7).
 *
 * @param reasons        reject reason code → row count, sorted by code
 * @param unknownColumns ignored extra columns, lower-cased, comma-separated in header order; null when none
 * @param rejected       file-level reason (§3.2), or null when the file is accepted
 * @param acceptedRows   school year → accepted rows of that year, for years with at least one (§1.1, §5.11)
 * @param claimedYears   well-formed school years of the raw rows; null means every year (no school_year column)
 * @param readNanos      time spent reading and validating the file (for throughput figures only)
 */
public record FileResult(
        String sha256,
        long bytes,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        Map<String, Long> reasons,
        String unknownColumns,
        FileReason rejected,
        NavigableMap<Integer, Long> acceptedRows,
        SortedSet<Integer> claimedYears,
        long readNanos) {

    /** School years with at least one accepted row (§1.1). */
    public SortedSet<Integer> acceptedYears() {
        return acceptedRows.navigableKeySet();
    }
}
