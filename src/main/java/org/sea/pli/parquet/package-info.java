/**
 * Parquet for marts: a mart's schema as read from {@code schemas/marts/<mart>.json} (columns, types,
 * suppression markers), and writing its rows as Hive-partitioned, byte-deterministic Parquet files
 * on a Hadoop {@code FileSystem} (SPEC §5, §6): {@code MartWriter} lays out and renames the files,
 * {@code MartRowCheck} checks each row against the schema, {@code RowWriteSupport} and
 * {@code MartOutputFile} make the bytes deterministic. The partition directory name
 * ({@code school_year=…}) is {@code MartSchema.PARTITION_PREFIX}.
 *
 * <p>Depends on parquet-java and Hadoop, and of pl-impact only on {@code storage.Sha256} (the one
 * SHA-256 encoding, for the files' hashes in the manifest); it is the one place
 * that knows the Parquet API, for writing and for reading marts back.
 */
package org.sea.pli.parquet;
