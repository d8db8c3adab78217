package org.sea.pli.model;

/** An in-force {@code pl_activities} row (docs/spec.md §2): what §4 needs of it. */
public record Activity(
        String activityId, String cohortId, String plModel, boolean toolSpecific, String focus, String framework) {}
