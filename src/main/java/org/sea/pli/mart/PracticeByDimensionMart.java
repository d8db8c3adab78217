package org.sea.pli.mart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/**
 * Mart {@code practice_by_dimension} (spec §5.9): which parts of the state's definition of
 * high-quality instruction a model moves. Statewide per (pl_model, rubric dimension), over the
 * units with a practice change on that dimension (§4.9). Units are added LEA by LEA in lea_id
 * order, within an LEA in unit key order, which fixes every floating sum.
 */
public final class PracticeByDimensionMart extends SchemaYearMart {

    public static final String NAME = "practice_by_dimension";

    /** The units of one model with a change on one dimension. */
    private static final class Cell {
        final Sample baseline = new Sample();
        final Sample followup = new Sample();
        final Sample change = new Sample();
    }

    private final Map<String, Map<String, Cell>> models = new TreeMap<>();

    public PracticeByDimensionMart(MartSettings settings) {
        super(NAME, settings);
    }

    /** One row per (pl_model, dimension) of the LEA-year: its baselines, follow-ups and changes in unit order. */
    @Override
    public List<Object[]> part(LeaYear ly) {
        Map<String, Map<String, Cell>> models = new TreeMap<>();
        List<String> dimensions = ly.dimensions();
        for (EducatorUnit u : ly.units()) {
            for (int d = 0; d < u.dimensionSlots(); d++) {
                Double change = u.practiceChange(d);
                if (change == null) { // rated in one phase only, or not at all: no change (§4.9)
                    continue;
                }
                Cell c = models.computeIfAbsent(u.plModel(), k -> new TreeMap<>())
                        .computeIfAbsent(dimensions.get(d), k -> new Cell());
                c.baseline.add(u.practiceBaseline(d));
                c.followup.add(u.practiceFollowup(d));
                c.change.add(change);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        models.forEach((model, cells) -> cells.forEach((dimension, c) -> rows.add(
                new Object[] {model, dimension, c.baseline.values(), c.followup.values(), c.change.values()})));
        return rows;
    }

    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) {
        for (Object[] r : part) {
            Cell c = models.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .computeIfAbsent((String) r[1], k -> new Cell());
            c.baseline.addAll((double[]) r[2]);
            c.followup.addAll((double[]) r[3]);
            c.change.addAll((double[]) r[4]);
        }
    }

    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        for (Map.Entry<String, Map<String, Cell>> m : models.entrySet()) {
            for (Map.Entry<String, Cell> e : m.getValue().entrySet()) {
                Cell c = e.getValue();
                Object[] r = shape.empty();
                shape.set(r, "pl_model", m.getKey());
                shape.set(r, "dimension", e.getKey());
                shape.set(r, "n_educators", c.change.size());
                shape.set(r, "practice_baseline_mean", c.baseline.mean());
                shape.set(r, "practice_followup_mean", c.followup.mean());
                shape.set(r, "practice_change_mean", c.change.mean());
                shape.set(r, "practice_change_sd", c.change.sd());
                shape.set(r, "practice_change_ci_low", c.change.ci(-1));
                shape.set(r, "practice_change_ci_high", c.change.ci(1));
                shape.set(r, "effect_size", c.change.effectSize());
                sink.row(NAME, partition, r);
            }
        }
        models.clear();
    }
}
