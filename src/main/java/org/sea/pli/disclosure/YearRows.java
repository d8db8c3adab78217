package org.sea.pli.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sea.pli.parquet.MartColumn;
import org.sea.pli.parquet.MartSchema;

/**
 * One public mart's rows of one school year, whole as computed, and what {@link Disclosure} decides
 * for each (docs/spec.md §5, §5.12): suppressed on its own count (primary), suppressed so that
 * another cannot be worked out (complementary), student-suppressed (‡). Decisions are made on the
 * counts before any value is nulled; {@link #apply} then nulls the columns the schema marks.
 */
final class YearRows {

    private final DisclosureRule rule;
    private final MartSchema schema;
    private final List<Object[]> rows = new ArrayList<>();
    private boolean[] primary;
    private boolean[] complementary;

    YearRows(DisclosureRule rule) {
        this.rule = rule;
        this.schema = rule.schema();
    }

    void add(Object[] values) {
        rows.add(values);
    }

    List<Object[]> rows() {
        return rows;
    }

    /** §5: a row whose educator count is below min-cell-size. */
    void decidePrimary(int minCellSize) {
        primary = new boolean[rows.size()];
        complementary = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            primary[i] = count(i) < minCellSize;
        }
    }

    /**
     * §5.12 step 1: in each group with at least two rows and exactly one suppressed, the unsuppressed
     * row with the smallest count is suppressed too (ties: the mart key ascending). Decided on the
     * primary flags, once.
     */
    void decideComplementary() {
        if (rule.complementaryWithin().isEmpty()) {
            return;
        }
        for (List<Integer> group : groups(rule.complementaryWithin()).values()) {
            List<Integer> small = group.stream().filter(i -> primary[i]).toList();
            if (group.size() < 2 || small.size() != 1) {
                continue;
            }
            Comparator<Integer> smallest = Comparator.comparingDouble(this::count);
            group.stream()
                    .filter(i -> !primary[i])
                    .min(smallest.thenComparing(this::byKey))
                    .ifPresent(i -> complementary[i] = true);
        }
    }

    /**
     * §5.12 step 2: every row of a group is suppressed when any of them is below min-cell-size, or
     * when {@code withheld} holds the group's key (a suppressed row of {@link DisclosureRule#withheldWith}).
     */
    void decideAllOrNothing(Set<List<Object>> withheld) {
        if (rule.allOrNothingWithin().isEmpty()) {
            return;
        }
        for (Map.Entry<List<Object>, List<Integer>> group :
                groups(rule.allOrNothingWithin()).entrySet()) {
            boolean any = withheld.contains(group.getKey());
            for (int i : group.getValue()) {
                any |= primary[i];
            }
            if (any) {
                for (int i : group.getValue()) {
                    complementary[i] = !primary[i];
                }
            }
        }
    }

    /** The group keys, on {@code columns}, of the rows suppressed so far. */
    Set<List<Object>> suppressedKeys(List<String> columns) {
        Set<List<Object>> keys = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (primary[i] || complementary[i]) {
                keys.add(key(i, columns));
            }
        }
        return keys;
    }

    /**
     * Sets {@code suppressed} (and {@code student_suppressed}) on every row and nulls the columns the
     * schema marks († when suppressed, ‡ when student-suppressed); returns the counts.
     */
    DisclosureCounts.Mart apply(int minCellSize) {
        int suppressedPrimary = 0;
        int suppressedComplementary = 0;
        int suppressedAt = schema.index("suppressed");
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            boolean suppressed = primary[i] || complementary[i];
            suppressedPrimary += primary[i] ? 1 : 0;
            suppressedComplementary += complementary[i] ? 1 : 0;
            if (rule.studentCount() != null) {
                Object students = row[schema.index(rule.studentCount())];
                boolean studentSuppressed =
                        suppressed || students == null || ((Number) students).doubleValue() < minCellSize;
                row[schema.index("student_suppressed")] = studentSuppressed;
                if (studentSuppressed) {
                    nullColumns(row, MartColumn.STUDENT);
                }
            }
            row[suppressedAt] = suppressed;
            if (suppressed) {
                nullColumns(row, MartColumn.EDUCATOR);
            }
        }
        return new DisclosureCounts.Mart(rows.size(), suppressedPrimary, suppressedComplementary);
    }

    private void nullColumns(Object[] row, String suppression) {
        for (int c = 0; c < row.length; c++) {
            if (suppression.equals(schema.columns().get(c).suppression())) {
                row[c] = null;
            }
        }
    }

    private double count(int i) {
        Object v = rows.get(i)[schema.index(rule.educatorCount())];
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    /** Rows by their values of {@code columns} (the school year is the partition: all rows share it). */
    private Map<List<Object>, List<Integer>> groups(List<String> columns) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(key(i, columns), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private List<Object> key(int i, List<String> columns) {
        List<Object> key = new ArrayList<>();
        for (String c : columns) {
            if (!c.equals(schema.partitionedBy())) {
                key.add(rows.get(i)[schema.index(c)]);
            }
        }
        return key;
    }

    /** Compares two rows on the mart key (school_year aside), in key order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private int byKey(int a, int b) {
        List<Object> x = key(a, schema.key());
        List<Object> y = key(b, schema.key());
        for (int k = 0; k < x.size(); k++) {
            int c = ((Comparable) x.get(k)).compareTo(y.get(k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
