package org.sea.pli.mart;

import org.sea.pli.model.GroupImpact;

/** The columns from n_educators to improved_rate that §5.2 and §5.3 share, set in one place. */
final class ImpactColumns {

    private ImpactColumns() {}

    static void set(MartRow shape, Object[] r, GroupImpact impact) {
        shape.set(r, "n_educators", impact.nEducators);
        shape.set(r, "n_attended", impact.nAttended);
        shape.set(r, "minutes_mean", impact.minutesMean());
        shape.set(r, "sustained_rate", impact.sustainedRate());
        shape.set(r, "satisfaction_mean", impact.satisfactionMean());
        shape.set(r, "n_practice_pairs", impact.nPracticePairs);
        shape.set(r, "practice_baseline_mean", impact.practiceBaselineMean());
        shape.set(r, "practice_followup_mean", impact.practiceFollowupMean());
        shape.set(r, "practice_change_mean", impact.practiceChangeMean());
        shape.set(r, "practice_change_sd", impact.practiceChangeSd());
        shape.set(r, "effect_size", impact.effectSize());
        shape.set(r, "improved_rate", impact.improvedRate());
    }
}
