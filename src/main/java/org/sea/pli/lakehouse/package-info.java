/**
 * The marts as Apache Iceberg tables (docs/lakehouse.md): one table per mart in namespace
 * {@code pli}, whose data files are the run's own Parquet files under {@code runs/<run_id>/marts/}
 * (added, never copied), one overwrite snapshot per published run and a tag {@code run-<run_id>}
 * per run, committed through a JDBC catalog on the job-repository database by default.
 */
package org.sea.pli.lakehouse;
