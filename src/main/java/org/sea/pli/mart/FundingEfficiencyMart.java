package org.sea.pli.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sea.pli.model.Activity;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.FundingLine;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/** Mart {@code funding_efficiency} (spec §5.4): what each funding stream buys, per LEA-year. */
public final class FundingEfficiencyMart extends SchemaYearMart {

    public static final String NAME = "funding_efficiency";

    public FundingEfficiencyMart(MartSettings settings) {
        super(NAME, settings);
    }

    /** What §5.4 needs to know of one activity's P elements. */
    private static final class ActivityReach {
        int attended;
        int sustainedAttended;
        int improved;
    }

    /** §5.4: funding by (funding_source, pl_model), weighted by each row's share of its activity. */
    @Override
    public List<Object[]> part(LeaYear ly) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, ActivityReach> reach = new HashMap<>();
        for (EducatorActivity e : ly.participation()) {
            ActivityReach a = reach.computeIfAbsent(e.activity().activityId(), k -> new ActivityReach());
            if (e.attended()) {
                a.attended++;
                if (e.sustained()) {
                    a.sustainedAttended++;
                }
            }
            if (Boolean.TRUE.equals(e.improved(settings.improvedThreshold()))) {
                a.improved++;
            }
        }
        Map<String, BigDecimal> totals = ly.fundingByActivity();
        List<FundingLine> lines = new ArrayList<>(ly.funding());
        lines.sort(Comparator.comparing(FundingLine::fundingSource)
                .thenComparing(f -> ly.activities().get(f.activityId()).plModel())
                .thenComparing(FundingLine::activityId));
        Map<String, List<FundingLine>> groups = new LinkedHashMap<>();
        for (FundingLine f : lines) {
            groups.computeIfAbsent(
                            f.fundingSource()
                                    + '\u0001'
                                    + ly.activities().get(f.activityId()).plModel(),
                            k -> new ArrayList<>())
                    .add(f);
        }
        for (List<FundingLine> group : groups.values()) {
            BigDecimal amount = BigDecimal.ZERO.setScale(2);
            BigDecimal toolSpecific = BigDecimal.ZERO.setScale(2);
            BigDecimal sustained = BigDecimal.ZERO.setScale(2);
            double reached = 0;
            double improved = 0;
            Set<String> activities = new TreeSet<>();
            for (FundingLine f : group) {
                Activity activity = ly.activities().get(f.activityId());
                ActivityReach a = reach.getOrDefault(f.activityId(), new ActivityReach());
                amount = amount.add(f.amountUsd());
                activities.add(f.activityId());
                BigDecimal total = totals.get(f.activityId());
                if (total.signum() != 0) { // a null share adds 0
                    double share = f.amountUsd().doubleValue() / total.doubleValue();
                    reached += share * a.attended;
                    improved += share * a.improved;
                }
                if (activity.toolSpecific()) {
                    toolSpecific = toolSpecific.add(f.amountUsd());
                }
                if (a.attended > 0 && 2 * a.sustainedAttended >= a.attended) {
                    sustained = sustained.add(f.amountUsd());
                }
            }
            FundingLine first = group.get(0);
            Object[] r = shape.empty();
            shape.set(r, "lea_id", ly.leaId());
            shape.set(r, "funding_source", first.fundingSource());
            shape.set(r, "pl_model", ly.activities().get(first.activityId()).plModel());
            shape.set(r, "amount_usd", amount);
            shape.set(r, "activities", activities.size());
            shape.set(r, "educators_reached", reached);
            shape.set(r, "educators_improved", improved);
            shape.set(r, "cost_per_improved", Sample.ratio(amount.doubleValue(), improved));
            shape.set(r, "tool_specific_amount_usd", toolSpecific);
            shape.set(r, "sustained_amount_usd", sustained);
            rows.add(r);
        }
        return rows;
    }

    /** The LEA's rows, in key order (suppression is the disclosure step's, §5.12 step 2). */
    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) throws IOException {
        for (Object[] r : part) {
            sink.row(NAME, partition, r);
        }
    }
}
