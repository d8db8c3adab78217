-- Which cohorts are bright spots to find and scale? (SPEC.md §5.6)
-- The top cohorts by practice change, with their cost per improved educator.
SELECT school_year, rank, lea_id, cohort_id, pl_model, n_practice_pairs,
       round(practice_change_mean, 3) AS practice_change,
       round(effect_size, 2)          AS effect_size,
       round(improved_rate, 3)        AS improved_rate,
       round(cost_per_improved, 2)    AS cost_per_improved
FROM read_parquet('warehouse/current/bright_spots/**/*.parquet', hive_partitioning = true)
ORDER BY school_year, rank;
