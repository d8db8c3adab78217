package org.sea.pli.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statewide standardization of student gains (docs/spec.md §4.3): z = (gain − mean) / pop_sd within
 * each (school_year, assessment_id, grade) over all LEAs; null when the group has fewer than 2
 * rows or pop_sd < 1e-9. Group moments are merged from the per-educator folds in LEA, school
 * year and educator order, so the result does not depend on how LEAs were scheduled. Prior scores
 * are standardized the same way for the baseline equivalence test of §4.7.
 */
public final class GrowthStandardization {

    static final double ZERO_SD = 1e-9;

    // looked up for every educator's rows; what fixes the sums is the order of the merges below
    private final Map<GrowthGroup, GainMoments> groups = new HashMap<>();
    /** prior_score moments per group, for the prior z of §4.7 (standardized like the gains). */
    private final Map<GrowthGroup, GainMoments> priors = new HashMap<>();

    public static GrowthStandardization of(List<LeaModel> leas) {
        GrowthStandardization s = new GrowthStandardization();
        for (LeaModel lea : leas) {
            for (Map<String, EducatorOutcomes> year : lea.outcomes.values()) {
                String[] educators = year.keySet().toArray(new String[0]);
                Arrays.sort(educators); // educator order: the merges are floating point
                for (String educator : educators) {
                    for (EducatorOutcomes.GroupRows rows : year.get(educator).groups) {
                        s.groups
                                .computeIfAbsent(rows.group, g -> new GainMoments())
                                .merge(rows.gains);
                        s.priors
                                .computeIfAbsent(rows.group, g -> new GainMoments())
                                .merge(rows.priors);
                    }
                }
            }
        }
        return s;
    }

    private static GainMoments standardizable(Map<GrowthGroup, GainMoments> moments, GrowthGroup group) {
        GainMoments m = moments.get(group);
        return m == null || m.n < 2 || m.populationSd() < ZERO_SD ? null : m;
    }

    /**
     * Merges the moments of the prior z (§4.7) of the educator's rows with non-null prior z into
     * {@code into}, without the rows: within a group G of statewide prior mean M and pop_sd S,
     * z = (p − M)/S is linear in p, so the educator's n rows of mean p̄ and squared deviations
     * m2 = Σ(p − p̄)² have z of mean (p̄ − M)/S and squared deviations Σ(z − z̄)² = m2/S² — a
     * Welford tally of z, merged across groups and educators (Chan) with each group's mean
     * subtracted first, so nothing large is squared.
     */
    void addPriorZ(EducatorOutcomes educator, GainMoments into) {
        if (educator == null) {
            return;
        }
        for (EducatorOutcomes.GroupRows r : educator.groups) {
            GainMoments g = standardizable(priors, r.group);
            if (g != null && r.priors.n > 0) {
                double sd = g.populationSd();
                GainMoments z = new GainMoments();
                z.n = r.priors.n;
                z.mean = (r.priors.mean - g.mean) / sd;
                z.m2 = r.priors.m2 / (sd * sd);
                into.merge(z);
            }
        }
    }

    private GainMoments standardizable(GrowthGroup group) {
        return standardizable(groups, group);
    }

    /** Mean z over the educator's rows with non-null z (§4.3), or null when there are none. */
    public Double educatorGrowthZ(EducatorOutcomes educator) {
        if (educator == null) {
            return null;
        }
        double zSum = 0;
        long rows = 0;
        for (EducatorOutcomes.GroupRows r : educator.groups) {
            GainMoments g = standardizable(r.group);
            if (g != null) {
                // Σ over the rows of (gain − μ)/σ = n·(mean_of_rows − μ)/σ
                zSum += r.gains.n * (r.gains.mean - g.mean) / g.populationSd();
                rows += r.gains.n;
            }
        }
        return rows == 0 ? null : zSum / rows;
    }

    /** Adds the students of the educator's rows with non-null z (for §5.2 n_students). */
    public void addStudents(EducatorOutcomes educator, BitSet students) {
        if (educator == null) {
            return;
        }
        for (EducatorOutcomes.GroupRows r : educator.groups) {
            if (standardizable(r.group) != null) {
                for (int i = 0; i < r.count; i++) {
                    students.set(r.students[i]);
                }
            }
        }
    }
}
