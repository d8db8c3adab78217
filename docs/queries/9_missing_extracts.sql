-- Which LEAs are still missing an extract for this school year, and how old is
-- each LEA's in-force data? (SPEC.md §5.11)
-- One row per registered LEA for the latest school year of the run (the year of
-- the as-of date, unless an LEA already sent rows of a later one: then put the
-- year you monitor in place of the subquery). Extracts with no file at all,
-- extracts with only rejected files, extracts whose newest file was rejected
-- while an older one stays in force, and the age of the in-force data in days.
SELECT lea_id,
       count(*) FILTER (WHERE status = 'in_force')                                        AS extracts_in_force,
       coalesce(string_agg(extract, ', ' ORDER BY extract) FILTER (WHERE status = 'missing'), '')  AS missing,
       coalesce(string_agg(extract, ', ' ORDER BY extract) FILTER (WHERE status = 'rejected'), '') AS rejected_only,
       coalesce(string_agg(extract, ', ' ORDER BY extract)
                FILTER (WHERE status = 'in_force' AND latest_status = 'rejected'), '')             AS newest_file_rejected,
       max(days_since_in_force)                                                           AS oldest_in_force_days,
       min(days_since_in_force)                                                           AS newest_in_force_days
FROM read_parquet('warehouse/current/submission_status/**/*.parquet', hive_partitioning = true)
WHERE school_year = (SELECT max(school_year)
                     FROM read_parquet('warehouse/current/submission_status/**/*.parquet', hive_partitioning = true))
GROUP BY lea_id
ORDER BY extracts_in_force, oldest_in_force_days DESC, lea_id;
