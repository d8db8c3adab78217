package org.sea.pli.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Loads one LEA's files (docs/spec.md §1.1, §2, §3): {@code pl_activities} first, because every other
 * extract is checked against its in-force activities; within an extract, newest file first, so
 * that a file's rows are committed for exactly the school years no newer accepted file claimed
 * and nothing but one file's uncommitted rows is ever held.
 */
public final class LeaLoader {

    private final ExtractFileReader reader;
    private final FoldFactory folds;

    public LeaLoader(ExtractFileReader reader, FoldFactory folds) {
        this.reader = reader;
        this.folds = folds;
    }

    /** Outcomes of every file of the LEA (read or ignored), in file-name order. */
    public List<FileOutcome> load(String leaId, List<InboxFile> files) throws IOException {
        return load(leaId, files, Map.of());
    }

    /**
     * As {@link #load(String, List)}, for some of an LEA's files: {@code knownActivities} holds, for
     * school years none of {@code files} is a {@code pl_activities} file of, the activity ids in
     * force (from the LEA's stored result), which rows of the other extracts are checked against.
     */
    public List<FileOutcome> load(String leaId, List<InboxFile> files, Map<Integer, Set<String>> knownActivities)
            throws IOException {
        Map<InboxFile, FileOutcome> outcomes = new HashMap<>();
        for (InboxFile f : files) {
            if (f.ignored() == FileReason.NOT_A_FILE) {
                outcomes.put(
                        f, new FileOutcome(f, null, 0, null, f.ignored().status(), f.ignored())); // §5.7: not hashed
            } else if (f.ignored() != null) {
                outcomes.put(
                        f,
                        new FileOutcome(
                                f,
                                ExtractFileReader.sha256(f),
                                java.nio.file.Files.size(f.path()),
                                null,
                                f.ignored().status(),
                                f.ignored()));
            }
        }
        Map<Integer, Set<String>> activities = new HashMap<>();
        ActivityCatalog catalog = (year, id) -> {
            Set<String> ids = activities.get(year); // one lookup per row when the activities were read
            if (ids == null) {
                ids = knownActivities.get(year); // never a year whose pl_activities files are read here
            }
            return ids != null && ids.contains(id);
        };
        for (String extract : ExtractSchema.NAMES) {
            ExtractSchema schema = ExtractSchema.of(extract);
            List<InboxFile> newestFirst = files.stream()
                    .filter(f -> f.ignored() == null && f.extract().equals(extract))
                    .sorted(Comparator.comparing(InboxFile::extractDate).reversed())
                    .toList();
            Set<Integer> claimed = new HashSet<>();
            List<Read> reads = new ArrayList<>();
            for (InboxFile f : newestFirst) {
                ExtractFold fold = folds.open(leaId, schema);
                if (extract.equals(ExtractSchema.ACTIVITIES)) {
                    fold = new CatalogFold(schema, activities, fold);
                }
                FileResult result = reader.read(f, catalog, fold);
                SortedSet<Integer> inForce = new TreeSet<>();
                if (result.rejected() == null) {
                    for (int year : result.acceptedYears()) {
                        if (claimed.add(year)) {
                            inForce.add(year);
                            fold.commit(year);
                        }
                    }
                }
                reads.add(new Read(f, result, inForce));
            }
            for (int i = 0; i < reads.size(); i++) {
                Read r = reads.get(i);
                outcomes.put(
                        r.file,
                        new FileOutcome(
                                r.file,
                                r.result.sha256(),
                                r.result.bytes(),
                                r.result,
                                status(r, reads.subList(0, i)),
                                r.result.rejected()));
            }
        }
        return files.stream().map(outcomes::get).toList();
    }

    /** §1.1 status of an accepted or rejected file, given the newer files of its LEA and extract. */
    private static FileStatus status(Read read, List<Read> newer) {
        if (read.result.rejected() != null) {
            return FileStatus.REJECTED;
        }
        if (read.inForce.isEmpty()) {
            return FileStatus.SUPERSEDED;
        }
        for (Read n : newer) {
            if (n.result.rejected() == null) {
                continue;
            }
            SortedSet<Integer> claims = n.result.claimedYears();
            if (claims == null || read.inForce.stream().anyMatch(claims::contains)) {
                return FileStatus.STALE_IN_FORCE;
            }
        }
        return FileStatus.IN_FORCE;
    }

    private record Read(InboxFile file, FileResult result, SortedSet<Integer> inForce) {}

    /** Builds the LEA's in-force activity catalog from committed {@code pl_activities} rows. */
    private static final class CatalogFold implements ExtractFold {
        private final Map<Integer, Set<String>> catalog;
        private final ExtractFold next;
        private final Map<Integer, Set<String>> pending = new HashMap<>();
        private final int year;
        private final int id;

        CatalogFold(ExtractSchema schema, Map<Integer, Set<String>> catalog, ExtractFold next) {
            this.catalog = catalog;
            this.next = next;
            this.year = schema.index("school_year");
            this.id = schema.index("activity_id");
        }

        @Override
        public void accept(ExtractRow row) {
            pending.computeIfAbsent(row.schoolYear(year), y -> new HashSet<>()).add(row.text(id));
            next.accept(row);
        }

        @Override
        public void commit(int schoolYear) {
            catalog.put(schoolYear, pending.getOrDefault(schoolYear, Set.of()));
            next.commit(schoolYear);
        }
    }
}
