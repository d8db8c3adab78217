package org.sea.pli.model;

/** Evidence level after Guskey (docs/spec.md §4.4), for units and P elements alike. */
public final class EvidenceLevel {

    private EvidenceLevel() {}

    /** 5: practice change and student growth; 4: practice change; 1: satisfaction; else 0. */
    public static int of(Double practiceChange, Double studentGrowthZ, Double satisfaction) {
        if (practiceChange != null && studentGrowthZ != null) {
            return 5;
        }
        if (practiceChange != null) {
            return 4;
        }
        return satisfaction != null ? 1 : 0;
    }
}
