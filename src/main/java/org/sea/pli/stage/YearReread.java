package org.sea.pli.stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.InboxFile;

/**
 * Which files of a changed LEA must be read again, and which of its school years its stored result
 * still holds as they are (docs/spec.md §6.1).
 *
 * <p>What a file's read finds depends only on its bytes, the {@code _state} files, the load
 * settings and the activities in force for the school years its rows claim (§2, §3); which file
 * is in force for (extract, Y), and each file's status, only on the files claiming Y (§1.1). So a
 * school year is <i>touched</i> when a new, changed or vanished file claims it, and so is every
 * year a file claiming a touched year also claims (that file is read again, and what it accepts
 * for its other years may change with the activities of a touched one). Every file claiming a
 * touched year is read again, with no other but an unchanged file that claims every year (it is
 * rejected whatever the activities, and it marks the touched years' files in force stale); every
 * other file keeps its stored outcome and quarantine, and every untouched year its stored
 * tallies — the very bytes a read of every file gives.
 */
final class YearReread {

    /**
     * @param read      the files to read, in the LEA's file order (ignored ones too: the load
     *                  only hashes them)
     * @param kept      the files whose stored outcome and quarantine stand
     * @param keptYears the stored model's school years no read file touches
     */
    record Plan(List<InboxFile> read, List<InboxFile> kept, Set<Integer> keptYears) {}

    private YearReread() {}

    /**
     * The plan, or empty when every considered file must be read anyway, or when a new, changed or
     * vanished file claims every school year (one without a {@code school_year} column, or one that
     * is not CSV to its end).
     *
     * @param stored      the stored result's outcomes, by path (vanished files included)
     * @param files       the LEA's files now
     * @param sha256      each current file's SHA-256
     * @param claims      the school years a new or changed file's rows name (null: every year)
     * @param storedYears the stored model's school years
     */
    static Optional<Plan> of(
            Map<String, FileOutcome> stored,
            List<InboxFile> files,
            Function<InboxFile, String> sha256,
            Function<InboxFile, SortedSet<Integer>> claims,
            Set<Integer> storedYears) {
        SortedSet<Integer> touched = new TreeSet<>();
        Set<String> unchanged = new HashSet<>();
        List<InboxFile> candidates = new ArrayList<>(); // unchanged considered files, not (yet) to read
        for (InboxFile f : files) {
            if (f.ignored() != null) {
                continue;
            }
            FileOutcome before = stored.get(f.relativePath());
            if (before != null && before.result() != null && before.sha256().equals(sha256.apply(f))) {
                unchanged.add(f.relativePath());
                candidates.add(f);
            } else if (!touch(touched, claims.apply(f))) {
                return Optional.empty();
            }
        }
        for (FileOutcome before : stored.values()) { // vanished, changed or now ignored
            if (before.result() != null
                    && !unchanged.contains(before.file().relativePath())
                    && !touch(touched, before.result().claimedYears())) {
                return Optional.empty();
            }
        }
        Set<String> reread = new HashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (InboxFile f : candidates) {
                SortedSet<Integer> claimed =
                        stored.get(f.relativePath()).result().claimedYears();
                if (claimed != null && !Collections.disjoint(claimed, touched) && reread.add(f.relativePath())) {
                    touched.addAll(claimed);
                    grew = true;
                }
            }
        }
        // An unchanged file claiming every year lacks the school_year column or is not CSV: it is
        // rejected whatever the activities (§3.2) and supersedes nothing, so it touches no year; it
        // is read with the touched years' files because it makes those of them in force stale (§1.1).
        if (!touched.isEmpty()) {
            for (InboxFile f : candidates) {
                if (stored.get(f.relativePath()).result().claimedYears() == null) {
                    reread.add(f.relativePath());
                }
            }
        }
        if (reread.size() == candidates.size()) {
            return Optional.empty(); // nothing kept: a plain read of every file
        }
        List<InboxFile> read = new ArrayList<>();
        List<InboxFile> kept = new ArrayList<>();
        for (InboxFile f : files) {
            boolean keep =
                    f.ignored() == null && unchanged.contains(f.relativePath()) && !reread.contains(f.relativePath());
            (keep ? kept : read).add(f);
        }
        Set<Integer> keptYears = new TreeSet<>(storedYears);
        keptYears.removeAll(touched);
        return Optional.of(new Plan(read, kept, keptYears));
    }

    /** Adds {@code years} to the touched ones; false when they are every year (null). */
    private static boolean touch(Set<Integer> touched, SortedSet<Integer> years) {
        if (years == null) {
            return false;
        }
        touched.addAll(years);
        return true;
    }
}
