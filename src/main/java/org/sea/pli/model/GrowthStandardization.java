package org.sea.pli.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        return of(leas, Map.of());
    }

    /**
     * As {@link #of(List)}, except that the groups of the school years in {@code kept} are those
     * {@link #yearGroups} gave on an earlier night whose student outcomes of that year were the same
     * (docs/spec.md §6.1): the LEAs' outcomes of those years are not merged (and need not be read).
     */
    public static GrowthStandardization of(List<LeaModel> leas, Map<Integer, List<Object[]>> kept) {
        GrowthStandardization s = new GrowthStandardization();
        kept.forEach((year, rows) -> {
            for (Object[] r : rows) {
                GrowthGroup group = new GrowthGroup(year, (String) r[0], (Integer) r[1]);
                s.groups.put(group, moments(r, 2));
                s.priors.put(group, moments(r, 5));
            }
        });
        for (LeaModel lea : leas) {
            for (Map.Entry<Integer, Map<String, EducatorOutcomes>> y : lea.outcomes.entrySet()) {
                if (kept.containsKey(y.getKey())) {
                    continue;
                }
                Map<String, EducatorOutcomes> year = y.getValue();
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

    /**
     * The groups of one school year as rows (assessment_id, grade, then n, mean and m2 of the
     * gains and of the prior scores), sorted, for {@link #of(List, Map)} on a later night: the
     * merged moments themselves, so the z of every row comes out to the same bits.
     */
    public List<Object[]> yearGroups(int year) {
        List<Object[]> rows = new ArrayList<>();
        new TreeMap<>(groups).forEach((g, m) -> {
            if (g.schoolYear() == year) {
                GainMoments p = priors.getOrDefault(g, new GainMoments());
                rows.add(new Object[] {g.assessmentId(), g.grade(), m.n, m.mean, m.m2, p.n, p.mean, p.m2});
            }
        });
        return rows;
    }

    private static GainMoments moments(Object[] row, int at) {
        GainMoments m = new GainMoments();
        m.n = (Long) row[at];
        m.mean = (Double) row[at + 1];
        m.m2 = (Double) row[at + 2];
        return m;
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
