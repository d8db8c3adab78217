package org.sea.pli.stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.sea.pli.disclosure.Disclosure;
import org.sea.pli.disclosure.DisclosureCounts;
import org.sea.pli.mart.BrightSpotsMart;
import org.sea.pli.mart.EducatorPseudonym;
import org.sea.pli.mart.ImpactMarts;
import org.sea.pli.mart.LoadReportMart;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.mart.SubmissionStatusMart;
import org.sea.pli.parquet.MartSchema;
import org.sea.pli.parquet.MartWriter;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marts stage (spec §5): every mart as Parquet under {@code runs/<run_id>/marts/}, from what
 * the load returned, each row through the disclosure step (§5.12) on its way to its file. Returns
 * the files written, with their row counts.
 */
public final class MartsStage {

    private static final Logger log = LoggerFactory.getLogger(MartsStage.class);

    /** The output-shaping settings of §4–§5 and the key of {@code educator_key} (§5.1). */
    public record Settings(int minCellSize, double improvedThreshold, int brightSpots, byte[] pseudonymKey) {}

    private final Warehouse warehouse;
    private final String runId;
    private final Settings settings;
    /** whether partitions of the last finished run may be taken (docs/spec.md §6.1) */
    private final boolean reuse;

    private final boolean keepsParts;

    private String reuseSummary;

    public MartsStage(Warehouse warehouse, String runId, Settings settings, boolean reuse) {
        this(warehouse, runId, settings, reuse, true);
    }

    /**
     * @param keepsParts whether the run's LEA-years' mart parts are written for the next night: not
     *     for a rerun or a verify, which never leave anything for it
     */
    public MartsStage(Warehouse warehouse, String runId, Settings settings, boolean reuse, boolean keepsParts) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.settings = settings;
        this.reuse = reuse;
        this.keepsParts = keepsParts;
    }

    /** What the last {@link #write} took from the last finished run, in words; null before it ran. */
    public String reuseSummary() {
        return reuseSummary;
    }

    /** Everything besides the inputs that shapes the marts' bytes (§6.1). */
    private String settingsKey() {
        return settings.minCellSize() + "|" + settings.improvedThreshold() + "|" + settings.brightSpots() + "|"
                + new EducatorPseudonym(settings.pseudonymKey()).fingerprint();
    }

    /** Where the marts stage leaves the disclosure counts for the manifest (not a run output). */
    static Path countsFile(Warehouse warehouse, String runId) {
        return new Path(LeaResultDir.workDir(warehouse, runId), "disclosure.json");
    }

    /** The counts this run's marts stage left (§5.12 step 5), or empty when it has not finished. */
    public static Optional<DisclosureCounts> counts(Warehouse warehouse, String runId) throws IOException {
        Path file = countsFile(warehouse, runId);
        if (!warehouse.fs().exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = warehouse.fs().open(file)) {
            return Optional.of(DisclosureCounts.fromBytes(in.readAllBytes()));
        }
    }

    /** Writes every mart; returns the files written, with the wall time it took. */
    public Timed<List<WrittenFile>> write(LoadResult load) throws Exception {
        long started = System.nanoTime();
        Path martsDir = warehouse.martsDir(runId);
        warehouse.fs().delete(martsDir, true); // a restart writes every mart again, identically
        Map<String, MartWriter> writers = new LinkedHashMap<>();
        List<WrittenFile> written = new ArrayList<>();
        DisclosureCounts withheld;
        String stateFiles = PartitionKeys.stateFiles(load);
        PartitionReuse partitions = new PartitionReuse(
                warehouse,
                runId,
                PartitionKeys.of(load, settingsKey(), stateFiles),
                reuse ? PartitionStore.read(warehouse) : Optional.empty());
        Disclosure disclosure;
        LeaPartReuse leaParts;
        try {
            for (String mart : MartCatalog.NAMES) {
                writers.put(mart, new MartWriter(warehouse.fs(), martsDir, MartSchema.load(mart)));
            }
            partitions.copy();
            Set<Integer> computed = partitions.computedYears();
            leaParts = LeaPartReuse.open(
                    warehouse,
                    runId,
                    new LeaResultCipher(settings.pseudonymKey()),
                    LeaPartKeys.of(load, settingsKey(), stateFiles, computed),
                    partitions::computes,
                    computed,
                    reuse,
                    keepsParts);
            // a model restored from the store reads only the school years whose LEA-year it builds
            load.models().readYears(leaParts::yearsRead, Runtime.getRuntime().availableProcessors());
            ImpactMarts marts = new ImpactMarts(
                    settings.minCellSize(),
                    settings.improvedThreshold(),
                    settings.brightSpots(),
                    new EducatorPseudonym(settings.pseudonymKey()));
            try (QueuedMartSink queued =
                    new QueuedMartSink((mart, year, values) -> writers.get(mart).write(year, values))) {
                // §5.12: every row passes the disclosure step on its way to its file
                disclosure = new Disclosure(settings.minCellSize(), new BrightSpotsMart(marts.settings()), queued);
                for (Object[] row : LoadReportMart.rows(load.outcomes())) {
                    disclosure.row(LoadReportMart.NAME, null, row);
                }
                // §5.11: the registry's LEAs (with or without a folder), as-of and the load outcomes; no file read
                // again
                new SubmissionStatusMart()
                        .write(
                                new SubmissionStatusMart.Input(
                                        load.inbox().state().leas().keySet(), load.asOf(), load.outcomes()),
                                disclosure);
                marts.write(load.models().all(), disclosure, partitions::computes, leaParts);
                leaParts.finish();
                queued.finish();
                written.addAll(partitions.copiedInto(disclosure));
                withheld = disclosure.counts();
            }
            for (Map.Entry<String, MartWriter> w : writers.entrySet()) {
                written.addAll(w.getValue().finish());
                // a mart with no rows is still published, as an empty directory
                warehouse.fs().mkdirs(new Path(martsDir, w.getKey()));
            }
        } finally {
            for (MartWriter w : writers.values()) {
                w.close();
            }
        }
        partitions.record(written, disclosure);
        String parts = leaParts.summary();
        reuseSummary = partitions.summary() + (parts.isEmpty() ? "" : "; " + parts);
        // kept beside the marts for the manifest (§5.12 step 5), which a restart may write in another JVM
        try (FSDataOutputStream out = warehouse.fs().create(countsFile(warehouse, runId), true)) {
            out.write(withheld.toBytes());
        }
        long rows = written.stream().mapToLong(WrittenFile::rows).sum();
        log.info(
                "run {}: wrote {} mart files ({} rows) in {} s",
                runId,
                written.size(),
                rows,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
        return Timed.since(started, List.copyOf(written));
    }
}
