-- What share of PL dollars is backed by evidence of instructional change? (SPEC.md §5.5)
-- Statewide per school year, and the LEAs with the lowest share.
SELECT school_year,
       sum(pl_dollars)                                              AS pl_dollars,
       sum(pl_dollars_with_change_evidence)                         AS dollars_with_change_evidence,
       round(sum(pl_dollars_with_change_evidence) / sum(pl_dollars), 3) AS evidence_share
FROM read_parquet('warehouse/current/evidence_coverage/**/*.parquet', hive_partitioning = true)
GROUP BY school_year
ORDER BY school_year;
