package org.sea.pli.parquet;

/**
 * One Parquet file a {@link MartWriter} wrote (for the run manifest, spec §6).
 *
 * @param path   relative to the marts directory, e.g. {@code cohort_impact/school_year=2025-26/part-00000.parquet}
 * @param sha256 lowercase hex SHA-256 of the file's bytes
 * @param rows   number of rows in the file
 */
public record WrittenFile(String path, String sha256, long rows) {}
