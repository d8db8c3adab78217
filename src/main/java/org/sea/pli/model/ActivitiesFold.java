package org.sea.pli.model;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/** {@code pl_activities} (spec §2): the activities of a school year by activity_id. */
final class ActivitiesFold extends YearFold<Map<String, Activity>> {

    private final LeaModel lea;
    private final int id;
    private final int cohort;
    private final int model;
    private final int tool;
    private final int focus;
    private final int framework;

    ActivitiesFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.id = schema.index("activity_id");
        this.cohort = schema.index("cohort_id");
        this.model = schema.index("pl_model");
        this.tool = schema.index("tool_specific");
        this.focus = schema.index("focus");
        this.framework = schema.index("framework");
    }

    @Override
    Map<String, Activity> create() {
        return new HashMap<>();
    }

    @Override
    void add(Map<String, Activity> activities, ExtractRow r) {
        activities.put(
                r.text(id),
                new Activity(
                        r.text(id),
                        r.text(cohort),
                        r.text(model),
                        "true".equals(r.text(tool)),
                        lea.educator(r.text(focus)),
                        lea.educator(r.text(framework))));
    }

    @Override
    void commit(int schoolYear, Map<String, Activity> activities) {
        lea.activities.put(schoolYear, activities);
    }
}
