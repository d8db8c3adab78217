-- Which evidence is credible? (SPEC.md §4.5, §4.6, §4.7, §5.2)
-- Cohorts whose practice change has a 95% interval that excludes zero, with the
-- shrunk change to compare them on, and whether their student-growth difference
-- passes the What Works Clearinghouse baseline-equivalence test.
SELECT school_year, lea_id, cohort_id, pl_model, n_practice_pairs,
       round(practice_change_mean, 3)         AS practice_change,
       round(practice_change_ci_low, 3)       AS ci_low,
       round(practice_change_ci_high, 3)      AS ci_high,
       round(practice_change_shrunk, 3)       AS practice_change_shrunk,
       practice_change_ci_low > 0 OR practice_change_ci_high < 0 AS change_excludes_zero,
       round(student_growth_z_diff, 3)        AS student_growth_diff,
       round(student_growth_z_diff_ci_low, 3) AS growth_ci_low,
       round(student_growth_z_diff_ci_high, 3) AS growth_ci_high,
       round(baseline_es, 3)                  AS baseline_es,
       baseline_equivalence,
       coalesce(baseline_equivalence = 'satisfies', false) AS growth_claim_credible
FROM read_parquet('warehouse/current/cohort_impact/**/*.parquet', hive_partitioning = true)
WHERE NOT suppressed
  AND (practice_change_ci_low > 0 OR practice_change_ci_high < 0 OR baseline_equivalence IS NOT NULL)
ORDER BY school_year, practice_change_shrunk DESC NULLS LAST, lea_id, cohort_id, pl_model;
