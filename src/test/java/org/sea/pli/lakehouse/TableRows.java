package org.sea.pli.lakehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/** A mart's rows as sorted lines of text, read by Iceberg (a table at a ref) or by DuckDB (Parquet). */
public final class TableRows {

    private TableRows() {}

    /** The rows of {@code table} at {@code ref} (a tag or branch), columns in table-schema order. */
    public static List<String> iceberg(Table table, String ref) throws Exception {
        Schema schema = table.schemas().get(table.snapshot(ref).schemaId());
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table)
                .useSnapshot(table.snapshot(ref).snapshotId())
                .build()) {
            for (Record r : records) {
                List<String> values = new ArrayList<>();
                for (Types.NestedField f : schema.columns()) {
                    values.add(text(r.getField(f.name())));
                }
                rows.add(String.join("|", values));
            }
        }
        rows.sort(null);
        return rows;
    }

    /**
     * DuckDB's read of the mart's Parquet files below {@code dir} ({@code runs/<id>/marts/<mart>} or
     * {@code current/<mart>}), columns in the order of {@code schema}.
     */
    public static List<String> duckdb(Connection duck, Path dir, Schema schema, boolean partitioned)
            throws SQLException {
        if (!hasParquet(dir)) {
            return List.of(); // a partitioned mart without rows has no files (no partition to hold them)
        }
        List<String> names =
                schema.columns().stream().map(Types.NestedField::name).toList();
        String from = partitioned
                ? "read_parquet('" + dir + "/**/*.parquet', hive_partitioning = true)"
                : "read_parquet('" + dir + "/*.parquet')";
        List<String> rows = new ArrayList<>();
        try (Statement s = duck.createStatement();
                ResultSet r = s.executeQuery("SELECT " + String.join(", ", names) + " FROM " + from)) {
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= names.size(); i++) {
                    values.add(text(r.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static boolean hasParquet(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return false;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            return walk.anyMatch(p -> p.toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One text form for both engines' Java values (dates as ISO days, decimals as plain text). */
    static String text(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }
}
