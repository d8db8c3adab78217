package org.sea.pli.disclosure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.CohortImpactMart;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.mart.MartSink;

/**
 * The disclosure step (docs/spec.md §5.12): every mart row passes through here between its
 * computation and its file. The restricted mart (§5.1) and the marts without person counts pass
 * straight on; the rows of a mart with a {@link DisclosureRule} are held until their school year
 * ends, then decided together:
 * <ol>
 *   <li>primary suppression (§5): a row below min-cell-size on its educator count;</li>
 *   <li>complementary suppression (step 1): in a group with exactly one suppressed row among two
 *       or more, the smallest unsuppressed row too;</li>
 *   <li>all or nothing (step 2): {@code funding_efficiency} per LEA, model and year, withheld also
 *       when a {@code cohort_impact} row of the same LEA, model and year is suppressed;</li>
 *   <li>{@code bright_spots} (step 3) ranked from {@code cohort_impact} as published.</li>
 * </ol>
 * A year's held rows are a few thousand small rows at state scale (cohorts, models, funding lines):
 * the restricted per-educator rows, the large ones, are never held.
 */
public final class Disclosure implements MartSink {

    private final int minCellSize;
    private final BrightSpotsMart brightSpots;
    private final MartSink published;
    /** Marts with a rule, decided in this order: a mart withheld with another comes after it. */
    private final Map<String, DisclosureRule> rules = new LinkedHashMap<>();

    private final Map<String, YearRows> held = new LinkedHashMap<>();
    private final Map<String, DisclosureCounts.Mart> counts = new LinkedHashMap<>();
    /** The same counts per school year, then mart: what a partition reused by a later run brings along. */
    private final Map<String, Map<String, DisclosureCounts.Mart>> byYear = new java.util.TreeMap<>();

    private String heldYear;

    public Disclosure(int minCellSize, BrightSpotsMart brightSpots, MartSink published) {
        this.minCellSize = minCellSize;
        this.brightSpots = brightSpots;
        this.published = published;
        List<DisclosureRule> withheldWithAnother = new ArrayList<>();
        for (String mart : MartCatalog.REPORTABLE) {
            counts.put(mart, new DisclosureCounts.Mart(0, 0, 0));
            DisclosureRule.of(mart).ifPresent(r -> {
                if (r.withheldWith() == null) {
                    rules.put(mart, r);
                } else {
                    withheldWithAnother.add(r);
                }
            });
        }
        withheldWithAnother.forEach(r -> rules.put(r.schema().name(), r));
    }

    @Override
    public void row(String mart, String schoolYear, Object[] values) throws IOException {
        DisclosureRule rule = rules.get(mart);
        if (rule == null) {
            if (counts.containsKey(mart)) { // a public mart with no person counts
                count(mart, schoolYear, new DisclosureCounts.Mart(1, 0, 0));
            }
            published.row(mart, schoolYear, values);
            return;
        }
        if (heldYear != null && !heldYear.equals(schoolYear)) {
            throw new IllegalStateException(mart + " gave a row of " + schoolYear + " before the end of " + heldYear);
        }
        heldYear = schoolYear;
        held.computeIfAbsent(mart, m -> new YearRows(rule)).add(values);
    }

    @Override
    public void endOfYear(String schoolYear) throws IOException {
        if (heldYear != null) {
            decide();
            for (Map.Entry<String, YearRows> e : held.entrySet()) {
                for (Object[] row : e.getValue().rows()) {
                    published.row(e.getKey(), heldYear, row);
                }
            }
            YearRows cohorts = held.get(CohortImpactMart.NAME);
            for (Object[] row : brightSpots.rank(cohorts == null ? List.of() : cohorts.rows())) {
                count(BrightSpotsMart.NAME, heldYear, new DisclosureCounts.Mart(1, 0, 0));
                published.row(BrightSpotsMart.NAME, heldYear, row);
            }
            held.clear();
            heldYear = null;
        }
        published.endOfYear(schoolYear);
    }

    /**
     * Suppression of the held year's rows, mart by mart in rule order (§5, §5.12 steps 1–2): a mart
     * withheld with another is decided after it, on its flags.
     */
    private void decide() {
        for (Map.Entry<String, DisclosureRule> r : rules.entrySet()) {
            YearRows rows = held.get(r.getKey());
            if (rows == null) {
                continue;
            }
            rows.decidePrimary(minCellSize);
            rows.decideComplementary();
            YearRows with = r.getValue().withheldWith() == null
                    ? null
                    : held.get(r.getValue().withheldWith());
            rows.decideAllOrNothing(
                    with == null ? Set.of() : with.suppressedKeys(r.getValue().allOrNothingWithin()));
        }
        held.forEach((mart, rows) -> count(mart, heldYear, rows.apply(minCellSize)));
    }

    private void count(String mart, String schoolYear, DisclosureCounts.Mart more) {
        counts.merge(mart, more, DisclosureCounts.Mart::plus);
        if (schoolYear != null) {
            byYear.computeIfAbsent(schoolYear, y -> new LinkedHashMap<>())
                    .merge(mart, more, DisclosureCounts.Mart::plus);
        }
    }

    /**
     * The counts of a partition this run did not compute but took from an earlier run whose inputs
     * for it were the same (docs/spec.md §6.1): its rows were decided then, exactly as now.
     */
    public void reused(String mart, String schoolYear, DisclosureCounts.Mart counted) {
        if (counts.containsKey(mart)) {
            count(mart, schoolYear, counted);
        }
    }

    /** What was withheld in one school year's partitions, per public mart (zeros for a mart without rows). */
    public DisclosureCounts.Mart counts(String mart, String schoolYear) {
        return byYear.getOrDefault(schoolYear, Map.of()).getOrDefault(mart, new DisclosureCounts.Mart(0, 0, 0));
    }

    /** What was withheld so far, per public mart in catalog order. */
    public DisclosureCounts counts() {
        if (heldYear != null) {
            throw new IllegalStateException("the rows of " + heldYear + " were never ended (endOfYear)");
        }
        return new DisclosureCounts(minCellSize, counts);
    }
}
