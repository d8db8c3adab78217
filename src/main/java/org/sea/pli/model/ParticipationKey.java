package org.sea.pli.model;

/** An element of the participation record P within one LEA and school year (docs/spec.md §4.1). */
public record ParticipationKey(String activityId, String educatorId) implements Comparable<ParticipationKey> {

    /**
     * Not the record's {@code 31 * a + e}: ids here are numbered ({@code pl-2025-0001},
     * {@code e0001-01156}), so the next activity with an educator ten numbers back gave the same hash,
     * and an LEA-year's participation maps ran to long collision chains. An odd 32-bit multiplier far
     * from any power of 31 keeps numbered pairs apart.
     */
    @Override
    public int hashCode() {
        int h = activityId.hashCode() * 0x9E3779B1 + educatorId.hashCode();
        return h ^ (h >>> 16);
    }

    @Override
    public int compareTo(ParticipationKey o) {
        int c = activityId.compareTo(o.activityId);
        return c != 0 ? c : educatorId.compareTo(o.educatorId);
    }
}
