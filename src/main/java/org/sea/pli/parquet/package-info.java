/**
 * Parquet for marts, both ways: a mart's schema as read from {@code schemas/marts/<mart>.json}
 * (columns, types, suppression markers) ({@link org.sea.pli.parquet.MartSchema}); writing its rows as
 * Hive-partitioned, byte-deterministic Parquet files on a Hadoop {@code FileSystem}
 * ({@link org.sea.pli.parquet.MartWriter}, SPEC §5, §6); and reading them back, typed by the same
 * schema ({@link org.sea.pli.parquet.MartReader} giving {@link org.sea.pli.parquet.MartRecord}s).
 *
 * <p>Depends on parquet-java and Hadoop only, on no other pl-impact package; it is the one place
 * that knows the Parquet API. Which marts a reader may open is its caller's rule (the report opens
 * only the reportable ones), not this package's.
 */
package org.sea.pli.parquet;
