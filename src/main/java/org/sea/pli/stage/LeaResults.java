package org.sea.pli.stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.ClaimedYears;
import org.sea.pli.extract.ExtractFileReader;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.LeaLoader;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaModels;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;

/**
 * Each LEA of a nightly load, restored when it need not be read (docs/spec.md §6, §6.1): from this
 * run's checkpoint (a restart), else from the reuse store (nothing the LEA's result depends on
 * changed since the last finished night); otherwise read — when the store holds its result under
 * the same settings, only the files of the school years that changed ({@link YearReread}) — and its
 * result saved as this run's checkpoint on a writer thread while the next LEA loads.
 *
 * <p>Deciding needs every file's SHA-256, which takes one pass over the LEA's files; only when a
 * saved result exists, so a first night or a {@code --full} run reads each file exactly once. An
 * LEA with a saved result that no longer matches is hashed, then read: the price of a changed LEA.
 */
final class LeaResults implements AutoCloseable {

    /** How many LEAs came from where (the run summary's reuse line). */
    record Counts(int leas, int resumed, int reused, int partly) {}

    private final FileSystem fs;
    private final Path quarantineDir;
    private final LeaResultDir checkpoints;
    /** null: nothing is reused across runs ({@code --full}, a reproduction) */
    private final LeaResultDir store;

    private final String fingerprint;
    /** digest of {@link #fingerprint}: a stored result under other settings keeps nothing */
    private final String settings;

    private final LeaModels models;
    private final java.util.concurrent.Semaphore readers;
    private final AtomicInteger leas = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger partly = new AtomicInteger();
    // a checkpoint only lets a restart skip a finished LEA, so one not yet written when the process
    // dies costs only that LEA's reading again; close() waits for every write
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-writer");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> written = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param reuse       whether results of earlier finished runs may be restored
     * @param fingerprint everything besides the LEA's files that its result depends on
     * @param cipher      encrypts what is saved (it holds educator ids and quarantined rows)
     * @param readers     LEAs read at once, at most (reading is what takes memory; restoring takes little)
     */
    LeaResults(
            Warehouse warehouse,
            String runId,
            boolean reuse,
            String fingerprint,
            LeaModels models,
            LeaResultCipher cipher,
            int readers) {
        this.readers = new java.util.concurrent.Semaphore(readers);
        this.fs = warehouse.fs();
        this.quarantineDir = new Path(warehouse.runDir(runId), "quarantine");
        this.checkpoints = LeaResultDir.checkpoints(warehouse, runId, cipher);
        this.store = reuse ? LeaResultDir.store(warehouse, cipher) : null;
        this.fingerprint = fingerprint;
        this.settings = Sha256.of(fingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.models = models;
    }

    /** The LEA's outcomes in file order, its model in {@code models}, its quarantine files in this run's. */
    List<FileOutcome> load(String lea, List<InboxFile> files, LeaLoader loader) throws Exception {
        leas.incrementAndGet();
        boolean inCheckpoints = checkpoints.has(lea);
        Optional<LeaResultDir.Stored> earlier = Optional.empty();
        Map<InboxFile, String> shas = null;
        Map<String, SortedSet<Integer>> scanned = new HashMap<>(); // school years of files new to the store
        if (inCheckpoints || (store != null && store.has(lea))) {
            // no checkpoint of a stored result: the store changes only when a run finishes, so a
            // restart finds it there again, and the store keeps it when this run's checkpoints move in
            earlier = store == null ? Optional.empty() : store.readUnderSettings(lea, settings, files);
            shas = sha256s(files, earlier, scanned);
            String key = LeaResultDir.key(fingerprint, files, shas::get);
            Optional<LeaResultFormat.Saved> saved =
                    inCheckpoints ? checkpoints.read(lea, key, files) : Optional.empty();
            AtomicInteger counter = resumed;
            if (saved.isEmpty()) {
                saved = earlier.filter(e -> e.key().equals(key)).map(LeaResultDir.Stored::saved);
                counter = reused;
            }
            if (saved.isPresent()) {
                restore(lea, saved.get());
                counter.incrementAndGet();
                return saved.get().outcomes();
            }
        }
        Map<InboxFile, String> hashed = shas;
        Optional<YearReread.Plan> plan = earlier.flatMap(e -> plan(e.saved(), files, hashed, scanned));
        Path leaQuarantine = Warehouse.child(quarantineDir, lea);
        fs.delete(leaQuarantine, true); // an earlier attempt's, written again identically
        List<FileOutcome> loaded;
        if (plan.isPresent()) {
            List<InboxFile> toRead = plan.get().read();
            loaded = YearRestore.load(
                    lea,
                    files,
                    plan.get(),
                    earlier.get().saved(),
                    models,
                    fs,
                    leaQuarantine,
                    // not bounded by `readers`: a night that reads an LEA in part restored the others
                    // (little memory) and reads a few files of theirs, while the other workers hash
                    known -> loader.load(lea, toRead, known));
            partly.incrementAndGet();
        } else {
            loaded = read(lea, files, loader);
        }
        LeaModel model = models.existing(lea); // complete: no later LEA touches it
        written.add(writer.submit(() -> {
            String key = LeaResultDir.key(fingerprint, files, f -> shaOf(loaded, f));
            checkpoints.write(lea, settings, key, new LeaResultFormat.Saved(loaded, model, quarantine(leaQuarantine)));
            return null;
        }));
        return loaded;
    }

    /**
     * What of a changed LEA's stored result stands (docs/spec.md §6.1); empty when every file
     * must be read.
     */
    private static Optional<YearReread.Plan> plan(
            LeaResultFormat.Saved earlier,
            List<InboxFile> files,
            Map<InboxFile, String> shas,
            Map<String, SortedSet<Integer>> scanned) {
        Map<String, FileOutcome> before = new HashMap<>();
        earlier.outcomes().forEach(o -> before.put(o.file().relativePath(), o));
        Set<Integer> years =
                earlier.model() == null ? Set.of() : earlier.model().years();
        // a file changed under a path the store knows was only hashed: scanned now (rare)
        return YearReread.of(
                before,
                files,
                shas::get,
                f -> scanned.containsKey(f.relativePath()) ? scanned.get(f.relativePath()) : ClaimedYears.of(f),
                years);
    }

    /** Reads {@code files} of the LEA, no more LEAs at once than {@code readers} allows. */
    private List<FileOutcome> read(String lea, List<InboxFile> files, LeaLoader loader) throws Exception {
        readers.acquire();
        try {
            return loader.load(lea, files);
        } finally {
            readers.release();
        }
    }

    private void restore(String lea, LeaResultFormat.Saved saved) throws IOException {
        if (saved.model() != null) {
            models.restore(saved.model());
        }
        Path leaQuarantine = Warehouse.child(quarantineDir, lea);
        fs.delete(leaQuarantine, true);
        for (var q : saved.quarantine().entrySet()) {
            try (OutputStream out = fs.create(Warehouse.child(leaQuarantine, q.getKey()), true)) {
                out.write(q.getValue());
            }
        }
    }

    /** Waits for every checkpoint write; how many LEAs came from where. */
    Counts finish() throws Exception {
        try {
            for (Future<?> w : written) {
                w.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return new Counts(leas.get(), resumed.get(), reused.get(), partly.get());
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }

    /** The LEA's quarantine files as the load left them, by name under its folder. */
    private SortedMap<String, byte[]> quarantine(Path leaQuarantine) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!fs.exists(leaQuarantine)) {
            return files;
        }
        for (FileStatus f : fs.listStatus(leaQuarantine)) {
            if (f.isFile()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (InputStream in = fs.open(f.getPath())) {
                    in.transferTo(bytes);
                }
                files.put(f.getPath().getName(), bytes.toByteArray());
            }
        }
        return files;
    }

    /**
     * Each file's SHA-256, hashed once for the key and for what changed. A considered file the
     * stored result does not name is new: the same pass finds the school years its rows name
     * (into {@code scanned}), which is all a changed LEA needs of it before its read.
     */
    private static Map<InboxFile, String> sha256s(
            List<InboxFile> files, Optional<LeaResultDir.Stored> earlier, Map<String, SortedSet<Integer>> scanned) {
        Set<String> known = new HashSet<>();
        earlier.ifPresent(
                e -> e.saved().outcomes().forEach(o -> known.add(o.file().relativePath())));
        Map<InboxFile, String> shas = new HashMap<>();
        for (InboxFile f : files) {
            if (earlier.isPresent() && f.ignored() == null && !known.contains(f.relativePath())) {
                try {
                    ClaimedYears.Scan scan = ClaimedYears.scan(f);
                    shas.put(f, scan.sha256());
                    scanned.put(f.relativePath(), scan.years());
                    continue;
                } catch (IOException e) {
                    // hashed below, which says why it cannot be read
                }
            }
            shas.put(f, sha256(f));
        }
        return shas;
    }

    /** As the loader hashes a file (§5.7): a path that is not a regular file is not hashed. */
    private static String sha256(InboxFile f) {
        if (f.ignored() == FileReason.NOT_A_FILE) {
            return "-";
        }
        try {
            return ExtractFileReader.sha256(f);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage(); // the load will say so; never equal to a digest
        }
    }

    private static String shaOf(List<FileOutcome> outcomes, InboxFile f) {
        for (FileOutcome o : outcomes) {
            if (o.file().relativePath().equals(f.relativePath())) {
                return o.sha256() == null ? "-" : o.sha256();
            }
        }
        return "-";
    }
}
