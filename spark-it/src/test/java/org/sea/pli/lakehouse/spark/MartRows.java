package org.sea.pli.lakehouse.spark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A mart's rows as one engine returned them, as Java values ({@link String}, {@link Integer},
 * {@link Long}, {@link Double}, {@link Boolean}, {@link BigDecimal}, {@link LocalDate}, null), in a
 * fixed column order, sorted: two reads are the same table content exactly when the lists are equal.
 * {@code Double.equals} compares bits, so doubles must be identical, not close; and a value read as
 * another Java type (an int64 read as an int, a decimal as a double) makes the rows differ too.
 */
final class MartRows {

    private MartRows() {}

    /** The rows of {@code sql} run by Spark; {@code spark.sql.datetime.java8API.enabled} gives dates as LocalDate. */
    static List<List<Object>> spark(SparkSession spark, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : spark.sql(sql).collectAsList()) {
            List<Object> values = new ArrayList<>(row.length());
            for (int i = 0; i < row.length(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return sorted(rows);
    }

    /** The rows of {@code sql} run by DuckDB over JDBC. */
    static List<List<Object>> jdbc(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    values.add(v instanceof java.sql.Date d ? d.toLocalDate() : v);
                }
                rows.add(values);
            }
        }
        return sorted(rows);
    }

    /** Sorted by every value in column order, each compared as its type and text (null first). */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(MartRows::sortKey));
        return copy;
    }

    /** Double.toString is exact (it round-trips), so equal keys mean equal values of the same type. */
    private static String sortKey(List<Object> row) {
        return row.stream()
                .map(v -> v == null ? "\u0000" : v.getClass().getSimpleName() + ":" + v)
                .collect(Collectors.joining("\u0001"));
    }

    /** The first row that differs, with its index, for a failure message; null when the lists are equal. */
    static String firstDifference(List<List<Object>> expected, List<List<Object>> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "row " + i + ": expected " + describe(expected.get(i)) + " but was " + describe(actual.get(i));
            }
        }
        return expected.size() == actual.size()
                ? null
                : "expected " + expected.size() + " rows but was " + actual.size();
    }

    private static String describe(List<Object> row) {
        return Arrays.toString(row.stream()
                .map(v -> v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")")
                .toArray());
    }
}
