package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/**
 * Mart {@code practice_by_design} (spec §5.8): statewide, does practice change depend on how PL is
 * designed, whatever its model? The P elements of the year grouped by one design factor at a time.
 * Elements are added LEA by LEA in lea_id order, within an LEA in (activity_id, educator_id) order,
 * which fixes every floating sum.
 */
public final class PracticeByDesignMart extends SchemaYearMart {

    public static final String NAME = "practice_by_design";

    /** The factors of §5.8 in key order (factor names sort as strings). */
    private static final Map<String, Function<EducatorActivity, String>> FACTORS = new TreeMap<>(Map.of(
            "focus", e -> e.activity().focus(),
            "framework", e -> e.activity().framework(),
            "tool_specific", e -> Boolean.toString(e.activity().toolSpecific()),
            "sustained", e -> Boolean.toString(e.sustained())));

    /** The elements of one (factor, level) in one school year. */
    private static final class Level {
        int elements;
        int educators;
        int attended;
        int sustained;
        int improved;
        final Sample change = new Sample();
        // each share is exact to 34 digits; the sum is converted to double once, when written
        BigDecimal cost = BigDecimal.ZERO;
    }

    private final Map<String, Map<String, Level>> factors = new TreeMap<>();

    public PracticeByDesignMart(MartSettings settings) {
        super(NAME, settings);
    }

    /**
     * One row per (factor, level) of the LEA-year: factor, level, its counts, its elements'
     * changes in element order, and its allocated cost (exact decimal).
     */
    @Override
    public List<Object[]> part(LeaYear ly) {
        Map<String, Map<String, Level>> factors = new TreeMap<>();
        // an activity's funding split equally over its P elements (§5.8)
        Map<String, Integer> elementsOf = new HashMap<>();
        for (EducatorActivity e : ly.participation()) {
            elementsOf.merge(e.activity().activityId(), 1, Integer::sum);
        }
        Map<String, BigDecimal> shareOf = new HashMap<>();
        elementsOf.forEach((activity, n) -> {
            BigDecimal total = ly.fundingByActivity().get(activity);
            if (total != null) {
                shareOf.put(activity, total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128));
            }
        });
        for (Map.Entry<String, Function<EducatorActivity, String>> f : FACTORS.entrySet()) {
            Map<String, Level> levels = factors.computeIfAbsent(f.getKey(), k -> new TreeMap<>());
            // distinct (lea_id, educator_id): LEAs are disjoint, so distinct educators per LEA add up
            Map<String, Set<String>> educators = new TreeMap<>();
            for (EducatorActivity e : ly.participation()) {
                String level = f.getValue().apply(e);
                Level l = levels.computeIfAbsent(level, k -> new Level());
                educators.computeIfAbsent(level, k -> new HashSet<>()).add(e.educatorId());
                l.elements++;
                if (e.attended()) {
                    l.attended++;
                    if (e.sustained()) {
                        l.sustained++;
                    }
                }
                Double c = e.practiceChange();
                if (c != null) {
                    l.change.add(c);
                    if (Boolean.TRUE.equals(e.improved(settings.improvedThreshold()))) {
                        l.improved++;
                    }
                }
                BigDecimal share = shareOf.get(e.activity().activityId());
                if (share != null) {
                    l.cost = l.cost.add(share);
                }
            }
            educators.forEach((level, set) -> levels.get(level).educators += set.size());
        }
        List<Object[]> rows = new ArrayList<>();
        factors.forEach((factor, levels) -> levels.forEach((level, l) -> rows.add(new Object[] {
            factor, level, l.elements, l.educators, l.attended, l.sustained, l.improved, l.change.values(), l.cost
        })));
        return rows;
    }

    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) {
        for (Object[] r : part) {
            Level l = factors.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .computeIfAbsent((String) r[1], k -> new Level());
            l.elements += (Integer) r[2];
            l.educators += (Integer) r[3];
            l.attended += (Integer) r[4];
            l.sustained += (Integer) r[5];
            l.improved += (Integer) r[6];
            l.change.addAll((double[]) r[7]);
            l.cost = l.cost.add((BigDecimal) r[8]); // exact: the sum of the LEAs' sums
        }
    }

    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        for (Map.Entry<String, Map<String, Level>> f : factors.entrySet()) {
            for (Map.Entry<String, Level> e : f.getValue().entrySet()) {
                sink.row(NAME, partition, row(f.getKey(), e.getKey(), e.getValue()));
            }
        }
        factors.clear();
    }

    private Object[] row(String factor, String level, Level l) {
        Object[] r = shape.empty();
        shape.set(r, "factor", factor);
        shape.set(r, "level", level);
        shape.set(r, "n_elements", l.elements);
        shape.set(r, "n_educators", l.educators);
        shape.set(r, "n_attended", l.attended);
        shape.set(r, "sustained_rate", Sample.ratio(l.sustained, l.attended));
        shape.set(r, "n_practice_pairs", l.change.size());
        shape.set(r, "practice_change_mean", l.change.mean());
        shape.set(r, "practice_change_sd", l.change.sd());
        shape.set(r, "practice_change_ci_low", l.change.ci(-1));
        shape.set(r, "practice_change_ci_high", l.change.ci(1));
        shape.set(r, "effect_size", l.change.effectSize());
        shape.set(r, "improved_rate", Sample.ratio(l.improved, l.change.size()));
        double cost = l.cost.doubleValue();
        shape.set(r, "allocated_cost_usd", cost);
        shape.set(r, "cost_per_improved", Sample.ratio(cost, l.improved));
        return r;
    }
}
