package org.sea.pli.run;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sea.pli.changes.ChangeNotes;
import org.sea.pli.changes.ChangesStage;
import org.sea.pli.changes.RunChanges;
import org.sea.pli.lakehouse.CatalogConnection;
import org.sea.pli.lakehouse.TablePublisher;
import org.sea.pli.mart.EducatorPseudonym;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.ops.OpsSettings;
import org.sea.pli.ops.Phase;
import org.sea.pli.ops.RunPhase;
import org.sea.pli.ops.RunSummary;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.stage.DisclosureCheckStage;
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
 * <p>A step after the load needs the load's result: {@link #load()} is empty when the load
 * finished in an earlier JVM (a restart skipped it), and the step then asks for
 * {@link #restoreLoad()} itself, which restores it from the per-LEA checkpoints without reading
 * the inbox again.
 */
final class NightlyRun {

    private final RunRequest request;
    private final RunSettings settings;
    private final String runId;
    private final Warehouse warehouse;
    private final OpsSettings ops;
    /** The mart tables' catalog; null for a reproduction, which must not touch the tables. */
    private final CatalogConnection catalog;

    private final Instant started = Instant.now();
    private LoadResult load;
    private List<WrittenFile> marts = List.of();
    private boolean published;
    /** The marts step's reuse line; null until it ran in this JVM. */
    private String martsReused;
    /** The report step's reuse line; null until it ran in this JVM. */
    private String reportReused;
    /** What changed since the last published run; null until compared in this JVM. */
    private Optional<RunChanges> changes;
    /** Wall time per phase that finished in this JVM, as its stage measured it. */
    private final Map<RunPhase, Duration> took = new EnumMap<>(RunPhase.class);
    /** The phases whose step started in this JVM (finished or not). */
    private final Set<RunPhase> begun = EnumSet.noneOf(RunPhase.class);
    /** The launch's wall time from run id to the job's end; the steps' share is subtracted for bookkeeping. */
    private Duration launched;

    NightlyRun(
            RunRequest request,
            RunSettings settings,
            String runId,
            Warehouse warehouse,
            OpsSettings ops,
            CatalogConnection catalog) {
        this.request = request;
        this.settings = settings;
        this.runId = runId;
        this.warehouse = warehouse;
        this.ops = ops;
        this.catalog = catalog;
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
                        request.allowChangedFiles(),
                        request.reuses()),
                warehouse,
                runId,
                ops.progressInterval(),
                request.pseudonymKey());
    }

    MartsStage martsStage() {
        return new MartsStage(
                warehouse,
                runId,
                new MartsStage.Settings(
                        settings.minCellSize(),
                        settings.improvedThreshold(),
                        settings.brightSpots(),
                        request.pseudonymKey()),
                request.reuses(),
                !request.reproduction());
    }

    DisclosureCheckStage disclosureCheckStage() {
        return new DisclosureCheckStage(warehouse, runId, settings.minCellSize(), request.reuses());
    }

    ChangesStage changesStage() {
        return new ChangesStage(warehouse, runId, request.inbox(), request.recordedIn());
    }

    ReportStage reportStage() throws Exception {
        return new ReportStage(
                warehouse,
                runId,
                request.asOf().toString(),
                changes().map(ChangeNotes::of).orElse(null),
                request.reuses());
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
        return new PublishStage(
                warehouse,
                runId,
                request.asOf().toString(),
                catalog == null ? null : new TablePublisher(warehouse, catalog, MartCatalog.NAMES),
                !request.reproduction());
    }

    /** The load step's result, given by the step that ran it in this JVM. */
    void loaded(LoadResult result) {
        this.load = result;
        took(RunPhase.INBOX_LISTING, result.timing().listing());
        took(RunPhase.LOAD, result.timing().reading());
    }

    /** A step starts the phases it runs: one that then has no time failed. */
    void begins(RunPhase... phases) {
        begun.addAll(List.of(phases));
    }

    /** A step's wall time, as measured inside its stage. */
    void took(RunPhase phase, Duration duration) {
        took.put(phase, duration);
    }

    /** The launch's wall time from choosing the run id to the job's end (set by the launcher). */
    void launched(Duration duration) {
        this.launched = duration;
    }

    /** The phase table of this launch so far. */
    List<Phase> phases() {
        return PhaseTable.of(launched, took, begun);
    }

    /** The load's result when the load ran in this JVM; empty when a restart skipped it. */
    Optional<LoadResult> load() {
        return Optional.ofNullable(load);
    }

    /**
     * The load's result as an earlier attempt left it, restored from its per-LEA checkpoints (a
     * restart that skipped the load step); kept for the later steps.
     */
    LoadResult restoreLoad() throws Exception {
        LoadResult restored = loadStage().load();
        load = restored;
        took(
                RunPhase.CHECKPOINT_RESTORE,
                restored.timing().listing().plus(restored.timing().reading()));
        return restored;
    }

    /**
     * What changed since the last published run: this JVM's comparison, or after a restart the
     * same comparison made again (with the previous run the first attempt recorded, so the same bytes).
     */
    Optional<RunChanges> changes() throws Exception {
        if (changes == null) {
            changes = changesStage().compare(load().isPresent() ? load().get() : restoreLoad(), marts);
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

    /** What the marts step took from the last finished run, in words. */
    void martsReused(String summary) {
        this.martsReused = summary;
    }

    /** What the report step took from the last finished run, in words. */
    void reportReused(String summary) {
        this.reportReused = summary;
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
                        : changes.map(c -> ChangeNotes.of(c).summary()).orElse(null),
                load == null
                        ? null
                        : load.reuse().summary()
                                + (martsReused == null ? "" : "; " + martsReused)
                                + (reportReused == null ? "" : "; " + reportReused));
    }
}
