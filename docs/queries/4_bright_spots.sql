-- Which cohorts are bright spots to find and scale? (SPEC.md §5.6)
-- The top cohorts by practice change shrunk toward the year's mean (so a lucky
-- small cohort does not lead), with the raw mean's 95% interval and their cost
-- per improved educator.
SELECT school_year, rank, lea_id, cohort_id, pl_model, n_practice_pairs,
       round(practice_change_mean, 3) AS practice_change,
       round(effect_size, 2)          AS effect_size,
       round(improved_rate, 3)        AS improved_rate,
       round(cost_per_improved, 2)    AS cost_per_improved,
       round(practice_change_shrunk, 3)  AS practice_change_shrunk,
       round(practice_change_ci_low, 3)  AS ci_low,
       round(practice_change_ci_high, 3) AS ci_high
FROM read_parquet('warehouse/current/bright_spots/**/*.parquet', hive_partitioning = true)
ORDER BY school_year, rank;
