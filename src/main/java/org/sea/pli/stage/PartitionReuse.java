package org.sea.pli.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.disclosure.Disclosure;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.mart.MartSettings;
import org.sea.pli.mart.PracticePersistenceMart;
import org.sea.pli.mart.YearMart;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which mart partitions of a run are taken from the last finished run instead of computed
 * (docs/spec.md §6.1), and the copying. Per school year S two units: {@code practice_persistence}
 * (keyed on the inputs of S and S+1) and every other mart computed from LEA-years, with
 * {@code bright_spots} (keyed on the inputs of S) — one unit, because §5.12 decides some of them
 * together (funding withheld beside a suppressed cohort; bright spots ranked from published
 * cohorts). A unit is reused whole or not at all: if any of its files cannot be copied with its
 * recorded SHA-256, the copies are removed and the unit is computed.
 */
final class PartitionReuse {

    private static final Logger log = LoggerFactory.getLogger(PartitionReuse.class);

    /** The marts of a year's main unit. */
    private static final List<String> YEAR_UNIT;

    static {
        List<String> names = new ArrayList<>();
        for (YearMart m : MartCatalog.yearMarts(new MartSettings(10, 0.5, 10, null))) {
            if (!m.name().equals(PracticePersistenceMart.NAME)) {
                names.add(m.name());
            }
        }
        names.add(BrightSpotsMart.NAME);
        YEAR_UNIT = List.copyOf(names);
    }

    private final Warehouse warehouse;
    private final String runId;
    private final Map<Integer, PartitionKeys.Keys> keys;
    private final Optional<PartitionStore.Stored> stored;
    /** school year → the marts whose partition of it was copied */
    private final Map<Integer, Set<String>> reused = new TreeMap<>();

    PartitionReuse(
            Warehouse warehouse,
            String runId,
            Map<Integer, PartitionKeys.Keys> keys,
            Optional<PartitionStore.Stored> stored) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.keys = keys;
        this.stored = stored;
    }

    /** Copies every partition whose key matches the stored one into this run's marts. */
    void copy() throws IOException {
        if (stored.isEmpty()) {
            return;
        }
        for (Map.Entry<Integer, PartitionKeys.Keys> e : keys.entrySet()) {
            PartitionStore.Year before = stored.get().years().get(e.getKey());
            if (before == null) {
                continue;
            }
            if (before.key().equals(e.getValue().year())) {
                copyUnit(e.getKey(), before, YEAR_UNIT);
            }
            if (before.persistenceKey().equals(e.getValue().persistence())) {
                copyUnit(e.getKey(), before, List.of(PracticePersistenceMart.NAME));
            }
        }
    }

    private void copyUnit(int year, PartitionStore.Year before, List<String> marts) throws IOException {
        List<Path> copied = new ArrayList<>();
        try {
            for (String mart : marts) {
                PartitionStore.Part part = before.marts().get(mart);
                if (part == null) {
                    throw new IOException("no record of " + mart);
                }
                for (WrittenFile f : part.files()) {
                    copied.add(copyFile(f));
                }
            }
        } catch (IOException e) {
            log.warn(
                    "run {}: partitions of {} not reused ({}); computing them",
                    runId,
                    SchoolYear.format(year),
                    e.getMessage());
            for (Path p : copied) {
                warehouse.fs().delete(p, false);
            }
            return;
        }
        reused.computeIfAbsent(year, y -> new HashSet<>()).addAll(marts);
    }

    /** A stored run's file into this run's marts, checked against its recorded SHA-256 as it is copied. */
    private Path copyFile(WrittenFile f) throws IOException {
        FileSystem fs = warehouse.fs();
        Path from = Warehouse.child(warehouse.martsDir(stored.get().runId()), f.path());
        Path to = Warehouse.child(warehouse.martsDir(runId), f.path());
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(fs.open(from), digest);
                OutputStream out = fs.create(to, true)) {
            in.transferTo(out);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        if (!sha.equals(f.sha256())) {
            fs.delete(to, false);
            throw new IOException(from + " is not what run " + stored.get().runId() + " recorded");
        }
        return to;
    }

    /** Whether this run computes the mart's partition of the year. */
    boolean computes(String mart, int year) {
        return !reused.getOrDefault(year, Set.of()).contains(mart);
    }

    /** The school years with a partition this run computes. */
    Set<Integer> computedYears() {
        Set<Integer> years = new java.util.TreeSet<>();
        for (int year : keys.keySet()) {
            if (MartCatalog.YEAR_MARTS.stream().anyMatch(mart -> computes(mart, year))) {
                years.add(year);
            }
        }
        return years;
    }

    /** The copied files, and their withheld counts given to the disclosure step's totals. */
    List<WrittenFile> copiedInto(Disclosure disclosure) {
        List<WrittenFile> files = new ArrayList<>();
        reused.forEach((year, marts) -> {
            PartitionStore.Year before = stored.orElseThrow().years().get(year);
            for (String mart : marts) {
                PartitionStore.Part part = before.marts().get(mart);
                files.addAll(part.files());
                disclosure.reused(mart, SchoolYear.format(year), part.counts());
            }
        });
        return files;
    }

    /** This run's partitions with their keys, for the store once the run finishes. */
    void record(List<WrittenFile> written, Disclosure disclosure) throws IOException {
        Map<Integer, PartitionStore.Year> years = new TreeMap<>();
        keys.forEach((year, k) -> {
            String partition = SchoolYear.format(year);
            Map<String, PartitionStore.Part> marts = new LinkedHashMap<>();
            for (String mart : MartCatalog.NAMES) {
                if (!YEAR_UNIT.contains(mart) && !mart.equals(PracticePersistenceMart.NAME)) {
                    continue; // computed every night: load_report, submission_status
                }
                String prefix = mart + "/school_year=" + partition + "/";
                marts.put(
                        mart,
                        new PartitionStore.Part(
                                written.stream()
                                        .filter(f -> f.path().startsWith(prefix))
                                        .toList(),
                                disclosure.counts(mart, partition)));
            }
            years.put(year, new PartitionStore.Year(k.year(), k.persistence(), marts));
        });
        PartitionStore.write(warehouse, new PartitionStore.Stored(runId, years));
    }

    /** The run summary's words, e.g. "school years: 4 of 5 reused, 1 more with practice_persistence only". */
    String summary() {
        long whole =
                reused.values().stream().filter(m -> m.containsAll(YEAR_UNIT)).count();
        long persistenceOnly = reused.values().stream()
                .filter(m -> !m.containsAll(YEAR_UNIT) && m.contains(PracticePersistenceMart.NAME))
                .count();
        String s = "school years: " + whole + " of " + keys.size() + " reused";
        long persistenceRecomputed = reused.values().stream()
                .filter(m -> m.containsAll(YEAR_UNIT) && !m.contains(PracticePersistenceMart.NAME))
                .count();
        if (persistenceRecomputed > 0) {
            s += " (" + persistenceRecomputed + " with practice_persistence recomputed)";
        }
        if (persistenceOnly > 0) {
            s += ", " + persistenceOnly + " more with only practice_persistence reused";
        }
        return s;
    }
}
