package org.sea.pli.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.storage.Warehouse;

/**
 * Two small runs of cohort_impact and bright_spots written as Parquet and read back: rows by key
 * (an added cohort, a verdict that flipped, a double one ulp apart), the verdict flip alone among
 * the cohort moves, and bright spots that entered or left while one only moved rank.
 */
class CohortMovesTest {

    @TempDir
    Path tmp;

    private static final MartSchema COHORTS = MartSchema.load("cohort_impact");
    private static final MartSchema SPOTS = MartSchema.load("bright_spots");

    private static Object[] cohort(String id, String verdict, double change) {
        Object[] v = new Object[COHORTS.columns().size()];
        v[COHORTS.index("lea_id")] = "lea-1";
        v[COHORTS.index("cohort_id")] = id;
        v[COHORTS.index("pl_model")] = "coaching";
        v[COHORTS.index("baseline_equivalence")] = verdict;
        v[COHORTS.index("practice_change_mean")] = change;
        v[COHORTS.index("suppressed")] = false;
        v[COHORTS.index("student_suppressed")] = false;
        return v;
    }

    private static Object[] spot(int rank, String id) {
        Object[] v = new Object[SPOTS.columns().size()];
        v[SPOTS.index("rank")] = rank;
        v[SPOTS.index("lea_id")] = "lea-1";
        v[SPOTS.index("cohort_id")] = id;
        v[SPOTS.index("pl_model")] = "coaching";
        return v;
    }

    private List<MartRecord> write(String run, MartSchema schema, List<Object[]> rows) throws IOException {
        try (Warehouse w = Warehouse.open(tmp.toString())) {
            org.apache.hadoop.fs.Path dir = w.martsDir(run);
            try (MartWriter writer = new MartWriter(w.fs(), dir, schema)) {
                for (Object[] r : rows) {
                    writer.write("2025-26", r);
                }
                writer.finish();
            }
            return new MartReader(w.fs(), dir).read(schema);
        }
    }

    @Test
    void rowsByKeyVerdictFlipsAndBrightSpotsThatCameOrWent() throws IOException {
        List<MartRecord> before =
                write("r1", COHORTS, List.of(cohort("c1", "satisfies", 0.5), cohort("c2", "fails", 0.1)));
        List<MartRecord> after = write(
                "r2",
                COHORTS,
                List.of(
                        cohort("c1", "needs_adjustment", 0.5),
                        cohort("c2", "fails", Math.nextUp(0.1)),
                        cohort("c3", null, 1.0)));

        MartRowDiff.Result rows = MartRowDiff.compare(COHORTS, before, after);
        assertThat(rows.added())
                .containsExactly(
                        Map.of("school_year", "2025-26", "lea_id", "lea-1", "cohort_id", "c3", "pl_model", "coaching"));
        assertThat(rows.removed()).isEmpty();
        // c1: the verdict; c2: a double one ulp apart is a change (doubles compare exactly)
        assertThat(rows.changed())
                .extracting(MartRowDiff.ChangedRow::columns)
                .containsExactly(List.of("baseline_equivalence"), List.of("practice_change_mean"));

        List<CohortMoves.Flip> flips = CohortMoves.flips(before, after);
        assertThat(flips).hasSize(1);
        assertThat(flips.get(0).cohort().cohortId()).isEqualTo("c1");
        assertThat(flips.get(0).verdictBefore()).isEqualTo("satisfies");
        assertThat(flips.get(0).verdictAfter()).isEqualTo("needs_adjustment");

        List<MartRecord> spotsBefore = write("r1", SPOTS, List.of(spot(1, "c1"), spot(2, "c2")));
        List<MartRecord> spotsAfter = write("r2", SPOTS, List.of(spot(1, "c2"), spot(2, "c3")));
        // c2 moved from rank 2 to 1: neither entered nor left
        assertThat(CohortMoves.notIn(spotsAfter, spotsBefore))
                .extracting(s -> s.cohort().cohortId() + "@" + s.rank())
                .containsExactly("c3@2");
        assertThat(CohortMoves.notIn(spotsBefore, spotsAfter))
                .extracting(s -> s.cohort().cohortId() + "@" + s.rank())
                .containsExactly("c1@1");

        RunChanges changes = new RunChanges(
                "r2",
                "r1",
                new InputDiff.Result(List.of(), List.of(), List.of(), List.of()),
                List.of(rows),
                flips,
                CohortMoves.notIn(spotsAfter, spotsBefore),
                CohortMoves.notIn(spotsBefore, spotsAfter));
        ChangeNotes notes = ChangeNotes.of(changes);
        assertThat(notes.summary())
                .isEqualTo("since run r1: 1 cohort changed verdict; bright spots: 1 entered, 1 left");
        // lea-1: 1 row added + 2 changed = 3
        assertThat(notes.forLea("lea-1"))
                .isEqualTo("Since run r1: 3 rows of the marts about you changed;"
                        + " 1 cohort changed verdict; bright spots: 1 entered, 1 left.");
        assertThat(notes.forLea("lea-2")).isEqualTo("Since run r1: nothing changed for lea-2.");
    }
}
