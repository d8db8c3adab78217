package org.sea.pli.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent, test-only reading of the spec §2 row rules, used to check that the generator's good
 * rows are good and that each planted bad row gets exactly the reason it was planted for.
 */
final class RowRules {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SY = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern DEC = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> NON_FINITE =
            Set.of("nan", "infinity", "-infinity", "inf", "-inf", "+inf", "+infinity");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "pl_model", Set.of("coaching", "plc", "inquiry_cycle", "workshop", "online_course", "conference"),
            "focus", Set.of("ai_literacy", "tech_integration", "udl", "formative_assessment", "tool_training", "other"),
            "tool_specific", Set.of("true", "false"),
            "framework", Set.of("iste", "udl", "state_vision", "none"),
            "funding_source",
                    Set.of("title_ii_a", "title_iv_a", "title_i", "perkins", "state", "local", "partnership", "other"),
            "role", Set.of("teacher", "instructional_coach", "school_leader", "other"),
            "artifact_type", Set.of("lesson_plan", "classroom_video", "student_work", "observation", "peer_feedback"),
            "phase", Set.of("baseline", "followup"),
            "subject", Set.of("ela", "math", "science", "other"));
    private static final Set<String> IDS = Set.of(
            "activity_id",
            "cohort_id",
            "educator_id",
            "artifact_id",
            "rater_id",
            "dimension",
            "student_id",
            "assessment_id");
    private static final Set<String> DATES =
            Set.of("start_date", "end_date", "enrolled_on", "session_date", "responded_on", "rated_on");
    private static final Set<String> INTS =
            Set.of("minutes", "relevance", "quality", "intent_to_apply", "score_int", "grade");
    private static final Set<String> DECS = Set.of("planned_hours", "amount_usd", "prior_score", "score_dec");
    private static final Set<String> OPTIONAL = Set.of("relevance", "quality", "intent_to_apply");
    private static final Map<String, List<String>> KEYS = Map.of(
            "pl_activities", List.of("school_year", "activity_id"),
            "pl_funding", List.of("school_year", "activity_id", "funding_source"),
            "enrollments", List.of("school_year", "activity_id", "educator_id"),
            "attendance", List.of("school_year", "activity_id", "educator_id", "session_date"),
            "satisfaction", List.of("school_year", "activity_id", "educator_id", "responded_on"),
            "artifact_ratings", List.of("school_year", "artifact_id", "dimension", "rater_id"),
            "student_outcomes", List.of("school_year", "student_id", "assessment_id", "educator_id"));

    private final String extract;
    private final String[] columns;
    private final Set<String> dimensions;
    private final Set<String> knownActivities;
    private final Set<List<String>> keys = new HashSet<>();
    private final Set<String> spec;

    /** @param knownActivities "school_year|activity_id" of the LEA's activities, or null for pl_activities */
    RowRules(String extract, String[] columns, Set<String> dimensions, Set<String> knownActivities) {
        this.extract = extract;
        this.columns = columns;
        this.dimensions = dimensions;
        this.knownActivities = knownActivities;
        this.spec = Set.of(Extract.valueOf(extract.toUpperCase(Locale.ROOT)).columns);
    }

    private String type(String c) {
        if (c.equals("score")) {
            return extract.equals("artifact_ratings") ? "score_int" : "score_dec";
        }
        return c;
    }

    /** Returns the spec §2 reason for the record, or null when it is accepted. */
    String reason(List<String> raw) {
        if (raw.size() != columns.length) {
            return "malformed_row";
        }
        String[] v = new String[columns.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = raw.get(i).trim();
            if (v[i].isEmpty()) {
                v[i] = null;
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null && !OPTIONAL.contains(columns[i]) && spec.contains(columns[i])) {
                return "missing_value";
            }
        }
        for (int i = 0; i < v.length; i++) {
            String c = type(columns[i]);
            String x = v[i];
            if (x == null) {
                continue;
            }
            boolean ok = true;
            if (IDS.contains(c)) {
                ok = ID.matcher(x).matches();
            } else if (c.equals("school_year")) {
                var m = SY.matcher(x);
                ok = m.matches() && Integer.parseInt(m.group(2)) == (Integer.parseInt(m.group(1)) + 1) % 100;
            } else if (DATES.contains(c)) {
                ok = date(x) != null;
            } else if (INTS.contains(c)) {
                ok = INT.matcher(x).matches();
            } else if (DECS.contains(c)) {
                ok = DEC.matcher(x).matches() || NON_FINITE.contains(x.toLowerCase(Locale.ROOT));
            }
            if (!ok) {
                return "bad_type";
            }
        }
        for (int i = 0; i < v.length; i++) {
            Set<String> e = ENUMS.get(columns[i]);
            if (e != null && !e.contains(v[i].toLowerCase(Locale.ROOT))) {
                return "bad_enum";
            }
            if (columns[i].equals("dimension") && !dimensions.contains(v[i])) {
                return "bad_enum";
            }
        }
        int sy = Integer.parseInt(get(v, "school_year").substring(0, 4));
        LocalDate first = LocalDate.of(sy, 7, 1);
        LocalDate last = LocalDate.of(sy + 1, 6, 30);
        boolean anyItem = false;
        for (int i = 0; i < v.length; i++) {
            String c = type(columns[i]);
            String x = v[i];
            if (x == null) {
                continue;
            }
            if (DATES.contains(c)) {
                LocalDate d = date(x);
                if (d.isBefore(first) || d.isAfter(last)) {
                    return "out_of_range";
                }
            }
            if (DECS.contains(c)) {
                if (NON_FINITE.contains(x.toLowerCase(Locale.ROOT))) {
                    return "out_of_range";
                }
                BigDecimal b = new BigDecimal(x);
                if (c.equals("planned_hours") && (b.signum() <= 0 || b.compareTo(BigDecimal.valueOf(2000)) > 0)) {
                    return "out_of_range";
                }
                if (c.equals("amount_usd")
                        && (b.signum() < 0 || b.stripTrailingZeros().scale() > 2)) {
                    return "out_of_range";
                }
            }
            if (INTS.contains(c)) {
                long n = Long.parseLong(x);
                long lo = c.equals("grade") ? 0 : 1;
                long hi = switch (c) {
                    case "minutes" -> 720;
                    case "score_int" -> 4;
                    case "grade" -> 12;
                    default -> 5;
                };
                if (n < lo || n > hi) {
                    return "out_of_range";
                }
                anyItem |= OPTIONAL.contains(c);
            }
        }
        if (extract.equals("satisfaction") && !anyItem) {
            return "out_of_range";
        }
        if (extract.equals("pl_activities") && date(get(v, "start_date")).isAfter(date(get(v, "end_date")))) {
            return "out_of_range";
        }
        List<String> key = KEYS.get(extract).stream().map(k -> get(v, k)).toList();
        if (!keys.add(key)) {
            return "duplicate_key";
        }
        if (knownActivities != null
                && !extract.equals("student_outcomes")
                && !knownActivities.contains(get(v, "school_year") + "|" + get(v, "activity_id"))) {
            return "unknown_activity";
        }
        return null;
    }

    private String get(String[] v, String column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(column)) {
                return v[i];
            }
        }
        throw new IllegalArgumentException(column);
    }

    private static LocalDate date(String s) {
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
