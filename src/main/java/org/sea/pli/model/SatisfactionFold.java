package org.sea.pli.model;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/** {@code satisfaction} (spec §2, §4.1): per key the sum and count of the items answered. */
final class SatisfactionFold extends YearFold<Map<ParticipationKey, SatisfactionTally>> {

    private final LeaModel lea;
    private final int id;
    private final int educator;
    private final int[] items;

    SatisfactionFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.id = schema.index("activity_id");
        this.educator = schema.index("educator_id");
        this.items = new int[] {schema.index("relevance"), schema.index("quality"), schema.index("intent_to_apply")};
    }

    @Override
    Map<ParticipationKey, SatisfactionTally> create() {
        return new HashMap<>();
    }

    @Override
    void add(Map<ParticipationKey, SatisfactionTally> tallies, ExtractRow r) {
        int sum = 0;
        int present = 0;
        for (int item : items) {
            if (r.present(item)) {
                sum += r.integer(item);
                present++;
            }
        }
        tallies.computeIfAbsent(lea.participation(r.text(id), r.text(educator)), k -> new SatisfactionTally())
                .addResponse(sum, present);
    }

    @Override
    void commit(int schoolYear, Map<ParticipationKey, SatisfactionTally> tallies) {
        lea.satisfaction.put(schoolYear, tallies);
    }
}
