package org.sea.pli.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code runs/<run_id>/changes.json}: what changed since the run {@code current/} held before this
 * one. A function of the two runs only (no clock, no host), so the same inputs compared with the
 * same previous run give the same bytes. Keys and names only: no student or educator id, and the
 * restricted {@code educator_activity} only as counts.
 *
 * @param previousRunId the run compared with, or null for a first run (nothing to compare with)
 */
public record RunChanges(
        String runId,
        String previousRunId,
        InputDiff.Result inputs,
        List<MartRowDiff.Result> marts,
        List<CohortMoves.Flip> flips,
        List<CohortMoves.BrightSpot> brightSpotsEntered,
        List<CohortMoves.BrightSpot> brightSpotsLeft) {

    /** The file in the run directory. */
    public static final String FILE = "changes.json";

    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A first run: nothing published before it. */
    public static RunChanges first(String runId) {
        return new RunChanges(
                runId,
                null,
                new InputDiff.Result(List.of(), List.of(), List.of(), List.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    public boolean first() {
        return previousRunId == null;
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("run_id", runId);
        root.put("previous_run_id", previousRunId);
        ObjectNode in = root.putObject("inputs");
        ArrayNode added = in.putArray("added");
        inputs.added().forEach(f -> file(added.addObject(), f));
        ArrayNode changed = in.putArray("changed");
        inputs.changed()
                .forEach(f -> changed.addObject()
                        .put("lea_id", f.leaId())
                        .put("file", f.file())
                        .put("sha256_before", f.sha256Before())
                        .put("sha256", f.sha256After()));
        ArrayNode removed = in.putArray("removed");
        inputs.removed().forEach(f -> file(removed.addObject(), f));
        ArrayNode statuses = in.putArray("status_changed");
        inputs.statuses()
                .forEach(s -> statuses.addObject()
                        .put("lea_id", s.leaId())
                        .put("file", s.file())
                        .put("before", s.before())
                        .put("after", s.after()));
        ArrayNode marts = root.putArray("marts");
        for (MartRowDiff.Result m : this.marts) {
            ObjectNode n = marts.addObject()
                    .put("mart", m.mart())
                    .put("rows_before", m.rowsBefore())
                    .put("rows_after", m.rowsAfter());
            if (m.restricted()) {
                n.put("restricted", true); // row counts only: which rows is never said
                continue;
            }
            n.put("added", m.addedCount()).put("removed", m.removedCount()).put("changed", m.changedCount());
            ArrayNode a = n.putArray("added_keys");
            m.added().forEach(k -> key(a.addObject(), k));
            ArrayNode r = n.putArray("removed_keys");
            m.removed().forEach(k -> key(r.addObject(), k));
            ArrayNode c = n.putArray("changed_rows");
            for (MartRowDiff.ChangedRow row : m.changed()) {
                ObjectNode o = c.addObject();
                key(o.putObject("key"), row.key());
                ArrayNode cols = o.putArray("columns");
                row.columns().forEach(cols::add);
            }
        }
        ArrayNode flips = root.putArray("cohorts_flipped");
        for (CohortMoves.Flip f : this.flips) {
            ObjectNode o = cohort(flips.addObject(), f.cohort());
            o.putObject("baseline_equivalence").put("before", f.verdictBefore()).put("after", f.verdictAfter());
            o.putObject("suppressed").put("before", f.suppressedBefore()).put("after", f.suppressedAfter());
            o.putObject("student_suppressed")
                    .put("before", f.studentSuppressedBefore())
                    .put("after", f.studentSuppressedAfter());
        }
        ObjectNode spots = root.putObject("bright_spots");
        ArrayNode entered = spots.putArray("entered");
        brightSpotsEntered.forEach(s -> cohort(entered.addObject(), s.cohort()).put("rank", s.rank()));
        ArrayNode left = spots.putArray("left");
        brightSpotsLeft.forEach(s -> cohort(left.addObject(), s.cohort()).put("rank_before", s.rank()));
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The previous run a recorded {@code changes.json} names (null: it was a first run), for a
     * restart or a reproduction that must compare with the same run again.
     */
    public static String previousRunIdOf(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode previous = root == null ? null : root.get("previous_run_id");
        if (root == null || !root.has("previous_run_id")) {
            throw new IOException("not a " + FILE + ": no previous_run_id");
        }
        return previous.isNull() ? null : previous.asText();
    }

    private static void file(ObjectNode o, InputDiff.File f) {
        o.put("lea_id", f.leaId()).put("file", f.file()).put("sha256", f.sha256());
    }

    private static ObjectNode cohort(ObjectNode o, CohortMoves.Cohort c) {
        return o.put("school_year", c.schoolYear())
                .put("lea_id", c.leaId())
                .put("cohort_id", c.cohortId())
                .put("pl_model", c.plModel());
    }

    private static void key(ObjectNode o, Map<String, Object> key) {
        key.forEach((column, value) -> {
            if (value == null) {
                o.putNull(column);
            } else if (value instanceof Integer i) {
                o.put(column, i);
            } else if (value instanceof Long l) {
                o.put(column, l);
            } else if (value instanceof Double d) {
                o.put(column, d);
            } else if (value instanceof Boolean b) {
                o.put(column, b);
            } else if (value instanceof BigDecimal d) {
                o.put(column, d);
            } else {
                o.put(column, value.toString()); // strings, and dates as ISO yyyy-mm-dd
            }
        });
    }
}
