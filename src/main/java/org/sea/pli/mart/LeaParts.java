package org.sea.pli.mart;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Parts of the marts kept from an earlier night (docs/spec.md §6.1), and where this run's go. An
 * LEA-year's part of a mart ({@link YearMart#part}) depends only on that LEA-year's tallies, the
 * school year's §4.3 standardization and the settings; a keeper hands one back only when all of
 * them are what they were when it was made.
 */
public interface LeaParts {

    /**
     * The §4.3 groups ({@code GrowthStandardization#yearGroups}) of the school years whose student
     * outcomes are those of the night that kept them, by school year.
     */
    Map<Integer, List<Object[]>> standardization();

    /** The kept part of {@code mart} for the LEA-year, encoded ({@link PartCodec}), or null. */
    byte[] kept(String leaId, int year, String mart);

    /**
     * The parts this run adds for one LEA-year (kept or computed, encoded), by mart; the LEA-years of
     * a school year come in lea_id order, after its {@link #standardized}.
     */
    void made(String leaId, int year, Map<String, byte[]> parts);

    /** The school year's §4.3 groups as this run standardized it. */
    void standardized(int year, List<Object[]> groups);

    /** Whether {@link #made} keeps what it is given (else parts need not be encoded for it). */
    default boolean records() {
        return true;
    }

    /** Nothing kept, nothing recorded: every part computed. */
    LeaParts NONE = new LeaParts() {
        @Override
        public Map<Integer, List<Object[]>> standardization() {
            return Map.of();
        }

        @Override
        public byte[] kept(String leaId, int year, String mart) {
            return null;
        }

        @Override
        public void made(String leaId, int year, Map<String, byte[]> parts) {}

        @Override
        public void standardized(int year, List<Object[]> groups) {}

        @Override
        public boolean records() {
            return false;
        }
    };

    /** Decodes a kept part; a part that does not decode is a defect of the keeper, not of the inbox. */
    static List<Object[]> decode(byte[] part) {
        try {
            return PartCodec.decode(part);
        } catch (IOException e) {
            throw new IllegalStateException("a kept mart part does not decode: " + e.getMessage(), e);
        }
    }
}
