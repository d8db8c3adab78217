package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.GroupImpact;
import org.sea.pli.model.LeaYear;

/**
 * Mart {@code model_comparison} (spec §5.3): statewide, per pl_model, over every unit of the
 * school year. Units are added LEA by LEA in lea_id order, which fixes every floating sum.
 */
public final class ModelComparisonMart extends SchemaYearMart {

    public static final String NAME = "model_comparison";

    /** Statewide units of one pl_model in one school year (or, in a part, one LEA's). */
    private static final class ModelGroup {
        final GroupImpact impact = new GroupImpact();
        int leas;
        final Set<String> cohorts = new HashSet<>();
        final Set<String> activities = new HashSet<>();
        int cohortCount;
        // exact decimal: a sum of the LEAs' sums is the sum of their activities' funding
        BigDecimal cost = BigDecimal.ZERO.setScale(2);
    }

    private final Map<String, ModelGroup> models = new TreeMap<>();

    public ModelComparisonMart(MartSettings settings) {
        super(NAME, settings);
    }

    /**
     * One row per pl_model of the LEA-year: the model, its distinct cohorts and the funding of its
     * distinct activities in this LEA (LEAs are disjoint, so these add up across LEAs), then its
     * units' {@link GroupImpact#state()} in unit order.
     */
    @Override
    public List<Object[]> part(LeaYear ly) {
        Map<String, ModelGroup> own = new TreeMap<>();
        for (EducatorUnit u : ly.units()) {
            ModelGroup m = own.computeIfAbsent(u.plModel(), k -> new ModelGroup());
            m.impact.add(u, settings.improvedThreshold());
            m.cohorts.add(u.cohortId());
        }
        for (EducatorActivity e : ly.participation()) {
            ModelGroup m = own.get(e.activity().plModel());
            if (m.activities.add(e.activity().activityId())) {
                m.cost = m.cost.add(
                        ly.fundingByActivity().getOrDefault(e.activity().activityId(), BigDecimal.ZERO));
            }
        }
        List<Object[]> rows = new ArrayList<>(own.size());
        own.forEach((model, m) -> {
            Object[] state = m.impact.state();
            Object[] r = new Object[3 + state.length];
            r[0] = model;
            r[1] = m.cohorts.size();
            r[2] = m.cost;
            System.arraycopy(state, 0, r, 3, state.length);
            rows.add(r);
        });
        return rows;
    }

    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) {
        for (Object[] r : part) {
            ModelGroup m = models.computeIfAbsent((String) r[0], k -> new ModelGroup());
            m.leas++;
            m.cohortCount += (Integer) r[1];
            m.cost = m.cost.add((BigDecimal) r[2]);
            m.impact.merge(r, 3);
        }
    }

    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        for (Map.Entry<String, ModelGroup> e : models.entrySet()) {
            ModelGroup m = e.getValue();
            Object[] r = shape.empty();
            shape.set(r, "pl_model", e.getKey());
            shape.set(r, "leas", m.leas);
            shape.set(r, "cohorts", m.cohortCount);
            shape.set(r, "cost_usd", m.cost);
            ImpactColumns.set(shape, r, m.impact);
            shape.set(r, "practice_change_ci_low", m.impact.practiceChangeCi(-1));
            shape.set(r, "practice_change_ci_high", m.impact.practiceChangeCi(1));
            sink.row(NAME, partition, r);
        }
        models.clear();
    }
}
