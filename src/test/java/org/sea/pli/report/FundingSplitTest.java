package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funding split of the state page, on hand-worked numbers. */
class FundingSplitTest {

    private static FundingEfficiencyRow fe(String lea, String source, String amount, String tool) {
        return new FundingEfficiencyRow(
                "2025-26",
                lea,
                source,
                "coaching",
                new BigDecimal(amount),
                new BigDecimal(tool),
                null,
                null,
                null,
                null,
                false);
    }

    private static EvidenceCoverageRow ec(String lea, String dollars, String withEvidence) {
        return new EvidenceCoverageRow(
                "2025-26", lea, List.of(), new BigDecimal(dollars), new BigDecimal(withEvidence), null);
    }

    @Test
    void eachLeasEvidenceShareIsSpreadOverItsSourcesAndThePartsAddUp() {
        // lea a: 1000 in all, 250 with change evidence (e = 0.25); lea b: no evidence; lea c: no dollars
        List<FundingEfficiencyRow> funding = List.of(
                fe("a", "title_ii_a", "600.00", "200.00"), fe("a", "local", "400.00", "0.00"),
                fe("b", "title_ii_a", "100.00", "100.00"), fe("c", "state", "0.00", "0.00"));
        List<EvidenceCoverageRow> coverage =
                List.of(ec("a", "1000.00", "250.00"), ec("b", "100.00", "0.00"), ec("c", "0.00", "0.00"));
        List<FundingSplit.Part> parts = FundingSplit.compute(funding, coverage);
        // spec §2 source order: title_ii_a, state, local
        assertThat(parts).extracting(FundingSplit.Part::source).containsExactly("title_ii_a", "state", "local");
        FundingSplit.Part title = parts.get(0);
        assertThat(title.amount()).isEqualByComparingTo("700");
        assertThat(title.toolSpecific()).isEqualByComparingTo("300");
        assertThat(title.evidence()).isEqualByComparingTo("150"); // 600 × 0.25 + 100 × 0
        assertThat(title.toolNoEvidence()).isEqualByComparingTo("250"); // 200 × 0.75 + 100 × 1
        assertThat(title.rest()).isEqualByComparingTo("300"); // 400 × 0.75
        FundingSplit.Part local = parts.get(2);
        assertThat(local.evidence()).isEqualByComparingTo("100");
        assertThat(local.rest()).isEqualByComparingTo("300");
        // lea a's evidence-backed dollars are exactly its pl_dollars_with_change_evidence
        assertThat(title.evidence().subtract(BigDecimal.ZERO).add(local.evidence()))
                .isEqualByComparingTo("250");
        for (FundingSplit.Part p : parts) {
            assertThat(p.evidence().add(p.toolNoEvidence()).add(p.rest())).isEqualByComparingTo(p.amount());
        }
    }
}
