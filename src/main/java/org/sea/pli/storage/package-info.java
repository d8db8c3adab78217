/**
 * The warehouse (spec §5, §6): its layout ({@code runs/<run_id>/…}, {@code current/}) in
 * {@link org.sea.pli.storage.Warehouse}, run ids and their order in {@link org.sea.pli.storage.RunIds},
 * publishing a run's marts and report in one switch in {@link org.sea.pli.storage.Publisher}, where
 * a warehouse is ({@link org.sea.pli.storage.WarehouseLocation}), the Hadoop file systems it lives on
 * (local, HDFS, S3A; {@link org.sea.pli.storage.HadoopFileSystems}) and SHA-256 as recorded everywhere.
 *
 * <p>Depends on Hadoop only, on no other pl-impact package: it moves files and knows nothing of what
 * is in them.
 */
package org.sea.pli.storage;
