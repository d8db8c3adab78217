package org.sea.pli.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sea.pli.testing.RecordedRuns.row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.MartFiles;
import org.sea.pli.storage.Warehouse;
import org.sea.pli.testing.RecordedRuns;
import org.sea.pli.testing.RecordedRuns.Partition;

/**
 * Two runs' cohort_impact, 2024-25 the same bytes in both, 2025-26 with one row changed, one
 * suppressed and one added: the comparison reports exactly the 2025-26 changes, without reading
 * 2024-25, and gives what comparing the whole marts gives.
 */
class RunComparisonTest {

    static final String BEFORE = "2026-06-30_1";
    static final String AFTER = "2026-07-01_1";
    static final String MART = "cohort_impact";

    @TempDir
    Path tmp;

    Warehouse w;
    List<WrittenFile> after;

    @BeforeEach
    void twoRuns() throws Exception {
        w = Warehouse.open(tmp.resolve("w").toString());
        Partition older = Partition.of("2024-25", cohort("L1", "C1", 30, false), cohort("L2", "C1", 12, false));
        List<WrittenFile> before = RecordedRuns.write(
                w,
                BEFORE,
                MART,
                older,
                Partition.of("2025-26", cohort("L1", "C1", 20, false), cohort("L2", "C2", 11, false)));
        RecordedRuns.manifest(w, BEFORE, 10, before);
        after = RecordedRuns.write(
                w,
                AFTER,
                MART,
                older,
                Partition.of(
                        "2025-26",
                        cohort("L1", "C1", 25, false), // n_educators 20 → 25
                        cohort("L2", "C2", 11, true), // suppressed
                        cohort("L3", "C1", 40, false))); // new
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    private static Object[] cohort(String lea, String cohort, int educators, boolean suppressed) {
        return row(
                MART,
                "lea_id",
                lea,
                "cohort_id",
                cohort,
                "pl_model",
                "coaching",
                "n_educators",
                educators,
                "suppressed",
                suppressed,
                "student_suppressed",
                suppressed);
    }

    private RunChanges compare() throws Exception {
        return RunComparison.compare(w, AFTER, List.of(), MartFiles.of(after), w, BEFORE);
    }

    private static MartRowDiff.Result mart(RunChanges changes) {
        return changes.marts().stream()
                .filter(m -> m.mart().equals(MART))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePartitionOfTheSameBytesIsNotReadAndOnlyTheOtherOnesChangesAreReported() throws Exception {
        // the earlier run's 2024-25 file is gone: read, its two rows would come out as added
        w.fs().delete(new org.apache.hadoop.fs.Path(w.martsDir(BEFORE), MART + "/school_year=2024-25"), true);

        RunChanges changes = compare();

        MartRowDiff.Result m = mart(changes);
        // rows: 2 + 2 before (2024-25 counted from the manifest), 2 + 3 after
        assertThat(m.rowsBefore()).isEqualTo(4);
        assertThat(m.rowsAfter()).isEqualTo(5);
        assertThat(m.added())
                .containsExactly(
                        Map.of("school_year", "2025-26", "lea_id", "L3", "cohort_id", "C1", "pl_model", "coaching"));
        assertThat(m.removed()).isEmpty();
        assertThat(m.changed())
                .extracting(c -> c.key().get("lea_id") + " " + c.columns())
                .containsExactly("L1 [n_educators]", "L2 [suppressed, student_suppressed]");
        assertThat(changes.flips()).extracting(f -> f.cohort().leaId()).containsExactly("L2");
        // every other mart: no files in either run, nothing changed
        assertThat(changes.marts()).filteredOn(r -> !r.mart().equals(MART)).allMatch(MartRowDiff.Result::unchanged);
    }

    @Test
    void partitionByPartitionGivesWhatTheWholeMartsGive() throws Exception {
        MartSchema schema = MartSchema.load(MART);
        MartRowDiff.Result whole = MartRowDiff.compare(
                schema,
                new MartReader(w.fs(), w.martsDir(BEFORE)).read(schema),
                new MartReader(w.fs(), w.martsDir(AFTER)).read(schema));

        assertThat(mart(compare())).isEqualTo(whole);
    }

    @Test
    void aPartitionTheRecordShowsAsOtherBytesIsRead() throws Exception {
        // the earlier run's manifest records other SHA-256s for its files than this run's
        List<WrittenFile> recorded = new ArrayList<>();
        for (WrittenFile f : RecordedRuns.write(
                w,
                BEFORE,
                MART,
                Partition.of("2024-25", cohort("L1", "C1", 30, false), cohort("L2", "C1", 12, false)),
                Partition.of("2025-26", cohort("L1", "C1", 20, false), cohort("L2", "C2", 11, false)))) {
            recorded.add(new WrittenFile(f.path(), "f".repeat(64), f.rows()));
        }
        RecordedRuns.manifest(w, BEFORE, 10, recorded);
        w.fs().delete(new org.apache.hadoop.fs.Path(w.martsDir(BEFORE), MART + "/school_year=2024-25"), true);

        // not the same bytes by the record: read, and the missing file's rows show as added
        assertThat(mart(compare()).added())
                .extracting(k -> k.get("school_year") + " " + k.get("lea_id"))
                .containsExactly("2024-25 L1", "2024-25 L2", "2025-26 L3");
    }
}
