package org.sea.pli.mart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.LeaYear;

/** Mart {@code educator_activity} (spec §5.1, restricted): one row per P element, not suppressed. */
public final class EducatorActivityMart extends SchemaYearMart {

    public static final String NAME = "educator_activity";

    public EducatorActivityMart(MartSettings settings) {
        super(NAME, settings);
    }

    /** Rows sorted by activity_id then educator_key (the key after school_year and lea_id). */
    @Override
    public List<Object[]> part(LeaYear ly) {
        Map<String, String> keys = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(ly.participation().size());
        for (EducatorActivity e : ly.participation()) {
            Object[] r = shape.empty();
            shape.set(r, "lea_id", ly.leaId());
            shape.set(r, "activity_id", e.activity().activityId());
            shape.set(r, "educator_key", keys.computeIfAbsent(e.educatorId(), settings.pseudonym()::key));
            shape.set(r, "cohort_id", e.activity().cohortId());
            shape.set(r, "pl_model", e.activity().plModel());
            shape.set(r, "enrolled", e.enrolled());
            shape.set(r, "minutes_attended", e.minutesAttended());
            shape.set(r, "sessions_attended", e.sessionsAttended());
            shape.set(r, "sustained", e.sustained());
            shape.set(r, "satisfaction", e.satisfaction());
            shape.set(r, "practice_baseline", e.practiceBaseline());
            shape.set(r, "practice_followup", e.practiceFollowup());
            shape.set(r, "practice_change", e.practiceChange());
            shape.set(r, "improved", e.improved(settings.improvedThreshold()));
            shape.set(r, "student_growth_z", e.studentGrowthZ());
            shape.set(r, "evidence_level", e.evidenceLevel());
            rows.add(r);
        }
        int activity = shape.schema().index("activity_id");
        int key = shape.schema().index("educator_key");
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[activity]).thenComparing(r -> (String) r[key]));
        return rows;
    }

    /** The LEA's rows, in key order. */
    @Override
    public void add(List<Object[]> part, String partition, MartSink sink) throws IOException {
        for (Object[] r : part) {
            sink.row(NAME, partition, r);
        }
    }
}
