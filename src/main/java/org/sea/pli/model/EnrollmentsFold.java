package org.sea.pli.model;

import java.util.HashSet;
import java.util.Set;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/** {@code enrollments} (spec §2, §4.1): the enrolled (activity, educator) keys of a school year. */
final class EnrollmentsFold extends YearFold<Set<ParticipationKey>> {

    private final LeaModel lea;
    private final int id;
    private final int educator;

    EnrollmentsFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.id = schema.index("activity_id");
        this.educator = schema.index("educator_id");
    }

    @Override
    Set<ParticipationKey> create() {
        return new HashSet<>();
    }

    @Override
    void add(Set<ParticipationKey> keys, ExtractRow r) {
        keys.add(lea.participation(r.text(id), r.text(educator)));
    }

    @Override
    void commit(int schoolYear, Set<ParticipationKey> keys) {
        lea.enrollments.put(schoolYear, keys);
    }
}
