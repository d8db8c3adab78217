/**
 * The warehouse (SPEC §5, §6): its layout ({@code runs/<run_id>/…}, {@code current/}), publishing a
 * run's marts and report in one switch, the Hadoop file systems it lives on (local, HDFS, S3A) and
 * SHA-256 as recorded everywhere.
 *
 * <p>Depends on Hadoop only, on no other pl-impact package: it moves files and knows nothing of what
 * is in them.
 */
package org.sea.pli.storage;
