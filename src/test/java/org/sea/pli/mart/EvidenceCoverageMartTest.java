package org.sea.pli.mart;

import static org.sea.pli.extract.TestInbox.scores;
import static org.sea.pli.mart.Marts.approx;
import static org.sea.pli.mart.Marts.assertRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.TestInbox;
import org.sea.pli.model.LeaModels;

/** evidence_coverage (docs/spec.md §5.5). */
class EvidenceCoverageMartTest {

    @TempDir
    Path dir;

    /*
     * lea-1, 2025-26: a-1, a-3 (c-1, coaching); a-2 (c-2, workshop); a-4 (c-3, plc) has no participant.
     * Funding: a-1 100.00, a-2 50.50, a-4 10.25.
     *   e-1: a-1 60 min, response (4,4,4), {2} → {3}; a-3 baseline {2} only; growth z (ma,5):
     *        e-1 gain 1, non-participant e-9 gain 3 → mean 2, pop_sd 1, z(e-1) = −1
     *   e-2: a-1 20 min; a-2 45 min
     *   e-3: a-1 {1} → {2} without attendance
     *   e-4: a-3 enrolled only
     *   e-5: a-2 response (3,3,3)
     */
    private LeaModels fixture() throws IOException {
        TestInbox inbox = new TestInbox(dir);
        inbox.lea("lea-1")
                .activity("a-1", "c-1", "coaching", false)
                .activity("a-2", "c-2", "workshop", false)
                .activity("a-3", "c-1", "coaching", false)
                .activity("a-4", "c-3", "plc", false)
                .funding("a-1", "title_ii_a", "100.00")
                .funding("a-2", "local", "50.50")
                .funding("a-4", "state", "10.25")
                .attend("a-1", "e-1", "10-01", 60)
                .respond("a-1", "e-1", 4, 4, 4)
                .pair("a-1", "e-1", scores(2), scores(3))
                .rate("a-3", "e-1", "baseline", 2)
                .outcome("s-1", "e-1", "ma", 5, "0", "1")
                .outcome("s-2", "e-9", "ma", 5, "0", "3")
                .attend("a-1", "e-2", "10-03", 20)
                .attend("a-2", "e-2", "10-02", 45)
                .pair("a-1", "e-3", scores(1), scores(2))
                .enroll("a-3", "e-4")
                .respond("a-2", "e-5", 3, 3, 3);
        return inbox.load();
    }

    @Test
    void evidenceCoverageCountsActivitiesEducatorsUnitsAndDollars() throws IOException {
        Marts marts = Marts.run(fixture(), 3);
        assertRow(
                marts.one(EvidenceCoverageMart.NAME, r -> true),
                "lea_id",
                "lea-1",
                "activities",
                4, // a-4 counts without participants
                "activities_with_attendance",
                2, // a-1, a-2
                "activities_with_satisfaction",
                2, // a-1 (e-1), a-2 (e-5)
                "activities_with_artifacts",
                2, // a-1, a-3 (baseline only still is an artifact)
                // z is the educator's LEA-year value, so e-1 gives a-1 and a-3 outcomes; a-2 has none
                "activities_with_outcomes",
                2,
                "educators_attended",
                2, // e-1; e-2 (in a-1 and a-2) once
                "educators_with_change",
                2, // e-1, e-3 (change without attendance)
                // units: (c-1,coaching) e-1 pooled {2,2} → {3}: change 1 and z → 5; e-2 → 0; e-3 → 4; e-4 → 0;
                //        (c-2,workshop) e-2 → 0, e-5 → 1
                "units_level_0",
                3,
                "units_level_1",
                1,
                "units_level_4",
                1,
                "units_level_5",
                1,
                "pl_dollars",
                new BigDecimal("160.75"), // 100.00 + 50.50 + 10.25
                "pl_dollars_with_change_evidence",
                new BigDecimal("100.00"), // a-1 only
                "change_evidence_dollar_share",
                approx(100.00 / 160.75));
    }
}
