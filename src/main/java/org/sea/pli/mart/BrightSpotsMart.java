package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sea.pli.model.LeaYear;

/**
 * Mart {@code bright_spots} (spec §5.6): the school year's unsuppressed {@code cohort_impact} rows
 * with enough practice pairs, ranked on the shrunk change of §4.6. It reads the rows
 * {@link CohortImpactMart} kept for the year, at {@link #endYear}, after cohort_impact's own endYear
 * has fitted the year's shrinkage ({@link MartCatalog} lists it after cohort_impact).
 */
public final class BrightSpotsMart extends SchemaYearMart {

    public static final String NAME = "bright_spots";

    private final CohortImpactMart cohorts;

    public BrightSpotsMart(MartSettings settings, CohortImpactMart cohorts) {
        super(NAME, settings);
        this.cohorts = cohorts;
    }

    @Override
    public void lea(LeaYear ly, String partition, MartSink sink) {}

    @Override
    public void endYear(int schoolYear, String partition, MartSink sink) throws IOException {
        List<CohortImpactMart.CohortRow> eligible = new ArrayList<>();
        for (CohortImpactMart.CohortRow c : cohorts.yearRows()) {
            if (!c.suppressed() && c.impact().nPracticePairs >= settings.minCellSize()) {
                eligible.add(c);
            }
        }
        // §5.6: the shrunk change first (a lucky small cohort does not lead), then the raw mean, then keys
        // (null only under a min-cell-size below 2: such rows come last)
        Comparator<BigDecimal> descending = Comparator.nullsLast(Comparator.reverseOrder());
        eligible.sort(Comparator.comparing((CohortImpactMart.CohortRow c) -> rounded(c.shrunk()), descending)
                .thenComparing(c -> rounded(c.impact().practiceChangeMean()), descending)
                .thenComparing(CohortImpactMart.CohortRow::leaId)
                .thenComparing(CohortImpactMart.CohortRow::cohortId)
                .thenComparing(CohortImpactMart.CohortRow::plModel));
        for (int i = 0; i < Math.min(settings.brightSpots(), eligible.size()); i++) {
            CohortImpactMart.CohortRow c = eligible.get(i);
            Object[] r = shape.empty();
            shape.set(r, "rank", i + 1);
            shape.set(r, "lea_id", c.leaId());
            shape.set(r, "cohort_id", c.cohortId());
            shape.set(r, "pl_model", c.plModel());
            shape.set(r, "n_practice_pairs", c.impact().nPracticePairs);
            shape.set(r, "practice_change_mean", c.impact().practiceChangeMean());
            shape.set(r, "practice_change_ci_low", c.impact().practiceChangeCi(-1));
            shape.set(r, "practice_change_ci_high", c.impact().practiceChangeCi(1));
            shape.set(r, "practice_change_shrunk", c.shrunk());
            shape.set(r, "effect_size", c.impact().effectSize());
            shape.set(r, "improved_rate", c.impact().improvedRate());
            shape.set(r, "cost_per_improved", c.costPerImproved());
            sink.row(NAME, partition, r);
        }
    }

    /** §5.6 ranks on values rounded to 9 decimal places, so float noise never reorders ties. */
    private static BigDecimal rounded(Double v) {
        return v == null ? null : new BigDecimal(v).setScale(9, RoundingMode.HALF_UP);
    }
}
