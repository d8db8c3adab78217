package org.sea.pli.model;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/**
 * {@code student_outcomes} (spec §2, §4.3): per educator the gains by growth group, and the count
 * of distinct students; student ids are only counted, never kept in the model.
 */
final class StudentOutcomesFold extends YearFold<StudentOutcomesFold.OutcomeYear> {

    private final LeaModel lea;
    private final int year;
    private final int student;
    private final int educator;
    private final int assessment;
    private final int grade;
    private final int prior;
    private final int score;

    StudentOutcomesFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.year = schema.index("school_year");
        this.student = schema.index("student_id");
        this.educator = schema.index("educator_id");
        this.assessment = schema.index("assessment_id");
        this.grade = schema.index("grade");
        this.prior = schema.index("prior_score");
        this.score = schema.index("score");
    }

    @Override
    OutcomeYear create() {
        return new OutcomeYear();
    }

    @Override
    void add(OutcomeYear o, ExtractRow r) {
        o.add(
                r.schoolYear(year),
                lea.educator(r.text(educator)),
                r.text(student),
                r.text(assessment),
                r.integer(grade),
                r.decimal(prior),
                r.decimal(score));
    }

    @Override
    void commit(int schoolYear, OutcomeYear o) {
        lea.outcomes.put(schoolYear, o.educators);
        lea.students.put(schoolYear, o.students.size());
    }

    /** One file's outcome rows of one school year, before it is known to be in force. */
    static final class OutcomeYear {
        final Map<String, EducatorOutcomes> educators = new HashMap<>();
        final Map<String, Integer> students = new HashMap<>();
        final Map<GrowthGroup, GrowthGroup> groups = new HashMap<>();

        void add(
                int year,
                String educator,
                String student,
                String assessment,
                int grade,
                BigDecimal prior,
                BigDecimal score) {
            GrowthGroup group = groups.computeIfAbsent(new GrowthGroup(year, assessment, grade), g -> g);
            Integer index = students.computeIfAbsent(student, s -> students.size());
            // §4.3: the gain is computed exactly in decimal, then converted to double; the prior score
            // is folded in the same pass for the prior z of §4.7 (student_outcomes is read once)
            educators
                    .computeIfAbsent(educator, e -> new EducatorOutcomes())
                    .add(group, score.subtract(prior).doubleValue(), prior.doubleValue(), index);
        }
    }
}
