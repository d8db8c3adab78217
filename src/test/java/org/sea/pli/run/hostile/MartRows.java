package org.sea.pli.run.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Published mart rows read back with DuckDB, as a BI tool reads them. */
final class MartRows {

    private MartRows() {}

    static List<Map<String, Object>> loadReport(Path current) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        query("SELECT * FROM read_parquet('" + current.resolve("load_report/part-00000.parquet") + "')", r -> {
            ResultSetMetaData m = r.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                row.put(m.getColumnName(i), r.getObject(i));
            }
            rows.add(row);
        });
        return rows;
    }

    /**
     * Every row of the load report and of the given marts (school year 2025-26, the tiny inbox's
     * only one), as text prefixed by its mart, grouped by lea_id, in key order.
     */
    static Map<String, List<String>> byLea(Path current, List<String> marts) throws Exception {
        Map<String, List<String>> byLea = new TreeMap<>();
        List<String> queries = new ArrayList<>();
        queries.add("SELECT 'load_report' AS mart, * FROM read_parquet('"
                + current.resolve("load_report/part-00000.parquet") + "') ORDER BY ALL");
        for (String mart : marts) {
            Path dir = current.resolve(mart + "/school_year=2025-26/part-00000.parquet");
            if (Files.exists(dir)) {
                queries.add("SELECT '" + mart + "' AS mart, * FROM read_parquet('" + dir + "') ORDER BY ALL");
            }
        }
        for (String q : queries) {
            query(q, r -> {
                StringBuilder line = new StringBuilder();
                String lea = null;
                ResultSetMetaData m = r.getMetaData();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    line.append(i == 1 ? "" : "|").append(r.getString(i));
                    if (m.getColumnName(i).equals("lea_id")) {
                        lea = r.getString(i);
                    }
                }
                byLea.computeIfAbsent(lea, k -> new ArrayList<>()).add(line.toString());
            });
        }
        return byLea;
    }

    private interface RowHandler {
        void row(ResultSet r) throws Exception;
    }

    private static void query(String sql, RowHandler handler) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                handler.row(r);
            }
        }
    }
}
