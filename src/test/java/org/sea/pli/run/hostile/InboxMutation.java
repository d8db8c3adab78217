package org.sea.pli.run.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The catalogue of what a hostile LEA or a careless operator does to an inbox. Each
 * mutation changes one LEA folder (recorded in {@link Mutated#touched}), adds a folder no registry
 * LEA owns, or changes a {@code _state} file ({@link Mutated#state}); it returns what it did, so a
 * failing seed reads as a story.
 */
enum InboxMutation {
    RENAME,
    TRUNCATE,
    FLIP_BYTES,
    UTF16,
    CORRUPT_GZIP,
    DUPLICATE_HEADER_COLUMN,
    SHUFFLE_COLUMNS,
    FORMULA_FIELDS,
    BROKEN_LINK_IN_PLACE,
    NEW_BROKEN_LINK,
    MOVE_INTO_SUBFOLDER,
    DIRECTORY_IN_PLACE,
    DELETE,
    EMPTY_FILE,
    ODD_LEA_FOLDER,
    ODD_FILE_NAME,
    DUPLICATE_STATE_ID;

    /** What the mutations of one try changed. */
    static final class Mutated {
        final Set<String> touched = new java.util.TreeSet<>();
        boolean state;
        final List<String> story = new ArrayList<>();
    }

    private static final List<String> FORMULAS =
            List.of("=HYPERLINK(\"http://x\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3", "\t=1", "\r=1");

    /** Odd names; the non-ASCII ones only where the JVM can encode them (sun.jnu.encoding). */
    static List<String> oddNames() {
        List<String> names = new ArrayList<>(List.of("L00:1", "a%20b", "x y", "50%", "a:b#c?d", "-rf"));
        if (Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
                .newEncoder()
                .canEncode("ü")) {
            names.addAll(List.of("L00ü", "asistencia_ñ", "日本"));
        }
        return names;
    }

    void apply(Random r, Path inbox, Mutated m) throws IOException {
        String lea = TinyInbox.LEAS.get(r.nextInt(TinyInbox.LEAS.size()));
        Path dir = inbox.resolve(lea);
        List<Path> files = regularFiles(dir);
        Path file = files.isEmpty() ? null : files.get(r.nextInt(files.size()));
        if (file == null && this != ODD_LEA_FOLDER && this != DUPLICATE_STATE_ID && this != NEW_BROKEN_LINK) {
            return; // the folder lost its files to earlier mutations
        }
        String what = switch (this) {
            case RENAME -> {
                String name = file.getFileName().toString();
                String to = List.of(
                                name.replace(TinyInbox.DATE, "2026-05-01"),
                                name.toUpperCase(Locale.ROOT),
                                name.replace(".csv", ".txt"),
                                name.replace(TinyInbox.DATE, "2026-13-01"),
                                name.replace(TinyInbox.DATE, "2027-01-01"))
                        .get(r.nextInt(5));
                Files.move(file, file.resolveSibling(to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                yield "renamed " + name + " to " + to;
            }
            case TRUNCATE -> {
                byte[] b = Files.readAllBytes(file);
                int at = r.nextInt(Math.max(1, b.length));
                Files.write(file, java.util.Arrays.copyOf(b, at));
                yield "truncated " + file.getFileName() + " at byte " + at;
            }
            case FLIP_BYTES -> {
                byte[] b = Files.readAllBytes(file);
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n && b.length > 0; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                Files.write(file, b);
                yield "flipped " + n + " bit(s) of " + file.getFileName();
            }
            case UTF16 -> {
                Files.write(
                        file,
                        Files.readString(file, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16));
                yield "re-encoded " + file.getFileName() + " as UTF-16";
            }
            case CORRUPT_GZIP -> {
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(gz)) {
                    out.write(Files.readAllBytes(file));
                }
                byte[] b = gz.toByteArray();
                b = r.nextBoolean() ? java.util.Arrays.copyOf(b, b.length / 2) : flip(b, 10 + r.nextInt(b.length - 10));
                Path target = file.resolveSibling(file.getFileName() + ".gz");
                Files.delete(file);
                Files.write(target, b);
                yield "replaced " + file.getFileName() + " by a corrupt " + target.getFileName();
            }
            case DUPLICATE_HEADER_COLUMN -> {
                List<String> lines = new ArrayList<>(Files.readAllLines(file));
                String first = lines.get(0).split(",")[0];
                lines.set(0, lines.get(0) + "," + first.toUpperCase(Locale.ROOT)); // names are case-insensitive (§1)
                for (int i = 1; i < lines.size(); i++) {
                    lines.set(i, lines.get(i) + ",dup");
                }
                Files.write(file, lines);
                yield "named column " + first + " twice in " + file.getFileName();
            }
            case SHUFFLE_COLUMNS -> {
                List<String> lines = Files.readAllLines(file);
                int width = lines.get(0).split(",", -1).length;
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, r);
                List<String> shuffled = new ArrayList<>();
                for (String line : lines) {
                    String[] f = line.split(",", -1);
                    List<String> out = new ArrayList<>();
                    for (int i : order) {
                        out.add(i < f.length ? f[i] : "");
                    }
                    shuffled.add(String.join(",", out));
                }
                Files.write(file, shuffled);
                yield "shuffled the columns of " + file.getFileName();
            }
            case FORMULA_FIELDS -> {
                List<String> lines = new ArrayList<>(Files.readAllLines(file));
                int width = lines.get(0).split(",", -1).length;
                for (int k = 0; k < 1 + r.nextInt(3); k++) {
                    List<String> row = new ArrayList<>();
                    for (int i = 0; i < width; i++) {
                        String formula = FORMULAS.get(r.nextInt(FORMULAS.size()));
                        row.add("\"" + formula.replace("\"", "\"\"") + "\"");
                    }
                    lines.add(String.join(",", row));
                }
                Files.write(file, lines);
                yield "appended formula rows to " + file.getFileName();
            }
            case BROKEN_LINK_IN_PLACE -> {
                Files.delete(file);
                Files.createSymbolicLink(file, inbox.resolve("nowhere-" + r.nextInt(100)));
                yield "replaced " + file.getFileName() + " by a broken link";
            }
            case NEW_BROKEN_LINK -> {
                Path link = dir.resolve("attendance_2026-02-0" + (1 + r.nextInt(9)) + ".csv");
                if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    yield "kept " + link.getFileName();
                }
                Files.createDirectories(dir);
                Files.createSymbolicLink(link, inbox.resolve("gone.csv"));
                yield "added a broken link " + link.getFileName();
            }
            case MOVE_INTO_SUBFOLDER -> {
                Path sub = Files.createDirectories(dir.resolve("archive"));
                Files.move(file, sub.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                yield "moved " + file.getFileName() + " into archive/";
            }
            case DIRECTORY_IN_PLACE -> {
                Files.delete(file);
                Files.createDirectories(file.resolve("inner"));
                yield "replaced " + file.getFileName() + " by a directory";
            }
            case DELETE -> {
                Files.delete(file);
                yield "deleted " + file.getFileName();
            }
            case EMPTY_FILE -> {
                Path empty = file.resolveSibling(file.getFileName().toString().replace(TinyInbox.DATE, "2026-06-15"));
                Files.write(empty, new byte[0]);
                yield "added an empty " + empty.getFileName();
            }
            case ODD_LEA_FOLDER -> {
                String name = oddNames().get(r.nextInt(oddNames().size()));
                Path odd = Files.createDirectories(inbox.resolve(name));
                Files.writeString(odd.resolve("attendance_2026-06-01.csv"), "educator_id\nx\n");
                yield "added folder " + name; // not a registry LEA: touches none of theirs
            }
            case ODD_FILE_NAME -> {
                String name = oddNames().get(r.nextInt(oddNames().size())) + (r.nextBoolean() ? ".csv" : "");
                Files.copy(file, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                yield "copied " + file.getFileName() + " to " + name;
            }
            case DUPLICATE_STATE_ID -> {
                Path leas = inbox.resolve("_state/leas.csv");
                Files.writeString(leas, Files.readString(leas) + lea + ",Again,north\n");
                m.state = true;
                yield "listed " + lea + " twice in _state/leas.csv";
            }
        };
        if (this != ODD_LEA_FOLDER && this != DUPLICATE_STATE_ID) {
            m.touched.add(lea);
        }
        m.story.add(lea + ": " + what);
    }

    private static byte[] flip(byte[] b, int at) {
        b[at] ^= (byte) 0x5a;
        return b;
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }
}
