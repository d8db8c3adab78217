package org.sea.pli.stage;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileReason;
import org.sea.pli.extract.FileResult;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaModelFormat;
import org.sea.pli.model.StoredYears;

/**
 * What loading one LEA produced — its files' outcomes and its folded model — as bytes, for the
 * checkpoints of a run and the store of results reused across runs ({@link LeaResultDir}). Explicit fields, never Java serialization.
 *
 * <p>A file starts with a header: a magic line, this layout's number, the model layout's number
 * ({@link LeaModelFormat#VERSION}), the pl-impact version that wrote it, the digest of the load
 * settings it was written under (everything but the LEA's own files) and the key it was written
 * under (a digest of those settings and the LEA's files). Then its parts, each encrypted
 * ({@link LeaResultCipher}): the <b>head</b> (outcomes, quarantine files, the model's head), and
 * one part per school year of the model, its year in front, so that a night reads only the
 * years it computes marts for (docs/spec.md §6.1). A file whose header matches all of them is
 * restored whole; one whose files differ but whose layouts, version and settings match lets a
 * changed LEA keep its unchanged school years ({@link YearReread}); after an upgrade, a rebuild or
 * a change of settings, the LEA is loaded again — a mismatch is never an error.
 */
final class LeaResultFormat {

    /** The first field of every file. */
    static final String MAGIC = "pl-impact LEA result";
    /** Raised whenever the outcome layout below changes. */
    static final int FORMAT = 3;

    /**
     * What one LEA's load left: its outcomes in file order, its model (null when no row was folded)
     * and its quarantine files (§3.1) by name within the LEA's quarantine folder, so that a result
     * restored into another run gives that run the same quarantine bytes.
     */
    record Saved(List<FileOutcome> outcomes, LeaModel model, java.util.SortedMap<String, byte[]> quarantine) {}

    private LeaResultFormat() {}

    /** The header of a file: what wrote it, under which settings and key. */
    record Header(int format, int modelVersion, String version, String settings, String key) {

        /** Null when this build reads the file's layouts and version; otherwise why it does not. */
        String unreadable() {
            if (format != FORMAT || modelVersion != LeaModelFormat.VERSION) {
                return "it has layout " + format + "." + modelVersion + ", this pl-impact reads " + FORMAT + "."
                        + LeaModelFormat.VERSION;
            }
            return version.equals(ToolVersion.plImpact()) ? null : "it was written by pl-impact " + version;
        }
    }

    /** The header of a result written now, under {@code settings} and {@code key}. */
    static void writeHeader(DataOutput out, String settings, String key) throws IOException {
        writeHeader(out, new Header(FORMAT, LeaModelFormat.VERSION, ToolVersion.plImpact(), settings, key));
    }

    /** The head part: outcomes, quarantine files and the model's head (its years are parts of their own). */
    static void writeHead(DataOutput out, Saved saved) throws IOException {
        List<FileOutcome> outcomes = saved.outcomes();
        LeaModel model = saved.model();
        out.writeInt(outcomes.size());
        for (FileOutcome o : outcomes) {
            out.writeUTF(o.file().relativePath());
            text(out, o.sha256());
            out.writeLong(o.bytes());
            name(out, o.status());
            name(out, o.reason());
            out.writeBoolean(o.result() != null);
            if (o.result() != null) {
                result(out, o.result());
            }
        }
        out.writeInt(saved.quarantine().size());
        for (Map.Entry<String, byte[]> q : saved.quarantine().entrySet()) {
            out.writeUTF(q.getKey());
            out.writeInt(q.getValue().length);
            out.write(q.getValue());
        }
        out.writeBoolean(model != null);
        if (model != null) {
            LeaModelFormat.writeHead(model, out);
        }
    }

    static void writeHeader(DataOutput out, Header h) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(h.format());
        out.writeInt(h.modelVersion());
        out.writeUTF(h.version());
        out.writeUTF(h.settings());
        out.writeUTF(h.key());
    }

    /** The header of a file; an {@link IOException} when it is not a pl-impact LEA result at all. */
    static Header readHeader(DataInput in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("it is not a pl-impact LEA result");
        }
        int format = in.readInt();
        int modelVersion = in.readInt();
        String version = in.readUTF();
        if (format != FORMAT) { // an older layout may not have the fields below
            return new Header(format, modelVersion, version, "", "");
        }
        return new Header(format, modelVersion, version, in.readUTF(), in.readUTF());
    }

    /**
     * Null when the header is this build's and carries {@code key}; otherwise why the file is not
     * used (for the log line that says the LEA is loaded again).
     */
    static String mismatch(DataInput in, String key) throws IOException {
        Header h = readHeader(in);
        String unreadable = h.unreadable();
        if (unreadable != null) {
            return unreadable;
        }
        return h.key().equals(key) ? null : "its files or settings differ";
    }

    /**
     * The head part after a matching header; outcomes point at this run's {@code files} by path,
     * and the model reads its school years from {@code years} when a run needs them.
     */
    static Saved readHead(DataInput in, Function<String, InboxFile> files, StoredYears years) throws IOException {
        int n = in.readInt();
        List<FileOutcome> outcomes = new ArrayList<>(Math.max(0, Math.min(n, 1 << 12)));
        for (int i = 0; i < n; i++) {
            String path = in.readUTF();
            InboxFile file = files.apply(path);
            if (file == null) {
                throw new IOException("it names " + path + ", not a file of this LEA");
            }
            String sha = text(in);
            long bytes = in.readLong();
            FileStatus status = name(in, FileStatus::valueOf);
            FileReason reason = name(in, FileReason::valueOf);
            FileResult result = in.readBoolean() ? result(in) : null;
            outcomes.add(new FileOutcome(file, sha, bytes, result, status, reason));
        }
        java.util.SortedMap<String, byte[]> quarantine = new TreeMap<>();
        for (int q = count(in); q > 0; q--) {
            String name = in.readUTF();
            byte[] bytes = new byte[count(in)];
            in.readFully(bytes);
            quarantine.put(name, bytes);
        }
        LeaModel model = in.readBoolean() ? LeaModelFormat.readHead(in, years) : null;
        return new Saved(outcomes, model, quarantine);
    }

    private static void result(DataOutput out, FileResult r) throws IOException {
        text(out, r.sha256());
        out.writeLong(r.bytes());
        out.writeLong(r.rowsRead());
        out.writeLong(r.rowsAccepted());
        out.writeLong(r.rowsRejected());
        out.writeInt(r.reasons().size());
        for (Map.Entry<String, Long> e : r.reasons().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
        text(out, r.unknownColumns());
        name(out, r.rejected());
        out.writeInt(r.acceptedRows().size());
        for (Map.Entry<Integer, Long> e : r.acceptedRows().entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        out.writeInt(r.claimedYears() == null ? -1 : r.claimedYears().size());
        if (r.claimedYears() != null) {
            for (int year : r.claimedYears()) {
                out.writeInt(year);
            }
        }
        out.writeLong(r.readNanos());
    }

    private static FileResult result(DataInput in) throws IOException {
        String sha = text(in);
        long bytes = in.readLong();
        long read = in.readLong();
        long accepted = in.readLong();
        long rejected = in.readLong();
        Map<String, Long> reasons = new TreeMap<>();
        for (int n = count(in); n > 0; n--) {
            reasons.put(in.readUTF(), in.readLong());
        }
        String unknownColumns = text(in);
        FileReason rejectedBecause = name(in, FileReason::valueOf);
        NavigableMap<Integer, Long> acceptedRows = new TreeMap<>();
        for (int n = count(in); n > 0; n--) {
            acceptedRows.put(in.readInt(), in.readLong());
        }
        int years = in.readInt();
        SortedSet<Integer> claimed = years < 0 ? null : new TreeSet<>();
        for (int n = years; n > 0; n--) {
            claimed.add(in.readInt());
        }
        return new FileResult(
                sha,
                bytes,
                read,
                accepted,
                rejected,
                reasons,
                unknownColumns,
                rejectedBecause,
                acceptedRows,
                claimed,
                in.readLong());
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count " + n);
        }
        return n;
    }

    private static void text(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String text(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void name(DataOutput out, Enum<?> e) throws IOException {
        text(out, e == null ? null : e.name());
    }

    /** An enum constant by name; a name this build does not have is an unusable file, not a crash. */
    private static <E extends Enum<E>> E name(DataInput in, Function<String, E> valueOf) throws IOException {
        String s = text(in);
        try {
            return s == null ? null : valueOf.apply(s);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown constant " + s, e);
        }
    }
}
