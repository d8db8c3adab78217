package org.sea.pli.stage;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;

/**
 * The Parquet files of one run's marts with their SHA-256 and rows, by mart and partition: what lets
 * a step after the marts pass over a partition whose bytes an earlier run holds too, without reading
 * it — the comparison with the previous run (identical bytes hold identical rows: nothing in them
 * changed) and the disclosure check (identical bytes checked before under the same settings).
 *
 * <p>The previous run's come from its manifest (docs/spec.md §6 records every output's SHA-256 and
 * rows; a run directory is never written again, which {@code verify} checks). This run's come from
 * the marts step (each file's SHA-256 taken as it was written, or checked as it was copied from the
 * last finished run), or, after a restart that skipped that step, from the files as they lie on disk.
 *
 * @param files path below {@code marts/} (e.g. {@code cohort_impact/school_year=2025-26/part-00000.parquet})
 *              → the file
 */
public record MartFiles(SortedMap<String, WrittenFile> files) {

    private static final String MARTS = "marts/";
    private static final String PARQUET = ".parquet";

    public static MartFiles of(List<WrittenFile> written) {
        SortedMap<String, WrittenFile> files = new TreeMap<>();
        written.forEach(f -> files.put(f.path(), f));
        return new MartFiles(files);
    }

    /** The mart files a manifest lists. */
    public static MartFiles recorded(RunManifest manifest) {
        SortedMap<String, WrittenFile> files = new TreeMap<>();
        for (RunManifest.Output o : manifest.outputs()) {
            if (o.path().startsWith(MARTS) && o.path().endsWith(PARQUET)) {
                String path = o.path().substring(MARTS.length());
                files.put(path, new WrittenFile(path, o.sha256(), o.rows() == null ? 0 : o.rows()));
            }
        }
        return new MartFiles(files);
    }

    /** The files below {@code martsDir}, hashed and their rows taken from their footers. */
    public static MartFiles onDisk(Warehouse warehouse, Path martsDir) throws IOException {
        FileSystem fs = warehouse.fs();
        SortedMap<String, WrittenFile> files = new TreeMap<>();
        for (String path : warehouse.filesBelow(martsDir)) {
            if (path.endsWith(PARQUET)) {
                Path file = Warehouse.child(martsDir, path);
                long rows;
                try (ParquetFileReader reader =
                        ParquetFileReader.open(MartReader.inputFile(fs, fs.getFileStatus(file)))) {
                    rows = reader.getRecordCount();
                }
                files.put(path, new WrittenFile(path, Sha256.of(fs.open(file)), rows));
            }
        }
        return new MartFiles(files);
    }

    /**
     * The mart's files by partition: the partition folder's name ({@code school_year=2025-26}), or ""
     * for files directly below the mart's folder; each partition's files by name with their SHA-256.
     * Partitions in name order, the order {@link MartReader} reads them in.
     */
    public SortedMap<String, Map<String, String>> partitions(String mart) {
        SortedMap<String, Map<String, String>> partitions = new TreeMap<>();
        for (WrittenFile f : files.subMap(mart + "/", mart + "0").values()) {
            String below = f.path().substring(mart.length() + 1);
            int slash = below.lastIndexOf('/');
            String partition = slash < 0 ? "" : below.substring(0, slash);
            partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(below.substring(slash + 1), f.sha256());
        }
        return partitions;
    }

    /** Rows of the mart's files in {@code partition} ("" for files directly below its folder). */
    public long rows(String mart, String partition) {
        String prefix = partition.isEmpty() ? mart + "/" : mart + "/" + partition + "/";
        return files.subMap(prefix, mart + "0").values().stream()
                .filter(f -> f.path().startsWith(prefix))
                .filter(f -> f.path().indexOf('/', prefix.length()) < 0)
                .mapToLong(WrittenFile::rows)
                .sum();
    }

    /** Rows of every file of the mart. */
    public long rows(String mart) {
        return files.subMap(mart + "/", mart + "0").values().stream()
                .mapToLong(WrittenFile::rows)
                .sum();
    }
}
