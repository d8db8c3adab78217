-- Which rubric dimensions does coaching move? (SPEC.md §5.9)
-- Statewide change per dimension of the state's rubric for coaching units, with its 95% interval,
-- largest change first; suppressed cells (fewer than min-cell-size units) are left out.
SELECT school_year,
       dimension,
       n_educators,
       round(practice_baseline_mean, 3)  AS baseline,
       round(practice_followup_mean, 3)  AS followup,
       round(practice_change_mean, 3)    AS practice_change,
       round(practice_change_ci_low, 3)  AS ci_low,
       round(practice_change_ci_high, 3) AS ci_high,
       round(effect_size, 2)             AS effect_size
FROM read_parquet('warehouse/current/practice_by_dimension/**/*.parquet', hive_partitioning = true)
WHERE pl_model = 'coaching' AND NOT suppressed
ORDER BY school_year, practice_change_mean DESC;
