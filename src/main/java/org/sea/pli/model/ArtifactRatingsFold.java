package org.sea.pli.model;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/** {@code artifact_ratings} (spec §2, §4.9): per key the sums and counts per phase and dimension. */
final class ArtifactRatingsFold extends YearFold<Map<ParticipationKey, PracticeTally>> {

    private final LeaModel lea;
    private final int id;
    private final int educator;
    private final int phase;
    private final int score;
    private final int dimension;

    ArtifactRatingsFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.id = schema.index("activity_id");
        this.educator = schema.index("educator_id");
        this.phase = schema.index("phase");
        this.score = schema.index("score");
        this.dimension = schema.index("dimension");
    }

    @Override
    Map<ParticipationKey, PracticeTally> create() {
        return new HashMap<>();
    }

    @Override
    void add(Map<ParticipationKey, PracticeTally> tallies, ExtractRow r) {
        tallies.computeIfAbsent(lea.participation(r.text(id), r.text(educator)), k -> new PracticeTally())
                .add("followup".equals(r.text(phase)), r.integer(score), lea.dimension(r.text(dimension)));
    }

    @Override
    void commit(int schoolYear, Map<ParticipationKey, PracticeTally> tallies) {
        lea.practice.put(schoolYear, tallies);
    }
}
