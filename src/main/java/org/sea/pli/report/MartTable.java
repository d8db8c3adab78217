package org.sea.pli.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The rows of one mart as read back from its Parquet files, in file order (partitions in name
 * order), each row a column-name → value map. Values are {@link String}, {@link Integer},
 * {@link Long}, {@link Double}, {@link Boolean}, {@link BigDecimal}, {@link java.time.LocalDate}
 * or {@code null}; a Hive partition value ({@code school_year}) is added as a String.
 */
public record MartTable(String mart, List<Map<String, Object>> rows) {

    public MartTable {
        rows = List.copyOf(rows);
    }

    public static String str(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    public static Double dbl(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public static Long lng(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public static BigDecimal money(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : (BigDecimal) v;
    }

    public static boolean flag(Map<String, Object> row, String column) {
        return Boolean.TRUE.equals(row.get(column));
    }
}
