package org.sea.pli.run;

import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.Inbox;
import org.sea.pli.model.LeaModels;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Warehouse;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of the one nightly job this JVM runs hand each other. The job repository keeps
 * which steps finished; the loaded inbox itself lives only in memory, so the load step is re-run
 * on restart (it is deterministic and rewrites the same quarantine files).
 */
@Component
public class RunWorkspace {

    private RunRequest request;
    private RunSettings settings = RunSettings.defaults();
    private String runId;
    private Warehouse warehouse;
    private Inbox inbox;
    private List<FileOutcome> outcomes = List.of();
    private LeaModels models = new LeaModels();
    private final List<WrittenFile> outputs = new ArrayList<>();
    private boolean published;
    private java.time.Instant started = java.time.Instant.now();

    void begin(RunRequest request, RunSettings settings, String runId, Warehouse warehouse) {
        this.request = request;
        this.settings = settings;
        this.runId = runId;
        this.warehouse = warehouse;
        this.inbox = null;
        this.outcomes = List.of();
        this.models = new LeaModels();
        this.outputs.clear();
        this.published = false;
        this.started = java.time.Instant.now();
    }

    /** When this attempt started (manifest timing, §6: the only part allowed to differ). */
    public java.time.Instant started() { return started; }

    public RunRequest request() { return request; }

    /** The effective configuration of this run (a rerun's comes from its manifest). */
    public RunSettings settings() { return settings; }

    public String runId() { return runId; }

    public Warehouse warehouse() { return warehouse; }

    public Inbox inbox() { return inbox; }

    public List<FileOutcome> outcomes() { return outcomes; }

    /** Fresh per load: a restarted load folds from scratch. */
    LeaModels startModels() {
        models = new LeaModels();
        return models;
    }

    public LeaModels models() { return models; }

    public List<WrittenFile> outputs() { return outputs; }

    public boolean published() { return published; }

    void loaded(Inbox inbox, List<FileOutcome> outcomes) {
        this.inbox = inbox;
        this.outcomes = List.copyOf(outcomes);
    }

    void wrote(List<WrittenFile> files) {
        outputs.addAll(files);
    }

    void published(boolean published) {
        this.published = published;
    }
}
