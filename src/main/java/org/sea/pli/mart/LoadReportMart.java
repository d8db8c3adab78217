package org.sea.pli.mart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileResult;

/**
 * Mart {@code load_report} (docs/spec.md §5.7): one row per file under an LEA folder, so an LEA can be
 * told exactly what was wrong with its submission. Rows follow the columns of
 * {@code schemas/marts/load_report.json}.
 */
public final class LoadReportMart {

    public static final String NAME = "load_report";

    /** Key: lea_id, extract (nulls first), file. */
    static final Comparator<FileOutcome> KEY = Comparator.comparing(
                    (FileOutcome o) -> o.file().leaId())
            .thenComparing(o -> o.file().extract(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(o -> o.file().fileName());

    private LoadReportMart() {}

    public static List<Object[]> rows(List<FileOutcome> outcomes) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        outcomes.stream().sorted(KEY).forEach(o -> rows.add(row(o)));
        return rows;
    }

    private static Object[] row(FileOutcome o) {
        FileResult r = o.result(); // null for ignored files: not otherwise read (§5.7)
        return new Object[] {
            o.file().leaId(),
            o.file().extract(),
            o.file().fileName(),
            o.file().extractDate(),
            o.sha256(),
            r == null ? null : r.rowsRead(),
            r == null ? null : r.rowsAccepted(),
            r == null ? null : r.rowsRejected(),
            o.status().code(),
            o.reason() == null ? null : o.reason().code(),
            r == null ? null : rejectReasons(r.reasons()),
            r == null ? null : r.unknownColumns(),
        };
    }

    /** Compact JSON object reason → count with sorted keys; {@code {}} when none. */
    static String rejectReasons(Map<String, Long> reasons) {
        StringBuilder json = new StringBuilder("{");
        reasons.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(e.getKey()).append("\":").append(e.getValue());
        });
        return json.append('}').toString();
    }
}
