package org.sea.pli.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.QuarantineStore;
import org.sea.pli.parquet.WrittenFile;
import org.sea.pli.storage.Sha256;
import org.sea.pli.storage.Warehouse;

/**
 * The load and marts stages as plain classes, without Spring (spec §6 restart): loading again
 * under the same run id restores every LEA from its checkpoint instead of reading it, and the
 * restored result gives the same marts, byte for byte.
 */
class LoadStageTest {

    private static final java.nio.file.Path SAMPLE =
            java.nio.file.Path.of("sample-data").toAbsolutePath();
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    private static final byte[] KEY = "load-stage-test-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @TempDir
    java.nio.file.Path tmp;

    private static LoadStage nightly(Warehouse w, String runId, byte[] key) {
        return new LoadStage(
                new LoadStage.Request(SAMPLE, AS_OF, null, 0.05, 2, true, false, true),
                w,
                runId,
                Duration.ofHours(1),
                key);
    }

    /** What a finished, published run does with its checkpoints (PublishStage). */
    private static void finish(Warehouse w, String runId) throws java.io.IOException {
        LeaResultDir.checkpoints(w, runId, null).moveInto(LeaResultDir.store(w, null));
    }

    @Test
    void aNightAfterAFinishedRunReusesEveryUnchangedLeaAndGivesTheSameMartsAndQuarantine() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            LoadResult first = nightly(w, "2026-06-30_1", KEY).load();
            assertThat(first.reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 0, 0));
            finish(w, "2026-06-30_1");

            LoadResult second = nightly(w, "2026-06-30_2", KEY).load();

            assertThat(second.reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 7, 0));
            // restored models hold no tallies until the marts ask for their school years (§6.1)
            org.sea.pli.model.LeaModel restored = second.models().all().get(0);
            assertThat(restored.years()).isNotEmpty();
            assertThatThrownBy(() -> org.sea.pli.model.LeaYear.of(
                            restored,
                            restored.years().iterator().next(),
                            org.sea.pli.model.GrowthStandardization.of(List.of())))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(second.reuse().summary()).isEqualTo("7 of 7 LEAs unchanged since the last finished run, 0 read");
            assertThat(second.outcomes()).isEqualTo(first.outcomes()); // readNanos too: nothing read again
            assertThat(tree(w, new Path(w.runDir("2026-06-30_2"), "quarantine")))
                    .isNotEmpty()
                    .isEqualTo(tree(w, new Path(w.runDir("2026-06-30_1"), "quarantine")));
            assertThat(marts(w, "2026-06-30_3", second)).isEqualTo(marts(w, "2026-06-30_4", first));
        }
    }

    @Test
    void aChangedLeaIsReadOnlyForTheSchoolYearsItsNewFileClaimsAndLoadsAsAFullReadWould() throws Exception {
        java.nio.file.Path inbox = tmp.resolve("inbox");
        try (var paths = java.nio.file.Files.walk(SAMPLE)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) paths::iterator) {
                java.nio.file.Path to = inbox.resolve(SAMPLE.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(p, to);
                }
            }
        }
        LocalDate nextDay = AS_OF.plusDays(1);
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString());
                Warehouse fresh = Warehouse.open(tmp.resolve("fresh").toString())) {
            LoadResult first = at(w, "2026-06-30_1", inbox, AS_OF, true).load();
            finish(w, "2026-06-30_1");
            // lea-0001 sends its 2025-26 attendance again, one row fewer: its files are one school
            // year each, so only the 2025-26 attendance files are read again; its other 2025-26
            // files, the 2024-25 ones and their tallies stand
            java.nio.file.Path lea = inbox.resolve("lea-0001");
            List<String> lines = java.nio.file.Files.readAllLines(lea.resolve("attendance_2026-06-30.csv"));
            java.nio.file.Files.write(lea.resolve("attendance_2026-07-01.csv"), lines.subList(0, lines.size() - 1));

            LoadResult second = at(w, "2026-07-01_1", inbox, nextDay, true).load();
            LoadResult full = at(fresh, "2026-07-01_1", inbox, nextDay, false).load();

            assertThat(second.reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 6, 1));
            assertThat(second.reuse().summary())
                    .isEqualTo("6 of 7 LEAs unchanged since the last finished run, 1 read (1 of them only for the"
                            + " extracts and school years that changed)");
            int kept = 0;
            for (FileOutcome o : second.outcomes()) {
                String name = o.file().fileName();
                if (o.file().leaId().equals("lea-0001")
                        && (name.endsWith("_2025-06-30.csv")
                                || (name.endsWith("_2026-06-30.csv") && !name.startsWith("attendance")))) {
                    kept++;
                    FileOutcome before = first.outcomes().stream()
                            .filter(b -> b.file().relativePath().equals(o.file().relativePath()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(o.result())
                            .as(o.file() + ": kept, not read again (readNanos too)")
                            .isEqualTo(before.result());
                }
            }
            // 7 files of 2024-25, 7 of 2025-26 (6 extracts and the roster, which is only hashed)
            assertThat(kept).as("lea-0001's files but its 2025-26 attendance").isEqualTo(14);
            assertThat(second.outcomes())
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("result.readNanos")
                    .isEqualTo(full.outcomes());
            assertThat(tree(w, new Path(w.runDir("2026-07-01_1"), "quarantine")))
                    .isNotEmpty()
                    .isEqualTo(tree(fresh, new Path(fresh.runDir("2026-07-01_1"), "quarantine")));
            assertThat(marts(w, "2026-07-01_2", second)).isEqualTo(marts(fresh, "2026-07-01_2", full));

            // the next night, a 2024-25 file of lea-0001 is gone (its outcome in the stored result
            // names a path that is no longer there): 2024-25 is read again, 2025-26 kept
            finish(w, "2026-07-01_1");
            java.nio.file.Files.delete(lea.resolve("satisfaction_2025-06-30.csv"));
            LoadResult third = at(w, "2026-07-01_3", inbox, nextDay, true).load();
            LoadResult fullAgain =
                    at(fresh, "2026-07-01_3", inbox, nextDay, false).load();

            assertThat(third.reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 6, 1));
            assertThat(third.outcomes())
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("result.readNanos")
                    .isEqualTo(fullAgain.outcomes());
            assertThat(tree(w, new Path(w.runDir("2026-07-01_3"), "quarantine")))
                    .isEqualTo(tree(fresh, new Path(fresh.runDir("2026-07-01_3"), "quarantine")));
            assertThat(marts(w, "2026-07-01_4", third)).isEqualTo(marts(fresh, "2026-07-01_4", fullAgain));
        }
    }

    private static LoadStage at(Warehouse w, String runId, java.nio.file.Path inbox, LocalDate asOf, boolean reuse) {
        return new LoadStage(
                new LoadStage.Request(inbox, asOf, null, 0.05, 2, true, false, reuse),
                w,
                runId,
                Duration.ofHours(1),
                KEY);
    }

    @Test
    void aStoredResultUnderAnotherPseudonymKeyOrTornIsLoadedAgainNeverFatal() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            LoadResult first = nightly(w, "2026-06-30_1", KEY).load();
            finish(w, "2026-06-30_1");
            byte[] otherKey = "another-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // encrypted under a key derived from the pseudonym key: another key cannot read it
            assertThat(nightly(w, "2026-06-30_2", otherKey).load().reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 0, 0));

            Path torn = LeaResultDir.store(w, null).file("lea-0002");
            byte[] bytes;
            try (InputStream in = w.fs().open(torn)) {
                bytes = in.readAllBytes();
            }
            try (OutputStream out = w.fs().create(torn, true)) {
                out.write(bytes, 0, bytes.length - 40); // the tag and the end of the body lost
            }
            LoadResult again = nightly(w, "2026-06-30_3", KEY).load();
            assertThat(again.reuse()).as("only the torn LEA read again").isEqualTo(new LoadResult.Reuse(7, 0, 6, 0));
            assertThat(again.outcomes())
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("result.readNanos")
                    .isEqualTo(first.outcomes());
        }
    }

    @Test
    void aStoredYearDamagedAfterTheLoadFailsTheMartsAndARestartReadsThatLeaAgain() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            LoadResult first = nightly(w, "2026-06-30_1", KEY).load();
            finish(w, "2026-06-30_1");
            LoadResult second = nightly(w, "2026-06-30_2", KEY).load();
            assertThat(second.reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 7, 0));

            // a byte of the last school year's part flipped: the file keeps its length and layout,
            // so the load took it; the part's tag fails only when the marts read that year
            Path damaged = LeaResultDir.store(w, null).file("lea-0002");
            byte[] bytes;
            try (InputStream in = w.fs().open(damaged)) {
                bytes = in.readAllBytes();
            }
            bytes[bytes.length - 20] ^= 1;
            try (OutputStream out = w.fs().create(damaged, true)) {
                out.write(bytes);
            }
            assertThatThrownBy(() -> marts(w, "2026-06-30_2", second))
                    .hasMessageContaining("cannot be read")
                    .hasMessageContaining("a restart of this run reads the LEA's files again");
            assertThat(w.fs().exists(damaged))
                    .as("removed, so that a restart can succeed")
                    .isFalse();

            LoadResult restarted = nightly(w, "2026-06-30_2", KEY).load();
            assertThat(restarted.reuse()).isEqualTo(new LoadResult.Reuse(7, 0, 6, 0));
            assertThat(marts(w, "2026-06-30_2", restarted)).isEqualTo(marts(w, "2026-06-30_3", first));
        }
    }

    private static LoadStage stage(Warehouse w, String runId) {
        return new LoadStage(
                new LoadStage.Request(SAMPLE, AS_OF, null, 0.05, 2, true, false, false),
                w,
                runId,
                Duration.ofHours(1),
                KEY);
    }

    @Test
    void aSecondLoadOfTheSameRunRestoresFromCheckpointsAndGivesTheSameMarts() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            LoadResult fresh = stage(w, "2026-06-30_1").load();
            assertThat(fresh.rowsRejected())
                    .as("sample-data has rejected rows to quarantine")
                    .isPositive();
            Path quarantine = new Path(w.runDir("2026-06-30_1"), "quarantine");
            java.util.Map<String, String> quarantined = tree(w, quarantine);
            assertThat(quarantined).isNotEmpty();
            w.fs().delete(quarantine, true);

            LoadResult restored = stage(w, "2026-06-30_1").load();

            // a file read again would take its own time: equal readNanos mean every LEA was restored
            assertThat(restored.outcomes()).isEqualTo(fresh.outcomes());
            assertThat(restored.reuse()).isEqualTo(new LoadResult.Reuse(7, 7, 0, 0));
            assertThat(tree(w, quarantine))
                    .as("the quarantine restored with the checkpoints")
                    .isEqualTo(quarantined);
            assertThat(restored.rowsRead()).isEqualTo(fresh.rowsRead());
            assertThat(restored.rowsAccepted()).isEqualTo(fresh.rowsAccepted());
            assertThat(restored.rowsRejected()).isEqualTo(fresh.rowsRejected());
            assertThat(marts(w, "2026-06-30_1", restored)).isEqualTo(marts(w, "2026-06-30_2", fresh));
        }
    }

    /** Every file under {@code dir}: path relative to it → SHA-256 of its bytes. */
    static java.util.Map<String, String> tree(Warehouse w, Path dir) throws java.io.IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        if (!w.fs().exists(dir)) {
            return files;
        }
        var it = w.fs().listFiles(dir, true);
        String root = dir.toUri().getPath();
        while (it.hasNext()) {
            Path p = it.next().getPath();
            try (InputStream in = w.fs().open(p)) {
                files.put(p.toUri().getPath().substring(root.length()), Sha256.of(in));
            }
        }
        return files;
    }

    @Test
    void aCheckpointFromAnotherVersionOrFormatIsLoadedAgainNeverRestoredNorFatal() throws Exception {
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            LoadResult fresh = stage(w, "2026-06-30_1").load();
            Path dir = new Path(w.runDir("2026-06-30_1"), "work/lea");
            List<Path> files = new ArrayList<>();
            for (org.apache.hadoop.fs.FileStatus f : w.fs().listStatus(dir)) {
                files.add(f.getPath());
            }
            assertThat(files).hasSizeGreaterThan(2);
            // one checkpoint of an older pl-impact, one of a later format, one not a checkpoint at all;
            // their bodies are garbage: a reader that looked past the header would fail on them
            byte[] garbage = "not a serialized checkpoint".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < files.size(); i++) {
                try (java.io.DataOutputStream out = new java.io.DataOutputStream(w.fs().create(files.get(i), true))) {
                    if (i == 0) {
                        LeaResultFormat.writeHeader(
                                out,
                                new LeaResultFormat.Header(
                                        LeaResultFormat.FORMAT,
                                        org.sea.pli.model.LeaModelFormat.VERSION,
                                        "0.0.1-older",
                                        "settings",
                                        "key"));
                    } else if (i == 1) {
                        LeaResultFormat.writeHeader(
                                out,
                                new LeaResultFormat.Header(
                                        LeaResultFormat.FORMAT + 1,
                                        org.sea.pli.model.LeaModelFormat.VERSION,
                                        ToolVersion.plImpact(),
                                        "settings",
                                        "key"));
                    }
                    out.write(garbage);
                }
            }
            Path quarantine = new Path(w.runDir("2026-06-30_1"), "quarantine");
            w.fs().delete(quarantine, true);

            LoadResult again = stage(w, "2026-06-30_1").load();

            assertThat(w.fs().exists(quarantine)).as("the LEAs were read again").isTrue();
            assertThat(again.outcomes()) // a read again takes its own time: readNanos differs
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("result.readNanos")
                    .isEqualTo(fresh.outcomes());
            assertThat(again.rowsAccepted()).isEqualTo(fresh.rowsAccepted());
            assertThat(marts(w, "2026-06-30_1", again)).isEqualTo(marts(w, "2026-06-30_2", fresh));
            // and the checkpoints are rewritten in this version's format
            try (java.io.DataInputStream in = new java.io.DataInputStream(w.fs().open(files.get(0)))) {
                assertThat(in.readUTF()).isEqualTo(LeaResultFormat.MAGIC);
                assertThat(in.readInt()).isEqualTo(LeaResultFormat.FORMAT);
                assertThat(in.readInt()).isEqualTo(org.sea.pli.model.LeaModelFormat.VERSION);
                assertThat(in.readUTF()).isEqualTo(ToolVersion.plImpact());
            }
        }
    }

    @Test
    void theInMemoryLoadHasTheOutcomesOfTheWarehouseLoad() throws Exception {
        List<String> quarantined = new ArrayList<>();
        QuarantineStore memory = new QuarantineStore() {
            @Override
            public OutputStream create(String relativePath) {
                quarantined.add(relativePath);
                return OutputStream.nullOutputStream();
            }

            @Override
            public void delete(String relativePath) {
                quarantined.remove(relativePath);
            }
        };
        LoadResult inMemory = InMemoryLoad.load(SAMPLE, AS_OF, 0.05, memory);
        try (Warehouse w = Warehouse.open(tmp.resolve("w").toString())) {
            LoadResult warehouse = stage(w, "2026-06-30_1").load();
            assertThat(inMemory.outcomes())
                    .extracting(FileOutcome::status)
                    .isEqualTo(warehouse.outcomes().stream()
                            .map(FileOutcome::status)
                            .toList());
            assertThat(inMemory.rowsRejected()).isEqualTo(warehouse.rowsRejected());
            assertThat(quarantined)
                    .containsExactlyInAnyOrderElementsOf(
                            w.filesBelow(new Path(w.runDir("2026-06-30_1"), "quarantine")));
        }
    }

    /** Each mart file's path and SHA-256, as the marts stage writes them from a load result. */
    private static List<String> marts(Warehouse w, String runId, LoadResult load) throws Exception {
        List<WrittenFile> written = new MartsStage(
                        w,
                        runId,
                        new MartsStage.Settings(
                                10, 0.5, 10, "test-key".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        false)
                .write(load)
                .result();
        assertThat(written).isNotEmpty();
        List<String> hashes = new ArrayList<>();
        for (WrittenFile f : written) {
            try (InputStream in = w.fs().open(new Path(w.martsDir(runId), f.path()))) {
                hashes.add(f.path() + " " + Sha256.of(in));
            }
        }
        return hashes;
    }

    /** a small inbox loads on every core, a large one on half; a configured count always wins. */
    @Test
    void loaderThreadsFollowTheInboxSizeUnlessConfigured() {
        assertThat(LoadStage.loaderThreads(0, true, 2)).isEqualTo(2); // a small inbox on two cores
        assertThat(LoadStage.loaderThreads(0, true, 8)).isEqualTo(8);
        assertThat(LoadStage.loaderThreads(0, false, 2)).isEqualTo(2); // a large inbox on two cores
        assertThat(LoadStage.loaderThreads(0, false, 8)).isEqualTo(4);
        assertThat(LoadStage.loaderThreads(0, false, 16)).isEqualTo(4); // at most four: the heap is capped by the inbox
        assertThat(LoadStage.loaderThreads(0, false, 1)).isEqualTo(1); // never 0 threads
        assertThat(LoadStage.loaderThreads(3, false, 2)).isEqualTo(3); // --pli.threads=3
        assertThat(LoadStage.loaderThreads(1, true, 8)).isEqualTo(1);
    }

    /** The size class behind it: sample-data/ (about 5 MB) is small; a file over 64 MiB is not. */
    @Test
    void sampleDataIsASmallInboxAndOneLargeFileMakesALargeOne() throws Exception {
        assertThat(org.sea.pli.extract.Inbox.isSmall(SAMPLE)).isTrue();
        java.nio.file.Path large = tmp.resolve("large");
        java.nio.file.Files.createDirectories(large.resolve("lea-1"));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(
                large.resolve("lea-1/attendance_2026-06-30.csv").toFile(), "rw")) {
            f.setLength(org.sea.pli.extract.Inbox.SMALL_BYTES + 1); // sparse: no disk used
        }
        assertThat(org.sea.pli.extract.Inbox.isSmall(large)).isFalse();
        assertThat(org.sea.pli.extract.Inbox.isSmall(tmp.resolve("no-such-inbox")))
                .isFalse();
    }
}
