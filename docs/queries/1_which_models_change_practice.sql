-- Which PL models change classroom practice? (SPEC.md §5.3)
-- Statewide practice change per PL model with its 95% interval; durable models
-- (coaching, PLCs, inquiry cycles) against one-off workshops and conferences.
SELECT school_year,
       pl_model,
       n_educators,
       n_practice_pairs,
       round(practice_change_mean, 3)    AS practice_change,
       round(practice_change_ci_low, 3)  AS ci_low,
       round(practice_change_ci_high, 3) AS ci_high,
       round(effect_size, 2)             AS effect_size,
       round(improved_rate, 3)           AS improved_rate,
       round(sustained_rate, 3)          AS sustained_rate
FROM read_parquet('warehouse/current/model_comparison/**/*.parquet', hive_partitioning = true)
WHERE NOT suppressed
ORDER BY school_year, practice_change_mean DESC;
