package org.sea.pli.stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.InboxFile;

/**
 * Which files of a changed LEA must be read again, and which of its stored tallies still stand
 * (docs/spec.md §6.1).
 *
 * <p>What a file's read finds depends only on its bytes, the {@code _state} files, the load
 * settings and the activities in force for the school years its rows claim (§2, §3); which file
 * of an extract is in force for a school year Y, and each file's status, only on that extract's
 * files claiming Y (§1.1); and each extract folds into tallies of its own (§4). So an (extract,
 * year) pair is <i>touched</i> when a new, changed or vanished file of the extract claims the
 * year; so is every year another file of the extract claiming a touched year also claims (that
 * file is read again, and what it accepts for its other years may change); and a touched
 * {@code pl_activities} year touches that year of every extract (its activities decide what the
 * others accept). Every file of a touched pair is read again, and with them an unchanged file of
 * the extract that claims every year (it is rejected whatever the activities, and it marks the
 * touched years' files in force stale). Every other file keeps its stored outcome and quarantine,
 * and every untouched pair its stored tallies — the very bytes a read of every file gives.
 */
final class YearReread {

    /**
     * @param read         the files to read, in the LEA's file order (ignored ones too: the load
     *                     only hashes them)
     * @param kept         the files whose stored outcome and quarantine stand
     * @param keptYears    the stored model's school years no read file touches
     * @param keptExtracts for each other stored school year, the extracts whose stored tallies of it
     *                     stand (a year some extracts touch and others do not)
     */
    record Plan(
            List<InboxFile> read,
            List<InboxFile> kept,
            Set<Integer> keptYears,
            SortedMap<Integer, SortedSet<String>> keptExtracts) {}

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
        Map<String, SortedSet<Integer>> touched = new TreeMap<>(); // by extract
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
            } else if (!touch(touched, f.extract(), claims.apply(f))) {
                return Optional.empty();
            }
        }
        for (FileOutcome before : stored.values()) { // vanished, changed or now ignored
            if (before.result() != null
                    && !unchanged.contains(before.file().relativePath())
                    && !touch(touched, before.file().extract(), before.result().claimedYears())) {
                return Optional.empty();
            }
        }
        Set<String> reread = new HashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            // a touched activities year touches that year of every extract
            Set<Integer> activityYears = Set.copyOf(touched.getOrDefault(ExtractSchema.ACTIVITIES, new TreeSet<>()));
            for (String extract : ExtractSchema.NAMES) {
                grew |= touched.computeIfAbsent(extract, e -> new TreeSet<>()).addAll(activityYears);
            }
            for (InboxFile f : candidates) {
                SortedSet<Integer> claimed =
                        stored.get(f.relativePath()).result().claimedYears();
                SortedSet<Integer> ofExtract = touched.get(f.extract());
                if (claimed != null
                        && ofExtract != null
                        && !Collections.disjoint(claimed, ofExtract)
                        && reread.add(f.relativePath())) {
                    ofExtract.addAll(claimed);
                    grew = true;
                }
            }
        }
        // An unchanged file claiming every year lacks the school_year column or is not CSV: it is
        // rejected whatever the activities (§3.2) and supersedes nothing, so it touches no year; it
        // is read with its extract's touched files because it makes those in force stale (§1.1).
        for (InboxFile f : candidates) {
            SortedSet<Integer> ofExtract = touched.get(f.extract());
            if (stored.get(f.relativePath()).result().claimedYears() == null
                    && ofExtract != null
                    && !ofExtract.isEmpty()) {
                reread.add(f.relativePath());
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
        SortedMap<Integer, SortedSet<String>> keptExtracts = new TreeMap<>();
        for (int year : storedYears) {
            SortedSet<String> standing = new TreeSet<>(ExtractSchema.NAMES);
            touched.forEach((extract, years) -> {
                if (years.contains(year)) {
                    standing.remove(extract);
                }
            });
            if (standing.size() < ExtractSchema.NAMES.size()) {
                keptYears.remove(year);
                if (!standing.isEmpty()) {
                    keptExtracts.put(year, standing);
                }
            }
        }
        return Optional.of(new Plan(read, kept, keptYears, keptExtracts));
    }

    /**
     * Adds {@code years} to the extract's touched ones (to every extract's when the extract is not
     * known: a vanished file is only a path); false when they are every year (null).
     */
    private static boolean touch(Map<String, SortedSet<Integer>> touched, String extract, SortedSet<Integer> years) {
        if (years == null) {
            return false;
        }
        for (String e : extract == null ? ExtractSchema.NAMES : List.of(extract)) {
            touched.computeIfAbsent(e, x -> new TreeSet<>()).addAll(years);
        }
        return true;
    }
}
