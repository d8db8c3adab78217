package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The participation key's equality, order and hash, on numbered ids like the extracts'. */
class ParticipationKeyTest {

    @Test
    void equalKeysAreEqualAndHashAlike() {
        ParticipationKey a = new ParticipationKey("pl-2025-0001", "e0001-00001");
        ParticipationKey b = new ParticipationKey(new String("pl-2025-0001"), new String("e0001-00001"));
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.compareTo(b)).isZero();
    }

    @Test
    void ordersByActivityThenEducator() {
        ParticipationKey a1 = new ParticipationKey("pl-2025-0001", "e0001-00009");
        ParticipationKey a2 = new ParticipationKey("pl-2025-0002", "e0001-00001");
        ParticipationKey a1b = new ParticipationKey("pl-2025-0001", "e0001-00010");
        assertThat(a1.compareTo(a2)).isNegative();
        assertThat(a1.compareTo(a1b)).isNegative();
        assertThat(a2.compareTo(a1b)).isPositive();
    }

    @Test
    void numberedPairsDoNotShareHashes() {
        // 100 activities × 258 educators = 25,800 keys. With the record's 31·a + e, activity n + 1
        // with educator m mostly hashes like activity n with educator m + 31 (each id's hash grows by
        // one per number), and this grid collapses to 2,485 hashes; every pair here must hash apart.
        Set<Integer> hashes = new HashSet<>();
        int keys = 0;
        for (int act = 1; act <= 100; act++) {
            for (int ed = 1; ed <= 258; ed++) {
                hashes.add(new ParticipationKey(
                                String.format(Locale.ROOT, "pl-2025-%04d", act),
                                String.format(Locale.ROOT, "e0001-%05d", ed))
                        .hashCode());
                keys++;
            }
        }
        assertThat(keys).isEqualTo(25_800);
        assertThat(hashes).hasSize(25_800);
    }
}
