package org.sea.pli.model;

/** Satisfaction responses, pooled (docs/spec.md §4.2, §4.4): the sum of response scores and their count. */
public final class SatisfactionTally {
    double scoreSum;
    int responses;

    /** A response's score is the mean of its present items (§4.2). */
    void addResponse(int itemSum, int items) {
        scoreSum += (double) itemSum / items;
        responses++;
    }

    void addAll(SatisfactionTally other) {
        scoreSum += other.scoreSum;
        responses += other.responses;
    }

    Double mean() {
        return responses == 0 ? null : scoreSum / responses;
    }
}
