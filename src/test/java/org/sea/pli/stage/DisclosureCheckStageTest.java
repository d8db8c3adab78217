package org.sea.pli.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Publisher;
import org.sea.pli.storage.Warehouse;
import org.sea.pli.testing.RecordedRuns;
import org.sea.pli.testing.RecordedRuns.Partition;

/** The check step (docs/spec.md §5.12 step 4) fails the run with one line naming mart and key, no restart advice. */
class DisclosureCheckStageTest {

    @TempDir
    Path tmp;

    @Test
    void aSmallPublishedCohortFailsTheRunNamingItsKeyWithoutAdvisingARestart() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            String runId = "2026-06-30_1";
            MartSchema cohorts = MartSchema.load("cohort_impact");
            Object[] small = new Object[cohorts.columns().size()];
            small[cohorts.index("lea_id")] = "lea-0042";
            small[cohorts.index("cohort_id")] = "c-7";
            small[cohorts.index("pl_model")] = "coaching";
            small[cohorts.index("n_educators")] = 6;
            small[cohorts.index("suppressed")] = false;
            small[cohorts.index("student_suppressed")] = true;
            try (MartWriter writer = new MartWriter(w.fs(), w.martsDir(runId), cohorts)) {
                writer.write("2025-26", small);
                writer.finish();
            }
            assertThatThrownBy(() -> new DisclosureCheckStage(w, runId, 10).check())
                    .isInstanceOf(StageFailure.class)
                    .hasMessageContaining("cohort_impact (school_year=2025-26, lea_id=lea-0042, cohort_id=c-7,"
                            + " pl_model=coaching) is published with n_educators 6 below min-cell-size 10")
                    .hasMessageContaining("Nothing was published")
                    .hasMessageNotContaining("again")
                    .message()
                    .doesNotContain("\n");
            // the same marts under a min-cell-size of 5 pass
            assertThat(new DisclosureCheckStage(w, runId, 5).check().result()).isNull();
        }
    }

    static final String PUBLISHED = "2026-06-30_1";
    static final String NIGHT = "2026-07-01_1";

    private static Object[] cohort(String lea, int educators) {
        return RecordedRuns.row(
                "cohort_impact",
                "lea_id",
                lea,
                "cohort_id",
                "c-1",
                "pl_model",
                "coaching",
                "n_educators",
                educators,
                "suppressed",
                false,
                "student_suppressed",
                true);
    }

    /**
     * The published run (min-cell-size {@code recordedMinCellSize} in its manifest) and tonight's
     * share 2024-25 byte for byte, with a small cohort planted in it that only a read would find;
     * 2025-26 differs, with {@code tonight} as tonight's row. Returns tonight's files.
     */
    private List<WrittenFile> nights(Warehouse w, int recordedMinCellSize, Object[] tonight) throws Exception {
        Partition shared = Partition.of("2024-25", cohort("lea-0042", 6));
        List<WrittenFile> published =
                RecordedRuns.write(w, PUBLISHED, "cohort_impact", shared, Partition.of("2025-26", cohort("L1", 20)));
        RecordedRuns.manifest(w, PUBLISHED, recordedMinCellSize, published);
        new Publisher(w).publish(PUBLISHED, List.of("cohort_impact"));
        return RecordedRuns.write(w, NIGHT, "cohort_impact", shared, Partition.of("2025-26", tonight));
    }

    @Test
    void aUnitOfTheBytesThePublishedRunPassedIsNotReadAgain() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            List<WrittenFile> tonight = nights(w, 10, cohort("L1", 25));
            // passes: the planted row is in bytes the published run holds, so it is not read
            assertThat(new DisclosureCheckStage(w, NIGHT, 10, true)
                            .check(tonight)
                            .result())
                    .isNull();
            // after a restart (no files handed over) the files are hashed as they lie: the same
            assertThat(new DisclosureCheckStage(w, NIGHT, 10, true).check().result())
                    .isNull();
            // --full or a reproduction reads every unit, and finds it
            assertThatThrownBy(() -> new DisclosureCheckStage(w, NIGHT, 10, false).check(tonight))
                    .hasMessageContaining("cohort_impact (school_year=2024-25, lea_id=lea-0042");
        }
    }

    @Test
    void aUnitPassedUnderAnotherMinCellSizeIsReadAgain() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            List<WrittenFile> tonight = nights(w, 5, cohort("L1", 25));
            assertThatThrownBy(() -> new DisclosureCheckStage(w, NIGHT, 10, true).check(tonight))
                    .hasMessageContaining("cohort_impact (school_year=2024-25, lea_id=lea-0042");
        }
    }

    @Test
    void aUnitOfOtherBytesIsRead() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            List<WrittenFile> tonight = nights(w, 10, cohort("L1", 7));
            assertThatThrownBy(() -> new DisclosureCheckStage(w, NIGHT, 10, true).check(tonight))
                    .hasMessageContaining("1 published value(s)")
                    .hasMessageContaining("cohort_impact (school_year=2025-26, lea_id=L1, cohort_id=c-1,"
                            + " pl_model=coaching) is published with n_educators 7 below min-cell-size 10");
        }
    }
}
