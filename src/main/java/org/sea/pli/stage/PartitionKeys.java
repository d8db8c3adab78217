package org.sea.pli.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.StateRegistry;
import org.sea.pli.model.LeaModel;
import org.sea.pli.storage.Sha256;

/**
 * What the mart partitions of one school year depend on, as digests (docs/spec.md §6.1): a
 * partition whose key equals the one stored by the last finished run has that run's bytes.
 *
 * <p>The marts of year S read only the LEA models' year-S tallies (and, for
 * {@code practice_persistence}, year S+1's baselines, §4.8), and every statewide quantity they use
 * — the §4.3 standardization groups, the §4.6 shrinkage moments, §5.12's suppression groups, the
 * bright-spot ranking — is taken within year S. An LEA's year-S tallies are the accepted year-S
 * rows of the files in force for S (§1.1), checked against the activities in force for S, the
 * {@code _state} files and {@code max-reject-rate}. So the key of year S is: pl-impact's version,
 * the settings that shape marts, the {@code _state} files, and every considered file that claims S
 * (accepted rows of S, or a rejected file whose raw rows name S or that has no school year) with
 * its SHA-256 and status — a superset of the files in force for S — with each LEA's rubric
 * dimensions in the order its tallies index them.
 */
final class PartitionKeys {

    /**
     * @param year        every mart but {@code practice_persistence}: the inputs of year S
     * @param persistence {@code practice_persistence}: the inputs of S and S+1
     */
    record Keys(String year, String persistence) {}

    private PartitionKeys() {}

    /** The SHA-256 of the inbox's {@code _state} files, each after a '|': part of every key of §6.1. */
    static String stateFiles(LoadResult load) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String digest : StateRegistry.sha256s(load.inbox().root())) {
            s.append('|').append(digest);
        }
        return s.toString();
    }

    /** The keys of every school year that has an LEA model; {@code stateFiles} as {@link #stateFiles} gave. */
    static Map<Integer, Keys> of(LoadResult load, String settings, String stateFiles) {
        String common = ToolVersion.plImpact() + "|" + settings + stateFiles;
        SortedSet<Integer> years = new TreeSet<>();
        for (LeaModel m : load.models().all()) {
            years.addAll(m.years());
        }
        Map<Integer, String> inputs = new TreeMap<>();
        for (int year : years) {
            inputs.put(year, inputs(load, year));
        }
        Map<Integer, Keys> keys = new TreeMap<>();
        for (int year : years) {
            String own = common + "\n" + inputs.get(year);
            String next = inputs.getOrDefault(year + 1, "");
            keys.put(year, new Keys(digest(own), digest(own + "\nnext year\n" + next)));
        }
        return keys;
    }

    private static String inputs(LoadResult load, int year) {
        StringBuilder s = new StringBuilder();
        for (FileOutcome o : load.outcomes()) {
            if (claims(o, year)) {
                line(s, o);
            }
        }
        for (LeaModel m : load.models().all()) {
            if (m.years().contains(year)) {
                s.append(m.leaId())
                        .append(" dimensions ")
                        .append(m.dimensions())
                        .append('\n');
            }
        }
        return s.toString();
    }

    /** A considered file as every key of §6.1 names it: path, SHA-256 and status. */
    static void line(StringBuilder s, FileOutcome o) {
        s.append(o.file().relativePath())
                .append('|')
                .append(o.sha256())
                .append('|')
                .append(o.status())
                .append('\n');
    }

    /** Whether a read file claims school year {@code year} (§5.11's claims; an ignored file claims nothing). */
    static boolean claims(FileOutcome o, int year) {
        if (o.result() == null) {
            return false;
        }
        if (o.status() == FileStatus.REJECTED) {
            return o.result().claimedYears() == null
                    || o.result().claimedYears().contains(year);
        }
        return o.result().acceptedYears().contains(year);
    }

    static String digest(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
