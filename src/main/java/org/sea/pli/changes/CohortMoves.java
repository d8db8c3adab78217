package org.sea.pli.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sea.pli.parquet.MartRecord;

/**
 * What moved among the cohorts between two runs: cohorts of {@code cohort_impact} (spec §5.2) present
 * in both whose baseline-equivalence verdict (§4.7) or suppression flipped, and cohorts that entered
 * or left {@code bright_spots} (§5.6) — a cohort by school year, LEA, cohort and PL model, not by
 * rank, so a cohort that only moved rank has neither entered nor left.
 */
public final class CohortMoves {

    /** A cohort: school year, LEA, cohort id, PL model. */
    public record Cohort(String schoolYear, String leaId, String cohortId, String plModel) {}

    /** A cohort whose verdict or suppression differs; each pair is before, after. */
    public record Flip(
            Cohort cohort,
            String verdictBefore,
            String verdictAfter,
            Boolean suppressedBefore,
            Boolean suppressedAfter,
            Boolean studentSuppressedBefore,
            Boolean studentSuppressedAfter) {

        public boolean verdictChanged() {
            return !Objects.equals(verdictBefore, verdictAfter);
        }
    }

    /** A bright spot of one run: the cohort and its rank. */
    public record BrightSpot(Cohort cohort, Integer rank) {}

    private CohortMoves() {}

    public static List<Flip> flips(List<MartRecord> before, List<MartRecord> after) {
        Map<Cohort, MartRecord> old = byCohort(before);
        List<Flip> flips = new ArrayList<>();
        for (Map.Entry<Cohort, MartRecord> e : byCohort(after).entrySet()) {
            MartRecord was = old.get(e.getKey());
            if (was == null) {
                continue;
            }
            MartRecord now = e.getValue();
            Flip flip = new Flip(
                    e.getKey(),
                    was.string("baseline_equivalence"),
                    now.string("baseline_equivalence"),
                    was.bool("suppressed"),
                    now.bool("suppressed"),
                    was.bool("student_suppressed"),
                    now.bool("student_suppressed"));
            if (flip.verdictChanged()
                    || !Objects.equals(flip.suppressedBefore(), flip.suppressedAfter())
                    || !Objects.equals(flip.studentSuppressedBefore(), flip.studentSuppressedAfter())) {
                flips.add(flip);
            }
        }
        return flips;
    }

    /** Bright spots of {@code these} whose cohort {@code others} does not list. */
    public static List<BrightSpot> notIn(List<MartRecord> these, List<MartRecord> others) {
        Map<Cohort, MartRecord> other = byCohort(others);
        List<BrightSpot> spots = new ArrayList<>();
        byCohort(these).forEach((cohort, r) -> {
            if (!other.containsKey(cohort)) {
                spots.add(new BrightSpot(cohort, r.int32("rank")));
            }
        });
        return spots;
    }

    private static Map<Cohort, MartRecord> byCohort(List<MartRecord> rows) {
        Map<Cohort, MartRecord> map = new LinkedHashMap<>();
        for (MartRecord r : rows) {
            map.put(
                    new Cohort(
                            r.string("school_year"), r.string("lea_id"), r.string("cohort_id"), r.string("pl_model")),
                    r);
        }
        return map;
    }
}
