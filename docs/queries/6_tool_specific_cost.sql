-- Does tool-specific PL cost more per improved educator than framework-anchored PL? (SPEC.md §5.8)
-- Allocated dollars per improved participation record: activities marked tool_specific against
-- activities anchored in a framework (iste, udl, state_vision). Improved records are recovered as
-- improved_rate × n_practice_pairs; suppressed levels are left out.
WITH design AS (
    SELECT school_year,
           CASE WHEN factor = 'tool_specific' AND level = 'true' THEN 'tool_specific'
                WHEN factor = 'framework' AND level <> 'none' THEN 'framework_anchored' END AS design,
           allocated_cost_usd,
           n_practice_pairs,
           improved_rate * n_practice_pairs AS improved,
           practice_change_mean * n_practice_pairs AS change_sum
    FROM read_parquet('warehouse/current/practice_by_design/**/*.parquet', hive_partitioning = true)
    WHERE NOT suppressed
)
SELECT school_year,
       design,
       round(sum(allocated_cost_usd), 2)                                 AS allocated_dollars,
       round(sum(improved))::INTEGER                                     AS improved_records,
       round(sum(allocated_cost_usd) / nullif(sum(improved), 0), 2)      AS cost_per_improved,
       round(sum(change_sum) / nullif(sum(n_practice_pairs), 0), 3)      AS practice_change
FROM design
WHERE design IS NOT NULL
GROUP BY school_year, design
ORDER BY school_year, design;
