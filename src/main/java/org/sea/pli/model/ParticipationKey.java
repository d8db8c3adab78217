package org.sea.pli.model;

/** An element of the participation record P within one LEA and school year (docs/spec.md §4.1). */
public record ParticipationKey(String activityId, String educatorId) implements Comparable<ParticipationKey> {

    @Override
    public int compareTo(ParticipationKey o) {
        int c = activityId.compareTo(o.activityId);
        return c != 0 ? c : educatorId.compareTo(o.educatorId);
    }
}
