package org.sea.pli.mart;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.model.GrowthStandardization;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaYear;

/**
 * Computes every {@link YearMart} of {@link MartCatalog} from the LEA models (spec §4, §5): the
 * statewide standardization of §4.3 once, then school year by school year, LEA by LEA in lea_id
 * order, one LEA-year's parts at a time (so memory holds a few LEA-years' elements, not the state's).
 * Every floating-point sum runs in that key order, so the bytes do not depend on thread count (§6).
 */
public final class ImpactMarts {

    private final MartSettings settings;

    public ImpactMarts(MartSettings settings) {
        this.settings = settings;
    }

    public ImpactMarts(int minCellSize, double improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {
        this(new MartSettings(minCellSize, improvedThreshold, brightSpots, pseudonym));
    }

    /**
     * LEA-years whose parts are made ahead of the one being added, on a second thread (building a
     * {@link LeaYear} was a fifth of the marts' time at state scale). Making a part reads only the
     * model, the finished standardization and the settings (the pseudonym's MAC is used on that
     * thread alone); the marts still receive the parts one LEA-year at a time, in lea_id order, on
     * the calling thread, so nothing about the bytes changes.
     */
    static final int LEA_YEARS_AHEAD = 2;

    public MartSettings settings() {
        return settings;
    }

    public void write(List<LeaModel> leas, MartSink sink) throws IOException {
        write(leas, sink, (mart, year) -> true, LeaParts.NONE);
    }

    /**
     * Only the partitions {@code computes} asks for: a partition an earlier run already wrote from
     * the same inputs is taken from there (docs/spec.md §6.1). A year none of whose partitions is
     * computed builds no LEA-year at all, and an LEA-year whose every needed part {@code parts}
     * kept is not built either: its kept parts are added in its place.
     */
    public void write(
            List<LeaModel> leas,
            MartSink sink,
            java.util.function.BiPredicate<String, Integer> computes,
            LeaParts parts)
            throws IOException {
        List<YearMart> all = MartCatalog.yearMarts(settings);
        GrowthStandardization growth = GrowthStandardization.of(leas, parts.standardization());
        TreeSet<Integer> years = new TreeSet<>();
        leas.forEach(l -> years.addAll(l.years()));
        ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lea-year-builder");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int year : years) {
                String partition = SchoolYear.format(year);
                List<YearMart> marts =
                        all.stream().filter(m -> computes.test(m.name(), year)).toList();
                if (marts.isEmpty()) {
                    sink.endOfYear(partition);
                    continue;
                }
                parts.standardized(year, growth.yearGroups(year));
                List<LeaModel> inYear =
                        leas.stream().filter(l -> l.years().contains(year)).toList();
                Deque<Future<List<List<Object[]>>>> ahead = new ArrayDeque<>();
                int next = 0;
                for (int i = 0; i < inYear.size(); i++) {
                    while (next < inYear.size() && next <= i + LEA_YEARS_AHEAD) {
                        LeaModel lea = inYear.get(next++);
                        ahead.add(builder.submit(() -> parts(lea, year, growth, marts, parts)));
                    }
                    List<List<Object[]>> leaParts = built(ahead.poll());
                    for (int m = 0; m < marts.size(); m++) {
                        marts.get(m).add(leaParts.get(m), partition, sink);
                    }
                }
                for (YearMart mart : marts) {
                    mart.endYear(year, partition, sink);
                }
                sink.endOfYear(partition);
            }
        } finally {
            builder.shutdownNow();
        }
    }

    /**
     * The LEA-year's part of each mart, kept or computed (the LEA-year built only when one is not
     * kept), each recorded before a mart sees it: the disclosure step may blank a row's cells later.
     */
    private static List<List<Object[]>> parts(
            LeaModel lea, int year, GrowthStandardization growth, List<YearMart> marts, LeaParts parts) {
        List<List<Object[]>> result = new ArrayList<>(marts.size());
        Map<String, byte[]> made = parts.records() ? new LinkedHashMap<>() : null;
        LeaYear ly = null;
        for (YearMart mart : marts) {
            byte[] kept = parts.kept(lea.leaId(), year, mart.name());
            if (kept != null) {
                if (made != null) {
                    made.put(mart.name(), kept);
                }
                result.add(LeaParts.decode(kept));
                continue;
            }
            if (ly == null) {
                ly = LeaYear.of(lea, year, growth);
            }
            List<Object[]> part = mart.part(ly);
            if (made != null) {
                made.put(mart.name(), PartCodec.encode(part));
            }
            result.add(part);
        }
        if (made != null) {
            parts.made(lea.leaId(), year, made);
        }
        return result;
    }

    private static <T> T built(Future<T> leaYear) throws IOException {
        try {
            return leaYear.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while building an LEA-year");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
