package org.sea.pli.stage;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.mart.LeaParts;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.mart.PartCodec;
import org.sea.pli.mart.PracticePersistenceMart;
import org.sea.pli.model.LeaModel;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which LEA-years of the school years a run computes take their mart parts from the stored ones
 * ({@link LeaPartStore}) instead of being built from their tallies (docs/spec.md §6.1), and the
 * run's own parts for the next night. A school year's parts are kept only together with its §4.3
 * groups (an LEA-year built beside kept ones is standardized with them, its LEAs' outcomes of the
 * year unread), and a part only under its LEA-year's key ({@link LeaPartKeys}).
 */
final class LeaPartReuse implements LeaParts {

    private static final Logger log = LoggerFactory.getLogger(LeaPartReuse.class);

    private final Warehouse warehouse;
    private final String runId;
    private final LeaResultCipher cipher;
    private final LeaPartKeys keys;
    private final BiPredicate<String, Integer> computes;
    private final boolean records;
    private final Map<Integer, LeaPartStore.Year> stored = new HashMap<>();
    private final Map<Integer, List<Object[]>> standardization = new TreeMap<>();
    /** school year → lea_id → mart → a kept part, opened */
    private final Map<Integer, Map<String, Map<String, byte[]>>> kept = new HashMap<>();
    /** school year → [LEA-years with every computed part kept, LEA-years] */
    private final Map<Integer, int[]> counts = new TreeMap<>();

    /** the kept parts handed to the marts and not yet recorded (by identity: the arrays opened here) */
    private final Set<byte[]> handedOut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** the file of the school year whose LEA-years are being added; null between years */
    private LeaPartStore.Writer writer;

    private LeaPartReuse(
            Warehouse warehouse,
            String runId,
            LeaResultCipher cipher,
            LeaPartKeys keys,
            BiPredicate<String, Integer> computes,
            boolean records) {
        this.records = records;
        this.warehouse = warehouse;
        this.runId = runId;
        this.cipher = cipher;
        this.keys = keys;
        this.computes = computes;
    }

    /**
     * Opens the stored parts of {@code years} (the school years with a partition to compute) that
     * may be kept; with {@code reuse} false, none. With {@code records} the run's own are written
     * for the next night.
     */
    static LeaPartReuse open(
            Warehouse warehouse,
            String runId,
            LeaResultCipher cipher,
            LeaPartKeys keys,
            BiPredicate<String, Integer> computes,
            Set<Integer> years,
            boolean reuse,
            boolean records) {
        LeaPartReuse r = new LeaPartReuse(warehouse, runId, cipher, keys, computes, records);
        for (int year : years) {
            Optional<LeaPartStore.Year> y = reuse ? LeaPartStore.read(warehouse, year) : Optional.empty();
            y.ifPresent(s -> r.stored.put(year, s));
            r.keepYear(year, y);
        }
        return r;
    }

    private void keepYear(int year, Optional<LeaPartStore.Year> y) {
        Map<String, LeaPartKeys.Keys> leas = keys.leas(year);
        int[] count = {0, leas.size()};
        counts.put(year, count);
        String outcomesKey = keys.outcomes(year);
        if (y.isEmpty() || !y.get().outcomesKey().equals(outcomesKey)) {
            return; // the standardization of the year changed: every LEA-year of it is built
        }
        try {
            standardization.put(
                    year,
                    PartCodec.decode(
                            cipher.open(y.get().sealedGroups(), LeaPartStore.groupsContext(year, outcomesKey))));
        } catch (IOException e) {
            log.warn(
                    "run {}: the kept §4.3 groups of {} are unusable ({}); computing its LEA-years",
                    runId,
                    SchoolYear.format(year),
                    e.getMessage());
            return;
        }
        Map<String, Map<String, byte[]>> byLea = new HashMap<>();
        for (Map.Entry<String, LeaPartKeys.Keys> lea : leas.entrySet()) {
            LeaPartStore.Lea before = y.get().leas().get(lea.getKey());
            if (before == null) {
                continue;
            }
            Map<String, byte[]> parts = new HashMap<>();
            boolean all = true;
            for (String mart : MartCatalog.YEAR_MARTS) {
                if (!computes.test(mart, year)) {
                    continue;
                }
                String key = key(lea.getValue(), mart);
                byte[] sealed =
                        key.equals(storedKey(before, mart)) ? before.sealed().get(mart) : null;
                byte[] plain = sealed == null ? null : open(sealed, year, lea.getKey(), mart, key);
                if (plain == null) {
                    all = false;
                } else {
                    parts.put(mart, plain);
                }
            }
            if (!parts.isEmpty()) {
                byLea.put(lea.getKey(), parts);
            }
            if (all) {
                count[0]++;
            }
        }
        kept.put(year, byLea);
    }

    private byte[] open(byte[] sealed, int year, String leaId, String mart, String key) {
        try {
            return cipher.open(sealed, LeaPartStore.partContext(year, leaId, mart, key));
        } catch (IOException e) {
            log.warn(
                    "run {}: a kept part of LEA {} in {} is unusable ({}); building the LEA-year",
                    runId,
                    leaId,
                    SchoolYear.format(year),
                    e.getMessage());
            return null;
        }
    }

    private static String key(LeaPartKeys.Keys k, String mart) {
        return mart.equals(PracticePersistenceMart.NAME) ? k.persistence() : k.year();
    }

    private static String storedKey(LeaPartStore.Lea before, String mart) {
        return mart.equals(PracticePersistenceMart.NAME) ? before.persistenceKey() : before.yearKey();
    }

    /**
     * The school years of an LEA's tallies the marts read: S when a computed partition of S lacks
     * one of the LEA-year's parts, and S+1 too when that is {@code practice_persistence}'s (§4.8).
     */
    Set<Integer> yearsRead(LeaModel lea) {
        Set<Integer> years = new TreeSet<>();
        for (int year : counts.keySet()) {
            if (!lea.years().contains(year)) {
                continue;
            }
            Map<String, byte[]> parts = kept.getOrDefault(year, Map.of()).getOrDefault(lea.leaId(), Map.of());
            for (String mart : MartCatalog.YEAR_MARTS) {
                if (computes.test(mart, year) && !parts.containsKey(mart)) {
                    years.add(year);
                    if (mart.equals(PracticePersistenceMart.NAME)) {
                        years.add(year + 1);
                    }
                }
            }
        }
        return years;
    }

    @Override
    public Map<Integer, List<Object[]>> standardization() {
        return standardization;
    }

    @Override
    public byte[] kept(String leaId, int year, String mart) {
        Map<String, byte[]> parts = kept.getOrDefault(year, Map.of()).get(leaId);
        byte[] part = parts == null ? null : parts.remove(mart);
        if (part != null) {
            handedOut.add(part);
        }
        return part;
    }

    @Override
    public void made(String leaId, int year, Map<String, byte[]> parts) {
        try {
            writer.lea(leaId, sealed(leaId, year, parts));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The record of an LEA-year: the parts this run computed, sealed; the kept ones and the stored
     * ones of the marts it did not compute whose key still holds as they were stored (sealed under
     * the same context).
     */
    private LeaPartStore.Lea sealed(String leaId, int year, Map<String, byte[]> parts) throws IOException {
        LeaPartKeys.Keys keysNow = keys.leas(year).get(leaId);
        LeaPartStore.Year before = stored.get(year);
        LeaPartStore.Lea old = before == null ? null : before.leas().get(leaId);
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        for (String mart : MartCatalog.YEAR_MARTS) {
            String key = key(keysNow, mart);
            byte[] plain = parts.get(mart);
            if (plain != null && handedOut.remove(plain)) {
                sealed.put(mart, old.sealed().get(mart)); // a kept part: as it was stored, its key the same
            } else if (plain != null) {
                sealed.put(mart, cipher.seal(plain, LeaPartStore.partContext(year, leaId, mart, key)));
            } else if (old != null
                    && key.equals(storedKey(old, mart))
                    && old.sealed().containsKey(mart)) {
                sealed.put(mart, old.sealed().get(mart));
            }
        }
        return new LeaPartStore.Lea(keysNow.year(), keysNow.persistence(), sealed);
    }

    @Override
    public boolean records() {
        return records;
    }

    @Override
    public void standardized(int year, List<Object[]> groups) {
        if (!records) {
            return;
        }
        try {
            finish();
            String outcomesKey = keys.outcomes(year);
            writer = new LeaPartStore.Writer(
                    warehouse,
                    runId,
                    year,
                    outcomesKey,
                    cipher.seal(PartCodec.encode(groups), LeaPartStore.groupsContext(year, outcomesKey)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ends the file of the last school year given to {@link #standardized}. */
    void finish() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    /**
     * The run summary's words, e.g. "LEA-years of the computed partitions: 20 of 400 built, the rest
     * from kept mart parts"; empty when no partition is computed.
     */
    String summary() {
        int keptLeaYears = counts.values().stream().mapToInt(c -> c[0]).sum();
        int all = counts.values().stream().mapToInt(c -> c[1]).sum();
        if (all == 0) {
            return "";
        }
        return "LEA-years of the computed partitions: " + (all - keptLeaYears) + " of " + all + " built"
                + (keptLeaYears > 0 ? ", the rest from kept mart parts" : "");
    }
}
