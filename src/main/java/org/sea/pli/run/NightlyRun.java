package org.sea.pli.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sea.pli.changes.ChangeNotes;
import org.sea.pli.changes.ChangesStage;
import org.sea.pli.changes.RunChanges;
import org.sea.pli.mart.EducatorPseudonym;
import org.sea.pli.ops.OpsSettings;
import org.sea.pli.ops.Phase;
import org.sea.pli.ops.RunSummary;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.LoadResult;
import org.sea.pli.stage.LoadStage;
import org.sea.pli.stage.ManifestStage;
import org.sea.pli.stage.MartsStage;
import org.sea.pli.stage.PublishStage;
import org.sea.pli.stage.ReportStage;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.Warehouse;

/**
 * One launch of the nightly job in this JVM: what was asked, under which run id, in which
 * warehouse, the stages configured for it, and what each stage returned so far (set once, by its
 * step). Made by {@link NightlyRunLauncher} per launch, never shared between launches.
 *
 * <p>A step after the load needs the load's result; when the load finished in an earlier JVM (a
 * restart skipped it), {@link #loaded()} asks the load stage, which restores it from its per-LEA
 * checkpoints without reading the inbox again. That is the one place a finished result is restored.
 */
final class NightlyRun {

    private final RunRequest request;
    private final RunSettings settings;
    private final String runId;
    private final Warehouse warehouse;
    private final OpsSettings ops;
    private final Instant started = Instant.now();
    private LoadResult load;
    private List<WrittenFile> marts = List.of();
    private boolean published;
    /** What changed since the last published run; null until compared in this JVM. */
    private Optional<RunChanges> changes;
    /** Wall time per phase that ran in this JVM, as its stage measured it (issue 14). */
    private final Map<String, Duration> took = new HashMap<>();
    /** The launch's wall time from run id to the job's end; the steps' share is subtracted for bookkeeping. */
    private Duration launched;

    /** The phases the summary shows, in run order; those this JVM did not run show as skipped. */
    static final List<String> PHASES =
            List.of("inbox listing", "load", "marts", "changes", "report", "manifest", "publish");
    /** A row only large runs have: {@link HeapBetweenSteps}' collections after the load and the marts. */
    static final String HEAP_TRIM = "heap trims between steps";
    /** A row only restarts have: a skipped load's result restored from its checkpoints. */
    static final String CHECKPOINT_RESTORE = "load restored from checkpoints";

    NightlyRun(RunRequest request, RunSettings settings, String runId, Warehouse warehouse, OpsSettings ops) {
        this.request = request;
        this.settings = settings;
        this.runId = runId;
        this.warehouse = warehouse;
        this.ops = ops;
    }

    String runId() {
        return runId;
    }

    LoadStage loadStage() {
        return new LoadStage(
                new LoadStage.Request(
                        request.inbox(),
                        request.asOf(),
                        request.inputs(),
                        settings.maxRejectRate(),
                        settings.threads(),
                        !request.reproduction(),
                        request.allowChangedFiles()),
                warehouse,
                runId,
                ops.progressInterval());
    }

    MartsStage martsStage() {
        return new MartsStage(
                warehouse,
                runId,
                new MartsStage.Settings(
                        settings.minCellSize(),
                        settings.improvedThreshold(),
                        settings.brightSpots(),
                        request.pseudonymKey()));
    }

    ChangesStage changesStage() {
        return new ChangesStage(warehouse, runId, request.inbox(), request.recordedIn());
    }

    ReportStage reportStage() throws Exception {
        return new ReportStage(
                warehouse,
                runId,
                request.asOf().toString(),
                changes().map(ChangeNotes::of).orElse(null));
    }

    ManifestStage manifestStage() {
        EducatorPseudonym key = new EducatorPseudonym(request.pseudonymKey());
        return new ManifestStage(
                warehouse,
                runId,
                request.inbox(),
                request.asOf().toString(),
                new RunManifest.Configuration(
                        settings.minCellSize(),
                        settings.improvedThreshold(),
                        settings.maxRejectRate(),
                        settings.brightSpots(),
                        key.fingerprint()),
                started);
    }

    PublishStage publishStage() {
        return new PublishStage(warehouse, runId, request.asOf().toString());
    }

    /** The load step's result, given by the step that ran it in this JVM. */
    void loaded(LoadResult result) {
        this.load = result;
        took("inbox listing", result.timing().listing());
        took("load", result.timing().reading());
    }

    /** A step's wall time, as measured inside its stage. */
    void took(String phase, Duration duration) {
        took.put(phase, duration);
    }

    /** Time added to a phase that may occur more than once (the heap trims between steps). */
    void tookMore(String phase, Duration duration) {
        took.merge(phase, duration, Duration::plus);
    }

    /** The launch's wall time from choosing the run id to the job's end (set by the launcher). */
    void launched(Duration duration) {
        this.launched = duration;
    }

    /**
     * The phase table: job-repository work (run id, restart checks, Spring Batch's step and job
     * bookkeeping: the launch's wall time less what the stages measured), then each stage.
     */
    List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        Duration stages = took.values().stream().reduce(Duration.ZERO, Duration::plus);
        phases.add(
                launched == null
                        ? Phase.skipped("job repository")
                        : new Phase(
                                "job repository",
                                launched.minus(stages).isNegative() ? Duration.ZERO : launched.minus(stages)));
        for (String phase : PHASES) {
            phases.add(took.containsKey(phase) ? new Phase(phase, took.get(phase)) : Phase.skipped(phase));
        }
        for (String extra : List.of(CHECKPOINT_RESTORE, HEAP_TRIM)) {
            if (took.containsKey(extra)) {
                phases.add(new Phase(extra, took.get(extra)));
            }
        }
        return phases;
    }

    /** The load's result: this JVM's, or restored by the load stage from its checkpoints (a restart). */
    LoadResult loaded() throws Exception {
        if (load == null) {
            LoadResult restored = loadStage().load();
            load = restored;
            took(
                    CHECKPOINT_RESTORE,
                    restored.timing().listing().plus(restored.timing().reading()));
        }
        return load;
    }

    void compared(Optional<RunChanges> changes) {
        this.changes = changes;
    }

    /**
     * What changed since the last published run: this JVM's comparison, or after a restart the
     * same comparison made again (with the previous run the first attempt recorded, so the same bytes).
     */
    Optional<RunChanges> changes() throws Exception {
        if (changes == null) {
            changes = changesStage().compare(loaded());
        }
        return changes;
    }

    /** Files rejected by this JVM's load (none known when a restart skipped every step that needs it). */
    long rejectedFiles() {
        return load == null ? 0 : load.rejectedFiles();
    }

    /** The mart files written in this JVM (empty when a restart skipped the marts step). */
    List<WrittenFile> marts() {
        return marts;
    }

    void wrote(List<WrittenFile> files) {
        this.marts = List.copyOf(files);
    }

    void published(boolean published) {
        this.published = published;
    }

    /** What the run's summary table shows. */
    RunSummary.Facts facts() {
        return new RunSummary.Facts(
                runId,
                request.asOf().toString(),
                warehouse.root().toString(),
                warehouse.currentDir().toString(),
                published,
                load == null ? List.of() : load.outcomes(),
                marts,
                phases(),
                changes == null
                        ? null
                        : changes.map(c -> ChangeNotes.of(c).summary()).orElse(null));
    }
}
