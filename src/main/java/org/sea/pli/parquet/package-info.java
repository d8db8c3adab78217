/**
 * Parquet for marts, both ways: a mart's schema as read from {@code schemas/marts/<mart>.json}
 * (columns, types, suppression markers) ({@link org.sea.pli.parquet.MartSchema}); writing its rows as
 * Hive-partitioned, byte-deterministic Parquet files on a Hadoop {@code FileSystem}
 * ({@link org.sea.pli.parquet.MartWriter} lays out and renames the files, {@code MartRowCheck} checks
 * each row against the schema, {@code RowWriteSupport} and {@code MartOutputFile} make the bytes
 * deterministic; spec §5, §6); and reading them back, typed by the same schema
 * ({@link org.sea.pli.parquet.MartReader} giving {@link org.sea.pli.parquet.MartRecord}s). The
 * partition directory name ({@code school_year=…}) is {@code MartSchema.PARTITION_PREFIX}.
 *
 * <p>Depends on parquet-java and Hadoop, and of pl-impact only on {@code storage.Sha256} (the one
 * SHA-256 encoding, for the files' hashes in the manifest); it is the one place that knows the
 * Parquet API. Which marts a reader may open is its caller's rule (the report opens only the
 * reportable ones), not this package's.
 */
package org.sea.pli.parquet;
