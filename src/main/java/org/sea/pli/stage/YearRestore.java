package org.sea.pli.stage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaModels;
import org.sea.pli.storage.Warehouse;

/**
 * A changed LEA loaded in part (docs/spec.md §6.1, {@link YearReread}): the files of its touched
 * school years read, everything else taken from its stored result — the kept files' outcomes and
 * quarantine files, the untouched years' tallies — so that the LEA's outcomes, quarantine and
 * model are those a read of every file gives.
 */
final class YearRestore {

    /**
     * Reads the plan's files into the LEA's model; their outcomes in file order. {@code
     * knownActivities}: the activity ids in force of the school years whose {@code pl_activities}
     * tallies are kept, which the read files' rows are checked against.
     */
    interface Read {
        List<FileOutcome> files(Map<Integer, Set<String>> knownActivities) throws Exception;
    }

    private YearRestore() {}

    static List<FileOutcome> load(
            String lea,
            List<InboxFile> files,
            YearReread.Plan plan,
            LeaResultFormat.Saved earlier,
            LeaModels models,
            FileSystem fs,
            Path leaQuarantine,
            Read reading)
            throws Exception {
        LeaModel before = earlier.model();
        Map<Integer, Set<String>> knownActivities = new HashMap<>();
        if (before != null && !plan.keptExtracts().isEmpty()) {
            before.readYears(plan.keptExtracts().keySet()); // partly kept: decoded, to take some tallies
            plan.keptExtracts().forEach((year, extracts) -> {
                Set<String> ids = extracts.contains(ExtractSchema.ACTIVITIES) ? before.activityIds(year) : null;
                if (ids != null) {
                    knownActivities.put(year, ids);
                }
            });
        }
        if (files.stream().anyMatch(f -> f.ignored() == null)) {
            // a read of every file opens a fold, so the LEA has a model; its rubric dimensions start
            // with the stored ones, by which the kept years' tallies are indexed
            LeaModel model = models.model(lea);
            if (before != null) {
                model.seedDimensions(before.dimensions());
            }
        }
        List<FileOutcome> read = reading.files(knownActivities);
        if (before != null && !plan.keptYears().isEmpty()) {
            models.model(lea).adoptYears(before, plan.keptYears());
        }
        if (before != null) {
            plan.keptExtracts().forEach((year, extracts) -> models.model(lea).adoptExtracts(before, year, extracts));
        }
        Map<String, FileOutcome> byPath = new HashMap<>();
        read.forEach(o -> byPath.put(o.file().relativePath(), o));
        Map<String, FileOutcome> stored = new HashMap<>();
        earlier.outcomes().forEach(o -> stored.put(o.file().relativePath(), o));
        for (InboxFile f : plan.kept()) {
            FileOutcome o = stored.get(f.relativePath());
            byPath.put(f.relativePath(), new FileOutcome(f, o.sha256(), o.bytes(), o.result(), o.status(), o.reason()));
            byte[] quarantine = earlier.quarantine().get(f.quarantineName());
            if (quarantine != null) {
                write(fs, Warehouse.child(leaQuarantine, f.quarantineName()), quarantine);
            }
        }
        return files.stream().map(f -> byPath.get(f.relativePath())).toList();
    }

    private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }
}
