package org.sea.pli.extract;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The inbox of docs/spec.md §1: the state's reference files and every file under an LEA folder,
 * each classified as read or ignored (with its reason). Listing order never matters: files are
 * sorted by LEA and name so that runs are deterministic whatever the file system returns.
 */
public record Inbox(Path root, StateRegistry state, List<InboxFile> files) {

    /**
     * An inbox of at most this many bytes is small (the committed sample-data/ is far below it, a
     * state-scale inbox far above): it is loaded on every core, because its memory never matters,
     * and jobs/pl-impact starts its JVM with the quick compiler only, because its run is over
     * before the optimizing compiler pays back.
     */
    public static final long SMALL_BYTES = 64L << 20;

    /**
     * Whether the regular files under {@code root} (state files included) add up to at most
     * {@link #SMALL_BYTES}; an inbox that cannot be walked is not small. Only a size class: it
     * decides speed settings, never what a run reads or writes.
     */
    public static boolean isSmall(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            long total = 0;
            for (Path p : (Iterable<Path>) paths::iterator) {
                total += Files.isRegularFile(p) ? p.toFile().length() : 0;
                if (total > SMALL_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public static Inbox scan(Path root, LocalDate asOf) {
        return scan(root, asOf, relativePath -> true);
    }

    /**
     * Scans only the files whose path relative to the inbox passes {@code include} — a rerun
     * (§7) sees exactly the files its manifest lists, whatever has arrived since.
     */
    public static Inbox scan(Path root, LocalDate asOf, java.util.function.Predicate<String> include) {
        if (!Files.isDirectory(root)) {
            throw new InboxException("inbox " + root + " is not a directory");
        }
        StateRegistry state = readState(root);
        List<InboxFile> files = new ArrayList<>();
        for (Path leaDir : sortedChildren(root)) {
            String lea = leaDir.getFileName().toString();
            if (!Files.isDirectory(leaDir) || lea.equals("_state")) {
                continue;
            }
            // §1: every entry directly under an LEA folder gets a row; only regular files are read
            List<Path> children = sortedChildren(leaDir).stream()
                    .filter(p -> include.test(lea + "/" + p.getFileName()))
                    .toList();
            Set<String> names = new HashSet<>();
            children.stream()
                    .filter(Inbox::isFile)
                    .forEach(p -> names.add(p.getFileName().toString()));
            for (Path file : children) {
                files.add(classify(root, lea, file, names, state, asOf));
            }
        }
        files.sort(Comparator.comparing(InboxFile::leaId).thenComparing(InboxFile::fileName));
        return new Inbox(root, state, Collections.unmodifiableList(files));
    }

    private static InboxFile classify(
            Path root, String lea, Path file, Set<String> siblings, StateRegistry state, LocalDate asOf) {
        String name = file.getFileName().toString();
        String relative = lea + "/" + name;
        boolean gzip = name.endsWith(".csv.gz");
        String stem = stem(name);
        String extract = extractOf(stem);
        LocalDate date = extract == null ? null : parseDate(stem.substring(extract.length() + 1));
        FileReason ignored = null;
        if (!isFile(file)) {
            ignored = FileReason.NOT_A_FILE; // never hashed nor opened, whatever the folder
        } else if (!state.leas().containsKey(lea)) {
            ignored = FileReason.UNKNOWN_LEA;
        } else if (extract == null) {
            ignored = FileReason.UNKNOWN_FILE;
        } else if (siblings.contains(gzip ? stem + ".csv" : stem + ".csv.gz")) {
            ignored = FileReason.AMBIGUOUS_FILE;
        } else if (date.isAfter(asOf)) {
            ignored = FileReason.AFTER_AS_OF;
        }
        return new InboxFile(lea, name, relative, file, extract, date, gzip, ignored);
    }

    /**
     * A path an earlier run recorded that the inbox no longer holds as a regular file (§1,
     * {@code file_missing}): extract and extract date from its name where valid.
     */
    public static InboxFile missingFile(String relativePath) {
        int slash = relativePath.indexOf('/');
        String lea = relativePath.substring(0, slash);
        String name = relativePath.substring(slash + 1);
        String stem = stem(name);
        String extract = extractOf(stem);
        LocalDate date = extract == null ? null : parseDate(stem.substring(extract.length() + 1));
        return new InboxFile(
                lea, name, relativePath, null, extract, date, name.endsWith(".csv.gz"), FileReason.FILE_MISSING);
    }

    /** The name without {@code .csv} or {@code .csv.gz}, or null when it has neither. */
    private static String stem(String name) {
        return name.endsWith(".csv.gz")
                ? name.substring(0, name.length() - 7)
                : name.endsWith(".csv") ? name.substring(0, name.length() - 4) : null;
    }

    /** The extract of a stem {@code <extract>_<YYYY-MM-DD>} with a valid date, or null. */
    private static String extractOf(String stem) {
        if (stem == null) {
            return null;
        }
        int cut = stem.lastIndexOf('_');
        if (cut > 0 && ExtractSchema.isExtract(stem.substring(0, cut)) && parseDate(stem.substring(cut + 1)) != null) {
            return stem.substring(0, cut);
        }
        return null;
    }

    /**
     * A regular file, or a link to one (§1); a subfolder, a broken or looping link, a FIFO or a
     * socket is not, and is classified without being opened (a FIFO would block the run).
     */
    private static boolean isFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p) && Files.isRegularFile(p);
    }

    private static LocalDate parseDate(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InboxException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static StateRegistry readState(Path root) {
        Map<String, String> leas = new TreeMap<>();
        Map<String, String> regions = new TreeMap<>();
        for (List<String> row : readStateFile(root, "leas.csv", List.of("lea_id", "lea_name", "region"))) {
            if (!row.get(0).isEmpty()) {
                if (leas.put(row.get(0), row.get(1)) != null) { // §1: which name and region would count?
                    throw new InboxException("_state/leas.csv lists lea_id " + row.get(0) + " twice");
                }
                regions.put(row.get(0), row.get(2));
            }
        }
        Set<String> dimensions = new TreeSet<>();
        for (List<String> row : readStateFile(root, "rubric.csv", List.of("dimension", "description"))) {
            if (!row.get(0).isEmpty() && !dimensions.add(row.get(0))) {
                throw new InboxException("_state/rubric.csv lists dimension " + row.get(0) + " twice");
            }
        }
        if (leas.isEmpty()) {
            throw new InboxException("_state/leas.csv lists no LEA");
        }
        if (dimensions.isEmpty()) {
            throw new InboxException("_state/rubric.csv lists no rubric dimension");
        }
        return new StateRegistry(
                Collections.unmodifiableMap(leas),
                Collections.unmodifiableMap(regions),
                Collections.unmodifiableSet(dimensions));
    }

    /** Reads a small {@code _state} file whole; returns rows as the listed columns, trimmed. */
    private static List<List<String>> readStateFile(Path root, String name, List<String> columns) {
        Path file = root.resolve("_state").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new InboxException("missing state file _state/" + name + " in inbox " + root);
        }
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = CsvFiles.strictUtf8(Files.newInputStream(file));
                CsvReader<CsvRecord> csv = CsvFiles.reader(reader)) {
            int[] at = null;
            for (CsvRecord r : csv) {
                if (at == null) {
                    at = new int[columns.size()];
                    List<String> header = r.getFields().stream()
                            .map(h -> h.strip().toLowerCase(Locale.ROOT))
                            .toList();
                    for (int i = 0; i < columns.size(); i++) {
                        at[i] = header.indexOf(columns.get(i));
                        if (at[i] < 0) {
                            throw new InboxException("_state/" + name + " lacks column " + columns.get(i));
                        }
                    }
                    continue;
                }
                List<String> row = new ArrayList<>();
                for (int i : at) {
                    row.add(i < r.getFieldCount() ? r.getField(i).strip() : "");
                }
                rows.add(row);
            }
            if (at == null) {
                throw new InboxException("_state/" + name + " has no header");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InboxException ie) {
                throw ie;
            }
            throw new InboxException("cannot read _state/" + name + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
