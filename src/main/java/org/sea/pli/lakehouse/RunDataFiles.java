package org.sea.pli.lakehouse;

import java.io.IOException;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.storage.Warehouse;

/**
 * A run's Parquet files as Iceberg data files: path, size, partition, and the column metrics of
 * their footers (added by path, never copied or rewritten).
 */
final class RunDataFiles {

    private final Warehouse warehouse;
    /**
     * One set of read options for every footer: Parquet's default options make a fresh Hadoop
     * configuration, which parses its XML defaults again for each file (a third of a publish's CPU).
     */
    private final ParquetReadOptions footerOptions;

    RunDataFiles(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.footerOptions = ParquetReadOptions.builder(new HadoopParquetConfiguration(
                        new Configuration(warehouse.fs().getConf())))
                .build();
    }

    /** The data file of {@code relative} (a path below the run directory, as the manifest lists it). */
    DataFile of(Table table, MetricsConfig metricsConfig, String runId, String relative) throws IOException {
        Path path = Warehouse.child(warehouse.runDir(runId), relative);
        FileStatus status = warehouse.fs().getFileStatus(path);
        Metrics metrics;
        // the footer read through a reader this method closes: Iceberg's fileMetrics(InputFile) leaves
        // a stream for the finalizer, which then logs a stack trace per file
        try (ParquetFileReader reader =
                ParquetFileReader.open(MartReader.inputFile(warehouse.fs(), status), footerOptions)) {
            metrics = ParquetUtil.footerMetrics(reader.getFooter(), Stream.empty(), metricsConfig);
        }
        DataFiles.Builder b = DataFiles.builder(table.spec())
                .withPath(path.toString())
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(status.getLen())
                .withMetrics(metrics);
        if (table.spec().isPartitioned()) {
            b.withPartitionPath(partitionPath(relative));
        }
        return b.build();
    }

    /** {@code school_year=2025-26} of {@code marts/<mart>/school_year=2025-26/part-00000.parquet}. */
    static String partitionPath(String relative) {
        String[] parts = relative.split("/");
        if (parts.length != 4 || !parts[2].startsWith(MartSchema.PARTITION_PREFIX)) {
            throw new IllegalArgumentException("not a partitioned mart file: " + relative);
        }
        return parts[2];
    }
}
