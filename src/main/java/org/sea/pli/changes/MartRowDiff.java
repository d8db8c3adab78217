package org.sea.pli.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.parquet.MartColumn;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;

/**
 * One mart of two runs compared row by row on the mart's key ({@code schemas/marts/<mart>.json}):
 * rows whose key only the new run has, only the old run has, and rows of both whose other values
 * differ. Values compare exactly, doubles included ({@link Double#equals}: the runs are
 * deterministic, so an unchanged input gives the identical double). A restricted mart
 * ({@code educator_activity}) is compared by {@link #counts} only: its rows are never read.
 */
public final class MartRowDiff {

    /** A row of both runs whose non-key values differ: its key and the columns that differ. */
    public record ChangedRow(Map<String, Object> key, List<String> columns) {}

    /**
     * @param added   keys of rows only the new run has (empty for a restricted mart)
     * @param removed keys of rows only the previous run has (empty for a restricted mart)
     * @param changed rows of both whose values differ (empty for a restricted mart)
     */
    public record Result(
            String mart,
            boolean restricted,
            long rowsBefore,
            long rowsAfter,
            long addedCount,
            long removedCount,
            long changedCount,
            List<Map<String, Object>> added,
            List<Map<String, Object>> removed,
            List<ChangedRow> changed) {

        public boolean unchanged() {
            return rowsBefore == rowsAfter && addedCount == 0 && removedCount == 0 && changedCount == 0;
        }
    }

    private MartRowDiff() {}

    /** A restricted mart: its row counts only, nothing about which rows. */
    public static Result counts(String mart, long rowsBefore, long rowsAfter) {
        return new Result(mart, true, rowsBefore, rowsAfter, 0, 0, 0, List.of(), List.of(), List.of());
    }

    /** A part of a mart both runs hold byte for byte: its rows, none of them changed. */
    static Result identical(String mart, long rows) {
        return new Result(mart, false, rows, rows, 0, 0, 0, List.of(), List.of(), List.of());
    }

    /**
     * The parts of one mart (its partitions, in name order) as one result: counts added up, keys
     * laid end to end. Equal to comparing the whole mart when no key occurs in two parts.
     */
    static Result joined(String mart, List<Result> parts) {
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> removed = new ArrayList<>();
        List<ChangedRow> changed = new ArrayList<>();
        long before = 0;
        long after = 0;
        for (Result p : parts) {
            before += p.rowsBefore();
            after += p.rowsAfter();
            added.addAll(p.added());
            removed.addAll(p.removed());
            changed.addAll(p.changed());
        }
        return new Result(
                mart, false, before, after, added.size(), removed.size(), changed.size(), added, removed, changed);
    }

    public static Result compare(MartSchema schema, List<MartRecord> before, List<MartRecord> after) {
        if (MartCatalog.RESTRICTED.contains(schema.name())) {
            throw new IllegalArgumentException(schema.name() + " is restricted: compare its counts only");
        }
        Map<List<Object>, MartRecord> old = byKey(schema, before);
        Map<List<Object>, MartRecord> now = byKey(schema, after);
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> removed = new ArrayList<>();
        List<ChangedRow> changed = new ArrayList<>();
        for (Map.Entry<List<Object>, MartRecord> e : now.entrySet()) {
            MartRecord was = old.get(e.getKey());
            if (was == null) {
                added.add(keyOf(schema, e.getKey()));
            } else {
                List<String> columns = differing(schema, was, e.getValue());
                if (!columns.isEmpty()) {
                    changed.add(new ChangedRow(keyOf(schema, e.getKey()), columns));
                }
            }
        }
        for (Map.Entry<List<Object>, MartRecord> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                removed.add(keyOf(schema, e.getKey()));
            }
        }
        return new Result(
                schema.name(),
                false,
                before.size(),
                after.size(),
                added.size(),
                removed.size(),
                changed.size(),
                added,
                removed,
                changed);
    }

    /** Rows by key, in read order (the writer's key order, so the lists come out sorted by key). */
    private static Map<List<Object>, MartRecord> byKey(MartSchema schema, List<MartRecord> rows) {
        Map<List<Object>, MartRecord> byKey = new LinkedHashMap<>();
        for (MartRecord r : rows) {
            List<Object> key = new ArrayList<>();
            for (String column : schema.key()) {
                key.add(value(r, column));
            }
            byKey.put(key, r);
        }
        return byKey;
    }

    private static Map<String, Object> keyOf(MartSchema schema, List<Object> key) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            named.put(schema.key().get(i), key.get(i));
        }
        return named;
    }

    private static List<String> differing(MartSchema schema, MartRecord was, MartRecord now) {
        List<String> columns = new ArrayList<>();
        for (MartColumn c : schema.columns()) {
            if (!schema.key().contains(c.name()) && !Objects.equals(value(was, c.name()), value(now, c.name()))) {
                columns.add(c.name());
            }
        }
        return columns;
    }

    /** A column's value as its Java type; the partition column {@code school_year} as its string. */
    static Object value(MartRecord r, String column) {
        MartSchema schema = r.schema();
        if (schema.partitioned() && column.equals(schema.partitionedBy())) {
            return r.string(column);
        }
        return switch (schema.columns().get(schema.index(column)).type()) {
            case STRING -> r.string(column);
            case INT32 -> r.int32(column);
            case INT64 -> r.int64(column);
            case DOUBLE -> r.float64(column);
            case BOOLEAN -> r.bool(column);
            case DATE -> r.date(column);
            case DECIMAL_18_2 -> r.decimal(column);
        };
    }
}
