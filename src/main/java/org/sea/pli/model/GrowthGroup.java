package org.sea.pli.model;

/** The statewide standardization group of docs/spec.md §4.3: (school_year, assessment_id, grade). */
public record GrowthGroup(int schoolYear, String assessmentId, int grade) implements Comparable<GrowthGroup> {

    @Override
    public int compareTo(GrowthGroup o) {
        int c = Integer.compare(schoolYear, o.schoolYear);
        if (c == 0) {
            c = assessmentId.compareTo(o.assessmentId);
        }
        return c != 0 ? c : Integer.compare(grade, o.grade);
    }
}
