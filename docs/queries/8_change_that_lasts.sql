-- How much of each model's change is still there a year later? (SPEC.md §5.10, §4.8)
-- For the units of school year Y followed into Y+1: their change in Y, what remained in their
-- next-year baseline (with its 95% interval), and the share that lasted, by model and by whether
-- attendance was sustained. school_year is the year of the PL.
SELECT school_year,
       pl_model,
       sustained,
       n_units,
       n_followed,
       round(practice_change_mean, 3)    AS change_in_year,
       round(retained_change_mean, 3)    AS retained_next_year,
       round(retained_change_ci_low, 3)  AS ci_low,
       round(retained_change_ci_high, 3) AS ci_high,
       round(fade_mean, 3)               AS fade,
       round(persistence_ratio, 2)       AS persistence_ratio
FROM read_parquet('warehouse/current/practice_persistence/**/*.parquet', hive_partitioning = true)
WHERE NOT suppressed
ORDER BY school_year, persistence_ratio DESC NULLS LAST;
