package org.sea.pli.generate;

/**
 * Size of a synthetic inbox (spec §7 {@code generate --scale}). Educators are spread over the LEAs
 * with a skewed (log-normal) size distribution; each teacher has about ten students a year.
 */
public enum Scale {
    /** About 6 LEAs and 600 educators: seconds, a few MB; used by tests and {@code sample-data/}. */
    SMALL(6, 600),
    /** About 20 LEAs and 10,000 educators. */
    DISTRICT(20, 10_000),
    /** About 200 LEAs, 100,000 educators and 1,000,000 students: ~700 MB of CSV in ~3,000 files. */
    STATE(200, 100_000);

    private final int leas;
    private final int educators;

    Scale(int leas, int educators) {
        this.leas = leas;
        this.educators = educators;
    }

    /** Number of LEAs listed in {@code _state/leas.csv}. */
    public int leas() {
        return leas;
    }

    /** Total number of educators over all LEAs. */
    public int educators() {
        return educators;
    }
}
