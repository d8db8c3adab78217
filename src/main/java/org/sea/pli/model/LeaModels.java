package org.sea.pli.model;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.sea.pli.extract.ExtractFold;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FoldFactory;

/**
 * The {@link FoldFactory} that turns accepted rows into {@link LeaModel}s as files stream by
 * (spec §4), one fold class per extract: the big extracts are reduced to per-educator tallies on
 * the fly, so no extract is ever held in memory, and none is read twice.
 */
public final class LeaModels implements FoldFactory {

    private final Map<String, LeaModel> models = new TreeMap<>();

    public synchronized LeaModel model(String leaId) {
        return models.computeIfAbsent(leaId, LeaModel::new);
    }

    /** Puts back a model saved by an earlier attempt of the same run (restart). */
    public synchronized void restore(LeaModel model) {
        models.put(model.leaId(), model);
    }

    /** The model of an LEA if any of its rows was folded. */
    public synchronized LeaModel existing(String leaId) {
        return models.get(leaId);
    }

    /** Every LEA's model, sorted by lea_id (the order all statewide sums are taken in). */
    public synchronized List<LeaModel> all() {
        return List.copyOf(models.values());
    }

    /**
     * Reads the tallies of the school years {@code years} names for each restored model that has them
     * still stored, LEAs on {@code threads} threads (each model is filled by one thread; the caller
     * sees them all filled when this returns).
     */
    public void readYears(java.util.function.Function<LeaModel, Set<Integer>> years, int threads) throws IOException {
        List<LeaModel> all =
                all().stream().filter(m -> !years.apply(m).isEmpty()).toList();
        if (all.isEmpty()) {
            return; // a night that reuses every partition reads no tallies at all
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "model-year-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> reads = pool.invokeAll(all.stream()
                    .map(m -> (Callable<Object>) () -> {
                        m.readYears(years.apply(m));
                        return null;
                    })
                    .toList());
            for (Future<Object> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading stored LEA models");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The fold of each extract: the one place that says which class reduces which extract (adding an
     * extract means adding its schema, its fold class and one line here).
     */
    private static final Map<String, BiFunction<LeaModel, ExtractSchema, ExtractFold>> FOLDS = Map.of(
            "pl_activities", ActivitiesFold::new,
            "pl_funding", FundingFold::new,
            "enrollments", EnrollmentsFold::new,
            "attendance", AttendanceFold::new,
            "satisfaction", SatisfactionFold::new,
            "artifact_ratings", ArtifactRatingsFold::new,
            "student_outcomes", StudentOutcomesFold::new);

    /** The extracts a fold is registered for (a test checks these are all of {@link ExtractSchema#NAMES}). */
    static Set<String> foldedExtracts() {
        return FOLDS.keySet();
    }

    @Override
    public ExtractFold open(String leaId, ExtractSchema schema) {
        BiFunction<LeaModel, ExtractSchema, ExtractFold> fold = FOLDS.get(schema.name());
        if (fold == null) {
            throw new IllegalArgumentException("no fold for extract " + schema.name());
        }
        return fold.apply(model(leaId), schema);
    }
}
