package org.sea.pli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.sea.pli.mart.LoadReportMart;
import org.sea.pli.parquet.MartRecord;

/** One file of the load report (spec §5.7), as the pages show it; {@code rejectReasons} by reason. */
record LoadReportRow(
        String leaId,
        String extract,
        String file,
        LocalDate extractDate,
        Long rowsRead,
        Long rowsAccepted,
        Long rowsRejected,
        String status,
        String reason,
        Map<String, Long> rejectReasons,
        String unknownColumns) {

    static final String MART = LoadReportMart.NAME;
    private static final ObjectMapper JSON = new ObjectMapper();

    static LoadReportRow from(MartRecord r) {
        return new LoadReportRow(
                r.string("lea_id"),
                r.string("extract"),
                r.string("file"),
                r.date("extract_date"),
                r.int64("rows_read"),
                r.int64("rows_accepted"),
                r.int64("rows_rejected"),
                r.string("status"),
                r.string("reason"),
                rejectReasons(r.string("reject_reasons")),
                r.string("unknown_columns"));
    }

    /** {@code reject_reasons}: compact JSON reason → count (spec §5.7), in reason order. */
    static Map<String, Long> rejectReasons(String json) {
        Map<String, Long> out = new TreeMap<>();
        // most files reject no row: their "{}" needs no parser (at state scale, 7,000 parses of it
        // were the JSON parser's only use in the report, and the JIT compiled it for them)
        if (json == null || json.isBlank() || json.equals("{}")) {
            return Collections.unmodifiableMap(out);
        }
        try {
            JsonNode node = JSON.readTree(json);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        } catch (IOException e) {
            throw new IllegalStateException("load_report.reject_reasons is not JSON: " + json, e);
        }
        return Collections.unmodifiableMap(out);
    }
}
