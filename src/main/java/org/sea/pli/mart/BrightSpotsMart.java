package org.sea.pli.mart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sea.pli.parquet.MartSchema;

/**
 * Mart {@code bright_spots} (spec §5.6): the school year's published {@code cohort_impact} rows with
 * enough practice pairs, ranked on the shrunk change of §4.6. It ranks the rows as the disclosure
 * step leaves them (§5.12 step 3), so a cohort withheld there — for its own size or so that another
 * cannot be worked out — is never a bright spot; every value it shows is a published cohort value.
 */
public final class BrightSpotsMart implements Mart {

    public static final String NAME = "bright_spots";

    private final MartRow shape = new MartRow(MartSchema.load(NAME));
    private final MartSchema cohorts = MartSchema.load(CohortImpactMart.NAME);
    private final MartSettings settings;

    public BrightSpotsMart(MartSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A published cohort_impact row, read by column name. */
    private final class Cohort {
        final Object[] values;
        /** §5.6's rank keys, rounded once per cohort rather than at every comparison of the sort */
        BigDecimal shrunk;

        BigDecimal mean;

        Cohort(Object[] values) {
            this.values = values;
        }

        Object get(String column) {
            return values[cohorts.index(column)];
        }

        String text(String column) {
            return (String) get(column);
        }

        Double number(String column) {
            return (Double) get(column);
        }
    }

    /**
     * The bright_spots rows of one school year, best first, from that year's cohort_impact rows as
     * published (suppression applied), in any order.
     */
    public List<Object[]> rank(List<Object[]> publishedCohortRows) {
        List<Cohort> eligible = new ArrayList<>();
        for (Object[] values : publishedCohortRows) {
            Cohort c = new Cohort(values);
            Integer pairs = (Integer) c.get("n_practice_pairs");
            if (!Boolean.TRUE.equals(c.get("suppressed")) && pairs != null && pairs >= settings.minCellSize()) {
                c.shrunk = rounded(c.number("practice_change_shrunk"));
                c.mean = rounded(c.number("practice_change_mean"));
                eligible.add(c);
            }
        }
        // §5.6: the shrunk change first (a lucky small cohort does not lead), then the raw mean, then keys
        // (null only under a min-cell-size below 2: such rows come last)
        Comparator<BigDecimal> descending = Comparator.nullsLast(Comparator.reverseOrder());
        eligible.sort(Comparator.comparing((Cohort c) -> c.shrunk, descending)
                .thenComparing(c -> c.mean, descending)
                .thenComparing(c -> c.text("lea_id"))
                .thenComparing(c -> c.text("cohort_id"))
                .thenComparing(c -> c.text("pl_model")));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.brightSpots(), eligible.size()); i++) {
            Cohort c = eligible.get(i);
            Object[] r = shape.empty();
            shape.set(r, "rank", i + 1);
            for (String column : List.of(
                    "lea_id",
                    "cohort_id",
                    "pl_model",
                    "n_practice_pairs",
                    "practice_change_mean",
                    "practice_change_ci_low",
                    "practice_change_ci_high",
                    "practice_change_shrunk",
                    "effect_size",
                    "improved_rate",
                    "cost_per_improved")) {
                shape.set(r, column, c.get(column));
            }
            rows.add(r);
        }
        return rows;
    }

    /** §5.6 ranks on values rounded to 9 decimal places, so float noise never reorders ties. */
    private static BigDecimal rounded(Double v) {
        return v == null ? null : new BigDecimal(v).setScale(9, RoundingMode.HALF_UP);
    }
}
