-- How much Title II-A money goes to one-off tool training? (SPEC.md §5.4)
-- Title II-A dollars on tool-specific activities versus those on sustained PL.
SELECT school_year,
       sum(amount_usd)                AS title_ii_a_dollars,
       sum(tool_specific_amount_usd)  AS on_tool_specific_training,
       sum(sustained_amount_usd)      AS on_sustained_pl,
       round(sum(tool_specific_amount_usd) / sum(amount_usd), 3) AS tool_specific_share
FROM read_parquet('warehouse/current/funding_efficiency/**/*.parquet', hive_partitioning = true)
WHERE funding_source = 'title_ii_a'
GROUP BY school_year
ORDER BY school_year;
