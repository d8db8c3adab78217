package org.sea.pli.model;

import java.util.HashMap;
import java.util.Map;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/** {@code attendance} (spec §2, §4.1): minutes and session days per key, folded as the rows stream. */
final class AttendanceFold extends YearFold<Map<ParticipationKey, AttendanceTally>> {

    private final LeaModel lea;
    private final int id;
    private final int educator;
    private final int day;
    private final int minutes;

    AttendanceFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.id = schema.index("activity_id");
        this.educator = schema.index("educator_id");
        this.day = schema.index("session_date");
        this.minutes = schema.index("minutes");
    }

    @Override
    Map<ParticipationKey, AttendanceTally> create() {
        return new HashMap<>();
    }

    @Override
    void add(Map<ParticipationKey, AttendanceTally> tallies, ExtractRow r) {
        tallies.computeIfAbsent(lea.participation(r.text(id), r.text(educator)), k -> new AttendanceTally())
                .add(r.integer(minutes), r.epochDay(day));
    }

    @Override
    void commit(int schoolYear, Map<ParticipationKey, AttendanceTally> tallies) {
        lea.attendance.put(schoolYear, tallies);
    }
}
