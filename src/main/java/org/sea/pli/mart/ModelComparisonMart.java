package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
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

    /** Statewide units of one pl_model in one school year. */
    private static final class ModelGroup {
        final GroupImpact impact = new GroupImpact();
        final Set<String> leas = new HashSet<>();
        final Set<String> cohorts = new HashSet<>();
        final Set<String> activities = new HashSet<>();
        BigDecimal cost = BigDecimal.ZERO.setScale(2);
    }

    private final Map<String, ModelGroup> models = new TreeMap<>();

    public ModelComparisonMart(MartSettings settings) {
        super(NAME, settings);
    }

    @Override
    public void lea(LeaYear ly, String partition, MartSink sink) {
        for (EducatorUnit u : ly.units()) {
            ModelGroup m = models.computeIfAbsent(u.plModel(), k -> new ModelGroup());
            m.impact.add(u, settings.improvedThreshold());
            m.leas.add(ly.leaId());
            m.cohorts.add(ly.leaId() + '\u0001' + u.cohortId());
        }
        for (EducatorActivity e : ly.participation()) {
            ModelGroup m = models.get(e.activity().plModel());
            if (m.activities.add(ly.leaId() + '\u0001' + e.activity().activityId())) {
                m.cost = m.cost.add(
                        ly.fundingByActivity().getOrDefault(e.activity().activityId(), BigDecimal.ZERO));
            }
        }
    }

    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        for (Map.Entry<String, ModelGroup> e : models.entrySet()) {
            ModelGroup m = e.getValue();
            Object[] r = shape.empty();
            shape.set(r, "pl_model", e.getKey());
            shape.set(r, "leas", m.leas.size());
            shape.set(r, "cohorts", m.cohorts.size());
            shape.set(r, "cost_usd", m.cost);
            ImpactColumns.set(shape, r, m.impact);
            shape.set(r, "practice_change_ci_low", m.impact.practiceChangeCi(-1));
            shape.set(r, "practice_change_ci_high", m.impact.practiceChangeCi(1));
            sink.row(NAME, partition, r);
        }
        models.clear();
    }
}
