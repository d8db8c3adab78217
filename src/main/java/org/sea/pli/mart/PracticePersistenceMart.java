package org.sea.pli.mart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sea.pli.model.EducatorUnit;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/**
 * Mart {@code practice_persistence} (spec §5.10, §4.8): does the change of school year Y last into
 * Y+1? Per (pl_model, the unit's sustained), over the units of Y with a practice change, the ones
 * followed into the next year's baseline of their educator in the same LEA. Units are added LEA by
 * LEA in lea_id order, within an LEA in unit key order, which fixes every floating sum.
 */
public final class PracticePersistenceMart extends SchemaYearMart {

    public static final String NAME = "practice_persistence";

    /** A mean change this close to zero has no persistence ratio (§5.10). */
    private static final double ZERO_CHANGE = 1e-9;

    /** The units of one (model, sustained) of year Y. */
    private static final class Cell {
        int units;
        final Sample change = new Sample();
        final Sample retained = new Sample();
        final Sample fade = new Sample();
    }

    /** pl_model, then sustained (false sorts before true, as the key asks). */
    private final Map<String, Map<Boolean, Cell>> models = new TreeMap<>();

    public PracticePersistenceMart(MartSettings settings) {
        super(NAME, settings);
    }

    /**
     * One row per (pl_model, sustained) of the LEA-year: its units, then the changes, retained
     * changes and fades of its followed units in unit order.
     */
    @Override
    public List<Object[]> part(LeaYear ly) {
        Map<String, Map<Boolean, Cell>> models = new TreeMap<>();
        // §4.8: followed only when the unit is its educator's one unit with any rating this LEA-year
        Map<String, Integer> ratedUnits = new HashMap<>();
        for (EducatorUnit u : ly.units()) {
            if (u.hasRatings()) {
                ratedUnits.merge(u.educatorId(), 1, Integer::sum);
            }
        }
        for (EducatorUnit u : ly.units()) {
            Double change = u.practiceChange();
            if (change == null) {
                continue;
            }
            Cell c = models.computeIfAbsent(u.plModel(), k -> new TreeMap<>())
                    .computeIfAbsent(u.sustained(), k -> new Cell());
            c.units++;
            Double next = ly.nextBaseline(u.educatorId());
            if (next != null && ratedUnits.get(u.educatorId()) == 1) {
                c.change.add(change);
                c.retained.add(next - u.practiceBaseline());
                c.fade.add(next - u.practiceFollowup());
            }
        }
        List<Object[]> rows = new ArrayList<>();
        models.forEach((model, cells) -> cells.forEach((sustained, c) -> rows.add(
                new Object[] {model, sustained, c.units, c.change.values(), c.retained.values(), c.fade.values()})));
        return rows;
    }

    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) {
        for (Object[] r : part) {
            Cell c = models.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .computeIfAbsent((Boolean) r[1], k -> new Cell());
            c.units += (Integer) r[2];
            c.change.addAll((double[]) r[3]);
            c.retained.addAll((double[]) r[4]);
            c.fade.addAll((double[]) r[5]);
        }
    }

    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        for (Map.Entry<String, Map<Boolean, Cell>> m : models.entrySet()) {
            for (Map.Entry<Boolean, Cell> e : m.getValue().entrySet()) {
                Cell c = e.getValue();
                if (c.retained.size() == 0) {
                    continue; // rows only where a unit of Y is followed into Y+1
                }
                Object[] r = shape.empty();
                shape.set(r, "pl_model", m.getKey());
                shape.set(r, "sustained", e.getKey());
                shape.set(r, "n_units", c.units);
                shape.set(r, "n_followed", c.retained.size());
                Double change = c.change.mean();
                Double retained = c.retained.mean();
                shape.set(r, "practice_change_mean", change);
                shape.set(r, "retained_change_mean", retained);
                shape.set(r, "retained_change_sd", c.retained.sd());
                shape.set(r, "retained_change_ci_low", c.retained.ci(-1));
                shape.set(r, "retained_change_ci_high", c.retained.ci(1));
                shape.set(r, "fade_mean", c.fade.mean());
                shape.set(r, "persistence_ratio", Math.abs(change) < ZERO_CHANGE ? null : retained / change);
                sink.row(NAME, partition, r);
            }
        }
        models.clear();
    }
}
