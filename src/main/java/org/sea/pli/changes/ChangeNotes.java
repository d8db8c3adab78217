package org.sea.pli.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sea.pli.report.ChangeLines;

/**
 * {@link RunChanges} in words, for the run summary, the log and the report: counts, LEA ids, file
 * and extract names only. The same changes give the same words (report bytes depend on them).
 */
public final class ChangeNotes implements ChangeLines {

    /** {@code attendance_2026-06-30.csv(.gz)} → {@code attendance} (spec §1's file names). */
    private static final Pattern EXTRACT = Pattern.compile("(.+)_\\d{4}-\\d{2}-\\d{2}\\.csv(\\.gz)?");

    private final RunChanges changes;
    /**
     * Rows added, removed or changed in the unrestricted marts, by the LEA they are keyed by: counted
     * once, not once per LEA page over every changed row of the state.
     */
    private final Map<String, Long> rowsChangedByLea;

    private ChangeNotes(RunChanges changes) {
        this.changes = changes;
        this.rowsChangedByLea = byLea(changes.marts());
    }

    public static ChangeNotes of(RunChanges changes) {
        return new ChangeNotes(Objects.requireNonNull(changes));
    }

    /** One line: the summary's and the log's. */
    public String summary() {
        if (changes.first()) {
            return "first published run: nothing to compare with";
        }
        List<String> parts = new ArrayList<>();
        InputDiff.Result in = changes.inputs();
        List<String> leas = in.leasThatSent();
        if (in.filesSent() > 0) {
            parts.add(count(leas.size(), "LEA") + " sent " + count(in.filesSent(), "file"));
        }
        long removed = in.removed().stream().filter(f -> f.leaId() != null).count();
        if (removed > 0) {
            parts.add(count(removed, "file") + " gone from the inbox");
        }
        if (in.added().stream().anyMatch(f -> f.leaId() == null)
                || in.changed().stream().anyMatch(f -> f.leaId() == null)
                || in.removed().stream().anyMatch(f -> f.leaId() == null)) {
            parts.add("the state registry changed");
        }
        for (InputDiff.StatusChange s : newlyRejected(null)) {
            parts.add(s.leaId() + "'s " + extract(s.file()) + " was rejected");
        }
        cohortParts(parts, null);
        if (parts.isEmpty()) {
            long rows = rowsChanged(null);
            parts.add(rows == 0 ? "nothing changed" : "no new files; " + count(rows, "mart row") + " changed");
        }
        return "since run " + changes.previousRunId() + ": " + String.join("; ", parts);
    }

    @Override
    public String state() {
        return capitalized(summary()) + ".";
    }

    @Override
    public String forLea(String lea) {
        if (changes.first()) {
            return "First published run: nothing to compare with.";
        }
        List<String> parts = new ArrayList<>();
        InputDiff.Result in = changes.inputs();
        List<String> sent = new ArrayList<>();
        in.added().stream().filter(f -> lea.equals(f.leaId())).forEach(f -> sent.add(f.file()));
        in.changed().stream().filter(f -> lea.equals(f.leaId())).forEach(f -> sent.add(f.file() + " (replaced)"));
        if (!sent.isEmpty()) {
            parts.add("you sent " + count(sent.size(), "file") + " (" + String.join(", ", sent) + ")");
        }
        List<String> gone = in.removed().stream()
                .filter(f -> lea.equals(f.leaId()))
                .map(InputDiff.File::file)
                .toList();
        if (!gone.isEmpty()) {
            parts.add(String.join(", ", gone) + (gone.size() == 1 ? " is" : " are") + " gone from the inbox");
        }
        for (InputDiff.StatusChange s : newlyRejected(lea)) {
            parts.add(s.file() + " was rejected");
        }
        long rows = rowsChanged(lea);
        if (rows > 0) {
            parts.add(count(rows, "row") + " of the marts about you changed");
        }
        cohortParts(parts, lea);
        return "Since run " + changes.previousRunId() + ": "
                + (parts.isEmpty() ? "nothing changed for " + lea : String.join("; ", parts)) + ".";
    }

    /** Files now rejected that were not before (a new file, or one that was accepted). */
    private List<InputDiff.StatusChange> newlyRejected(String lea) {
        return changes.inputs().statuses().stream()
                .filter(s -> lea == null || lea.equals(s.leaId()))
                .filter(s -> "rejected".equals(s.after()) && !"rejected".equals(s.before()))
                .toList();
    }

    private void cohortParts(List<String> parts, String lea) {
        List<CohortMoves.Flip> flips = changes.flips().stream()
                .filter(f -> lea == null || lea.equals(f.cohort().leaId()))
                .toList();
        long verdicts = flips.stream().filter(CohortMoves.Flip::verdictChanged).count();
        if (verdicts > 0) {
            parts.add(count(verdicts, "cohort") + " changed verdict");
        }
        long suppression = flips.size() - verdicts;
        if (suppression > 0) {
            parts.add(count(suppression, "cohort") + " changed suppression");
        }
        long entered = changes.brightSpotsEntered().stream()
                .filter(s -> lea == null || lea.equals(s.cohort().leaId()))
                .count();
        long left = changes.brightSpotsLeft().stream()
                .filter(s -> lea == null || lea.equals(s.cohort().leaId()))
                .count();
        if (entered > 0 || left > 0) {
            parts.add("bright spots: " + entered + " entered, " + left + " left");
        }
    }

    /** Rows added, removed or changed in the marts (only those keyed by {@code lea} when given). */
    long rowsChanged(String lea) {
        if (lea != null) {
            return rowsChangedByLea.getOrDefault(lea, 0L);
        }
        long rows = 0;
        for (MartRowDiff.Result m : changes.marts()) {
            if (!m.restricted()) {
                rows += m.addedCount() + m.removedCount() + m.changedCount();
            }
        }
        return rows;
    }

    private static Map<String, Long> byLea(List<MartRowDiff.Result> marts) {
        Map<String, Long> rows = new HashMap<>();
        for (MartRowDiff.Result m : marts) {
            if (m.restricted()) {
                continue;
            }
            m.added().forEach(k -> count(rows, k.get("lea_id")));
            m.removed().forEach(k -> count(rows, k.get("lea_id")));
            m.changed().forEach(c -> count(rows, c.key().get("lea_id")));
        }
        return rows;
    }

    private static void count(Map<String, Long> rows, Object lea) {
        if (lea instanceof String id) {
            rows.merge(id, 1L, Long::sum);
        }
    }

    static String extract(String file) {
        Matcher m = EXTRACT.matcher(file);
        return m.matches() ? m.group(1) : file;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalized(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
