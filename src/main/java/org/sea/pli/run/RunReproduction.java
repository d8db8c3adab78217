package org.sea.pli.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.lakehouse.MartTables;
import org.sea.pli.lakehouse.TableAudit;
import org.sea.pli.mart.EducatorPseudonym;
import org.sea.pli.mart.MartCatalog;
import org.sea.pli.ops.ExitCode;
import org.sea.pli.stage.ManifestStage;
import org.sea.pli.stage.RunManifest;
import org.sea.pli.storage.RunIds;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;
import org.springframework.stereotype.Component;

/**
 * {@code rerun} and {@code verify} (docs/spec.md §7): reproduce a recorded run from exactly the inputs
 * its manifest lists — each checked by SHA-256 — with the configuration it recorded, and compare
 * outputs with the manifest.
 */
@Component
public class RunReproduction {

    private final NightlyRunLauncher launcher;
    private final RunSettings settings;

    RunReproduction(NightlyRunLauncher launcher, RunSettings settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    /** Reproduces run {@code runId} of {@code warehouse} into {@code out}; exit code of §7. */
    public int rerun(String warehouse, String runId, java.nio.file.Path inbox, String out, byte[] key) {
        RunManifest manifest = manifest(warehouse, runId);
        return reproduce(manifest, warehouse, inbox, out, key);
    }

    /**
     * Checks the run's recorded output files against its manifest, then reproduces the run into a
     * temporary place and checks those too. Names every differing file; exit 0 or 3.
     */
    public int verify(String warehouse, String runId, java.nio.file.Path inbox, byte[] key, PrintStream report) {
        RunManifest manifest = manifest(warehouse, runId);
        List<String> differing = new ArrayList<>();
        int tables;
        try (Warehouse recorded = Warehouse.open(warehouse)) {
            compare(manifest, recorded, recorded.runDir(runId), "as recorded", differing);
            tables = new TableAudit(recorded, launcher.catalog(recorded), MartCatalog.NAMES).check(runId, differing);
        } catch (IOException e) {
            throw new RunFailure("cannot read run " + runId + " in " + warehouse + ": " + e.getMessage(), e);
        }
        java.nio.file.Path scratch;
        try {
            scratch = Files.createTempDirectory("pl-impact-verify-");
        } catch (IOException e) {
            throw new RunFailure("cannot create a temporary directory: " + e.getMessage(), e);
        }
        try {
            reproduce(manifest, warehouse, inbox, scratch.toString(), key);
            try (Warehouse reproduced = Warehouse.open(scratch.toString())) {
                compare(manifest, reproduced, reproduced.runDir(runId), "reproduced", differing);
            }
        } catch (IOException e) {
            throw new RunFailure("cannot read the reproduction of " + runId + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(scratch);
        }
        if (differing.isEmpty()) {
            report.println("verified: run " + runId + " — all "
                    + manifest.outputs().size() + " output files match the manifest, as recorded and as reproduced"
                    + (tables > 0
                            ? "; the tag " + MartTables.tag(runId) + " of all " + tables + " tables lists them"
                            : ""));
            return ExitCode.OK.code();
        }
        differing.forEach(d -> report.println("differs: " + d));
        report.println("run " + runId + ": " + differing.size() + " mismatch(es) against its manifest");
        return ExitCode.VERIFY_MISMATCH.code();
    }

    private int reproduce(RunManifest manifest, String recordedIn, java.nio.file.Path inbox, String out, byte[] key) {
        String fingerprint = new EducatorPseudonym(key).fingerprint();
        if (!fingerprint.equals(manifest.configuration().pseudonymKeySha256())) {
            throw new RunFailure("PLI_PSEUDONYM_KEY is not the key run " + manifest.runId()
                    + " used (its SHA-256 fingerprint differs): educator_key values could not match");
        }
        checkInputs(manifest, inbox);
        Set<String> leaFiles = new HashSet<>();
        manifest.inputs().stream().filter(i -> !i.stateFile()).forEach(i -> leaFiles.add(i.path()));
        RunRequest request = new RunRequest(
                inbox.toAbsolutePath().normalize(),
                out,
                LocalDate.parse(manifest.asOf()),
                false,
                true,
                key,
                manifest.runId(),
                leaFiles,
                settings.withRecorded(manifest.configuration()),
                recordedIn,
                true); // an audit reproduces from the inbox alone
        return launcher.launch(request);
    }

    /** Every input the manifest lists must be in the inbox with the recorded SHA-256. */
    private static void checkInputs(RunManifest manifest, java.nio.file.Path inbox) {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (RunManifest.Input input : manifest.inputs()) {
            if (input.sha256() == null) {
                continue; // not a regular file when recorded (not_a_file, file_missing): nothing was read
            }
            java.nio.file.Path file = inbox.resolve(input.path());
            if (!Files.isRegularFile(file)) {
                missing.add(input.path());
                continue;
            }
            try {
                if (!Sha256.of(Files.newInputStream(file)).equals(input.sha256())) {
                    changed.add(input.path());
                }
            } catch (IOException e) {
                missing.add(input.path() + " (" + e.getMessage() + ")");
            }
        }
        if (!missing.isEmpty() || !changed.isEmpty()) {
            throw new RunFailure("the inbox " + inbox + " does not hold the inputs of run " + manifest.runId()
                    + (missing.isEmpty() ? "" : ": missing " + String.join(", ", missing))
                    + (changed.isEmpty() ? "" : ": changed (SHA-256 differs) " + String.join(", ", changed)));
        }
    }

    private static void compare(
            RunManifest manifest, Warehouse warehouse, Path runDir, String which, List<String> differing)
            throws IOException {
        FileSystem fs = warehouse.fs();
        Set<String> listed = new HashSet<>();
        for (RunManifest.Output output : manifest.outputs()) {
            listed.add(output.path());
            Path file = Warehouse.child(runDir, output.path());
            if (!fs.exists(file)) {
                differing.add(output.path() + " (" + which + ": missing)");
                continue;
            }
            String sha;
            try (InputStream in = fs.open(file)) {
                sha = Sha256.of(in);
            }
            if (!sha.equals(output.sha256())) {
                differing.add(
                        output.path() + " (" + which + ": SHA-256 " + sha + ", manifest " + output.sha256() + ")");
            }
        }
        for (String relative : warehouse.filesBelow(runDir)) {
            if (!listed.contains(relative)
                    && !ManifestStage.NOT_OUTPUTS.contains(relative)
                    && !relative.startsWith("work/")) {
                differing.add(relative + " (" + which + ": not in the manifest)");
            }
        }
    }

    private static RunManifest manifest(String warehouse, String runId) {
        try (Warehouse w = Warehouse.open(warehouse)) {
            Path runDir = w.runDir(runId);
            if (!w.fs().exists(runDir)) {
                List<String> runs = RunIds.list(w);
                throw new RunFailure("warehouse " + w.root() + " has no run " + runId
                        + (runs.isEmpty() ? " (it holds no runs)" : " (runs: " + String.join(", ", runs) + ")"));
            }
            Path file = new Path(runDir, RunManifest.FILE);
            if (!w.fs().exists(file)) {
                throw new RunFailure("run " + runId + " has no " + RunManifest.FILE + ": it never finished");
            }
            try (InputStream in = w.fs().open(file)) {
                return RunManifest.parse(in.readAllBytes());
            } catch (IllegalArgumentException e) {
                throw new RunFailure(
                        "the manifest of run " + runId + " (" + file + ") is not valid: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new RunFailure("cannot read warehouse " + warehouse + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(java.nio.file.Path dir) {
        try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
