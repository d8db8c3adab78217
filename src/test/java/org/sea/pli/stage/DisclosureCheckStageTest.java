package org.sea.pli.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.storage.Warehouse;

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
}
