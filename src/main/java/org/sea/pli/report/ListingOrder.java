package org.sea.pli.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FileStatus;

/**
 * The orders the pages list things in, each taken from where it is defined: PL models and funding
 * sources in the order of their enum values in {@code schemas/extracts/} (spec §2: durable models
 * first, one-off sessions last), file statuses in {@link FileStatus} order (spec §1.1).
 */
final class ListingOrder {

    static final List<String> STATUSES =
            Arrays.stream(FileStatus.values()).map(FileStatus::code).toList();
    static final List<String> MODELS = ExtractSchema.of("pl_activities").values("pl_model");
    static final List<String> SOURCES = ExtractSchema.of("pl_funding").values("funding_source");

    /** Known models in schema order, then any other by name. */
    static final Comparator<String> MODEL =
            Comparator.comparingInt((String m) -> rank(MODELS, m)).thenComparing(Comparator.naturalOrder());

    static final Comparator<String> SOURCE =
            Comparator.comparingInt((String s) -> rank(SOURCES, s)).thenComparing(Comparator.naturalOrder());

    private ListingOrder() {}

    private static int rank(List<String> order, String v) {
        int i = order.indexOf(v);
        return i < 0 ? order.size() : i;
    }
}
