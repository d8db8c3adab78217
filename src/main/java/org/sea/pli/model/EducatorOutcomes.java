package org.sea.pli.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One educator's {@code student_outcomes} rows in one LEA and school year (docs/spec.md §4.3), folded
 * per standardization group: the moments of the gains and of the prior scores, and the students
 * (as indices local to the LEA-year), which is all that mean z, the prior z of the baseline
 * equivalence test (§4.7) and the distinct student counts of §5.2 need: tallies, never rows.
 */
public final class EducatorOutcomes {

    /** The rows of one group. */
    static final class GroupRows {
        final GrowthGroup group;
        final GainMoments gains = new GainMoments();
        /** prior_score moments, for the prior z of §4.7 (folded in the same pass as the gains). */
        final GainMoments priors = new GainMoments();

        int[] students = new int[4];
        int count;

        GroupRows(GrowthGroup group) {
            this.group = group;
        }

        void add(double gain, double prior, int student) {
            gains.add(gain);
            priors.add(prior);
            if (count == students.length) {
                students = Arrays.copyOf(students, count * 2);
            }
            students[count++] = student;
        }
    }

    final List<GroupRows> groups = new ArrayList<>(2);

    void add(GrowthGroup group, double gain, double prior, int student) {
        GroupRows rows = null;
        for (GroupRows g : groups) {
            if (g.group.equals(group)) {
                rows = g;
                break;
            }
        }
        if (rows == null) {
            rows = new GroupRows(group);
            groups.add(rows);
        }
        rows.add(gain, prior, student);
    }
}
