package org.sea.pli.testing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The personal identifiers of an inbox (every {@code student_id} and {@code educator_id}) and
 * scans for them in what a run leaves behind: log text, every text file of the warehouse except
 * the restricted quarantine ({@code runs/<run_id>/quarantine/}, raw rows by design, docs/spec.md §3.1),
 * and every string column of every mart.
 */
public final class PrivacyScan {

    private final Set<String> ids;

    private PrivacyScan(Set<String> ids) {
        this.ids = ids;
    }

    /** The ids of every extract file of the inbox ({@code .csv} and {@code .csv.gz}). */
    public static PrivacyScan of(Path inbox) throws IOException {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            for (Path f : files.filter(
                            p -> p.getFileName().toString().matches("[a-z_]+_\\d{4}-\\d{2}-\\d{2}\\.csv(\\.gz)?"))
                    .toList()) {
                byte[] bytes;
                try (InputStream in = f.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(f))
                        : Files.newInputStream(f)) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    continue; // a planted broken file
                }
                try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                        .allowMissingFields(true)
                        .allowExtraFields(true)
                        .ofNamedCsvRecord(new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
                    for (NamedCsvRecord r : csv) {
                        for (String column : r.getHeader()) {
                            String name = column.trim().toLowerCase(java.util.Locale.ROOT);
                            if (name.equals("student_id") || name.equals("educator_id")) {
                                r.findField(column).map(String::trim).ifPresent(ids::add);
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    // unparsable planted file: its ids are not needed for the scan
                }
            }
        }
        ids.removeIf(id -> id.length() < 5);
        return new PrivacyScan(Set.copyOf(ids));
    }

    public Set<String> ids() {
        return ids;
    }

    /** The ids found in the text, sorted (empty when none). */
    public Set<String> leaksIn(String text) {
        Set<String> found = new TreeSet<>();
        for (String id : ids) {
            if (text.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    /** "file: ids" for every non-Parquet file under the warehouse, quarantine excepted, that holds an id. */
    public List<String> leaksInWarehouseFiles(Path warehouse) throws IOException {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = warehouse.relativize(f).toString().replace('\\', '/');
                if (rel.matches("runs/[^/]+/quarantine/.*") || rel.endsWith(".parquet")) {
                    continue;
                }
                Set<String> found = leaksIn(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                if (!found.isEmpty()) {
                    leaks.add(rel + ": " + found);
                }
            }
        }
        return leaks;
    }

    /** Text files the scan read (so a test can check it looked at something). */
    public static List<String> textFiles(Path warehouse) throws IOException {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> warehouse.relativize(f).toString())
                    .filter(rel -> !rel.matches("runs/[^/]+/quarantine/.*") && !rel.endsWith(".parquet"))
                    .toList();
        }
    }

    /** "mart.column: ids" for every string value of every Parquet file under {@code dir} (e.g. current/) that is an id or holds one. */
    public List<String> leaksInMarts(Path dir) throws SQLException, IOException {
        List<String> leaks = new ArrayList<>();
        List<Path> parquet;
        try (Stream<Path> files = Files.walk(dir)) {
            parquet = files.filter(p -> p.toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            for (Path file : parquet) {
                String from = "read_parquet('" + file.toString().replace("'", "''") + "')";
                List<String> columns = new ArrayList<>();
                try (ResultSet r = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
                    while (r.next()) {
                        if ("VARCHAR".equals(r.getString(2))) {
                            columns.add(r.getString(1));
                        }
                    }
                }
                for (String column : columns) {
                    try (ResultSet r = st.executeQuery("SELECT DISTINCT \"" + column + "\" FROM " + from)) {
                        while (r.next()) {
                            String v = r.getString(1);
                            if (v != null && !leaksIn(v).isEmpty()) {
                                leaks.add(dir.relativize(file) + "." + column + ": " + leaksIn(v));
                            }
                        }
                    }
                }
            }
        }
        return leaks;
    }
}
