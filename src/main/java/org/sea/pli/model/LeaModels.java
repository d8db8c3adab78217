package org.sea.pli.model;

import org.sea.pli.extract.ExtractFold;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FoldFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The {@link FoldFactory} that turns accepted rows into {@link LeaModel}s as files stream by
 * (SPEC.md §4): the big extracts are reduced to per-educator tallies on the fly, so no extract is
 * ever held in memory, and none is read twice.
 */
public final class LeaModels implements FoldFactory {

    private final Map<String, LeaModel> models = new TreeMap<>();

    public synchronized LeaModel model(String leaId) {
        return models.computeIfAbsent(leaId, LeaModel::new);
    }

    /** Puts back a model saved by an earlier attempt of the same run (restart). */
    public synchronized void restore(LeaModel model) {
        models.put(model.leaId(), model);
    }

    /** The model of an LEA if any of its rows was folded. */
    public synchronized LeaModel existing(String leaId) {
        return models.get(leaId);
    }

    /** Every LEA's model, sorted by lea_id (the order all statewide sums are taken in). */
    public synchronized List<LeaModel> all() {
        return List.copyOf(models.values());
    }

    @Override
    public ExtractFold open(String leaId, ExtractSchema schema) {
        LeaModel lea = model(leaId);
        int year = schema.index("school_year");
        return switch (schema.name()) {
            case "pl_activities" -> {
                int id = schema.index("activity_id");
                int cohort = schema.index("cohort_id");
                int model = schema.index("pl_model");
                int tool = schema.index("tool_specific");
                int focus = schema.index("focus");
                int framework = schema.index("framework");
                yield new YearFold<Map<String, Activity>>(year, HashMap::new,
                        (m, r) -> m.put(r.text(id), new Activity(r.text(id), r.text(cohort), r.text(model),
                                "true".equals(r.text(tool)), lea.educator(r.text(focus)),
                                lea.educator(r.text(framework)))),
                        lea.activities::put);
            }
            case "pl_funding" -> {
                int id = schema.index("activity_id");
                int source = schema.index("funding_source");
                int amount = schema.index("amount_usd");
                yield new YearFold<List<FundingLine>>(year, ArrayList::new,
                        (l, r) -> l.add(new FundingLine(r.text(id), r.text(source),
                                // at most 2 decimals once trailing zeros drop (§2): exact at scale 2
                                r.decimal(amount).setScale(2, RoundingMode.UNNECESSARY))),
                        lea.funding::put);
            }
            case "enrollments" -> {
                int id = schema.index("activity_id");
                int educator = schema.index("educator_id");
                yield new YearFold<Set<ParticipationKey>>(year, HashSet::new,
                        (s, r) -> s.add(lea.participation(r.text(id), r.text(educator))),
                        lea.enrollments::put);
            }
            case "attendance" -> {
                int id = schema.index("activity_id");
                int educator = schema.index("educator_id");
                int day = schema.index("session_date");
                int minutes = schema.index("minutes");
                yield new YearFold<Map<ParticipationKey, AttendanceTally>>(year, HashMap::new,
                        (m, r) -> m.computeIfAbsent(lea.participation(r.text(id), r.text(educator)),
                                k -> new AttendanceTally()).add(r.integer(minutes), r.epochDay(day)),
                        lea.attendance::put);
            }
            case "satisfaction" -> {
                int id = schema.index("activity_id");
                int educator = schema.index("educator_id");
                int[] items = {schema.index("relevance"), schema.index("quality"), schema.index("intent_to_apply")};
                yield new YearFold<Map<ParticipationKey, SatisfactionTally>>(year, HashMap::new,
                        (m, r) -> {
                            int sum = 0;
                            int present = 0;
                            for (int item : items) {
                                if (r.present(item)) {
                                    sum += r.integer(item);
                                    present++;
                                }
                            }
                            m.computeIfAbsent(lea.participation(r.text(id), r.text(educator)),
                                    k -> new SatisfactionTally()).addResponse(sum, present);
                        },
                        lea.satisfaction::put);
            }
            case "artifact_ratings" -> {
                int id = schema.index("activity_id");
                int educator = schema.index("educator_id");
                int phase = schema.index("phase");
                int score = schema.index("score");
                int dimension = schema.index("dimension");
                // §4.9: per key the sums and counts per phase and dimension, folded as the rows stream
                yield new YearFold<Map<ParticipationKey, PracticeTally>>(year, HashMap::new,
                        (m, r) -> m.computeIfAbsent(lea.participation(r.text(id), r.text(educator)),
                                k -> new PracticeTally()).add("followup".equals(r.text(phase)), r.integer(score),
                                lea.dimension(r.text(dimension))),
                        lea.practice::put);
            }
            case "student_outcomes" -> {
                int student = schema.index("student_id");
                int educator = schema.index("educator_id");
                int assessment = schema.index("assessment_id");
                int grade = schema.index("grade");
                int prior = schema.index("prior_score");
                int score = schema.index("score");
                yield new YearFold<OutcomeYear>(year, OutcomeYear::new,
                        (o, r) -> o.add(r.schoolYear(year), lea.educator(r.text(educator)), r.text(student), r.text(assessment),
                                r.integer(grade), r.decimal(prior), r.decimal(score)),
                        (y, o) -> {
                            lea.outcomes.put(y, o.educators);
                            lea.students.put(y, o.students.size());
                        });
            }
            default -> throw new IllegalArgumentException("no fold for extract " + schema.name());
        };
    }

    /** One file's outcome rows of one school year, before it is known to be in force. */
    private static final class OutcomeYear {
        final Map<String, EducatorOutcomes> educators = new HashMap<>();
        final Map<String, Integer> students = new HashMap<>();
        final Map<GrowthGroup, GrowthGroup> groups = new HashMap<>();

        void add(int year, String educator, String student, String assessment, int grade, BigDecimal prior,
                 BigDecimal score) {
            GrowthGroup group = groups.computeIfAbsent(new GrowthGroup(year, assessment, grade), g -> g);
            Integer index = students.computeIfAbsent(student, s -> students.size());
            // §4.3: the gain is computed exactly in decimal, then converted to double; the prior score
            // is folded in the same pass for the prior z of §4.7 (student_outcomes is read once)
            educators.computeIfAbsent(educator, e -> new EducatorOutcomes()).add(group,
                    score.subtract(prior).doubleValue(), prior.doubleValue(), index);
        }
    }

    /** Keeps one file's tallies apart per school year until the file is known to be in force for it. */
    private static final class YearFold<T> implements ExtractFold {
        private final int yearColumn;
        private final Supplier<T> create;
        private final BiConsumer<T, ExtractRow> add;
        private final BiConsumer<Integer, T> commitTo;
        private final Map<Integer, T> pending = new HashMap<>();

        YearFold(int yearColumn, Supplier<T> create, BiConsumer<T, ExtractRow> add, BiConsumer<Integer, T> commitTo) {
            this.yearColumn = yearColumn;
            this.create = create;
            this.add = add;
            this.commitTo = commitTo;
        }

        private int lastYear = -1;
        private T last;

        @Override
        public void accept(ExtractRow row) {
            int year = row.schoolYear(yearColumn);
            if (year != lastYear) { // rows come in runs of one school year: no boxing per row
                last = pending.computeIfAbsent(year, y -> create.get());
                lastYear = year;
            }
            add.accept(last, row);
        }

        @Override
        public void commit(int schoolYear) {
            lastYear = -1;
            T t = pending.remove(schoolYear);
            if (t != null) {
                commitTo.accept(schoolYear, t);
            }
        }
    }
}
