package org.sea.pli.stage;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.storage.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mart parts of one school year's LEA-years (docs/spec.md §6.1), one file per school year:
 * {@code state/parts/<school_year>.bin} for the last finished and published nightly runs, and
 * {@code runs/<run_id>/work/parts/} for the run that writes them, moved into the state folder when
 * it is published. A year whose partitions a run computed nothing of keeps its stored file.
 *
 * <p>Layout: a title, {@link #FORMAT}, pl-impact's version, the school year and its outcomes key
 * ({@link LeaPartKeys}); the year's §4.3 groups; then per LEA its id, year key, persistence key and
 * its parts by mart, each LEA-year after a true and the last followed by a false. The groups and
 * every part are sealed with {@link LeaResultCipher} (the parts hold pseudonymous per-educator
 * measures and the figures of small groups before suppression)
 * under a context naming the year, the LEA, the mart and the key, so no part can pass for
 * another's. A file of another format or version, or one that does not parse, is not used.
 */
final class LeaPartStore {

    private static final Logger log = LoggerFactory.getLogger(LeaPartStore.class);
    private static final String TITLE = "pl-impact mart parts";
    /** Raised whenever the layout below changes. */
    static final int FORMAT = 2;

    /** One LEA-year: its keys and its sealed parts by mart. */
    record Lea(String yearKey, String persistenceKey, Map<String, byte[]> sealed) {}

    /** One school year's file: its outcomes key, its sealed §4.3 groups and its LEAs by lea_id. */
    record Year(int year, String outcomesKey, byte[] sealedGroups, Map<String, Lea> leas) {}

    private LeaPartStore() {}

    static Path storedDir(Warehouse warehouse) {
        return new Path(warehouse.root(), "state/parts");
    }

    static Path runDir(Warehouse warehouse, String runId) {
        return new Path(LeaResultDir.workDir(warehouse, runId), "parts");
    }

    private static String fileName(int year) {
        return SchoolYear.format(year) + ".bin";
    }

    static String groupsContext(int year, String outcomesKey) {
        return "parts|" + year + "|§4.3 groups|" + outcomesKey;
    }

    static String partContext(int year, String leaId, String mart, String key) {
        return "parts|" + year + "|" + leaId + "|" + mart + "|" + key;
    }

    /** The stored file of {@code year}, or empty when there is none usable (a log line says why). */
    static Optional<Year> read(Warehouse warehouse, int year) {
        Path file = new Path(storedDir(warehouse), fileName(year));
        try {
            if (!warehouse.fs().exists(file)) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = warehouse.fs().open(file)) {
                bytes = in.readAllBytes();
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (!TITLE.equals(in.readUTF())
                    || in.readInt() != FORMAT
                    || !ToolVersion.plImpact().equals(in.readUTF())
                    || in.readInt() != year) {
                log.info("{} was written by another pl-impact; its LEA-years are computed", file);
                return Optional.empty();
            }
            String outcomesKey = in.readUTF();
            byte[] groups = sealed(in, bytes.length);
            Map<String, Lea> byLea = new LinkedHashMap<>();
            while (in.readBoolean()) {
                String leaId = in.readUTF();
                String yearKey = in.readUTF();
                String persistenceKey = in.readUTF();
                int marts = in.readInt();
                Map<String, byte[]> parts = new LinkedHashMap<>();
                for (int m = 0; m < marts; m++) {
                    parts.put(in.readUTF(), sealed(in, bytes.length));
                }
                byLea.put(leaId, new Lea(yearKey, persistenceKey, parts));
            }
            return Optional.of(new Year(year, outcomesKey, groups, byLea));
        } catch (IOException | RuntimeException e) {
            log.warn("{} is unusable ({}); its LEA-years are computed", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static byte[] sealed(DataInputStream in, long limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new IOException("a part of " + length + " bytes in a file of " + limit);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    /**
     * Writes a school year's file into the run's work folder, an LEA-year at a time ({@link #lea}),
     * so a year's parts are never all held; {@link #close} ends it.
     */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;

        Writer(Warehouse warehouse, String runId, int year, String outcomesKey, byte[] sealedGroups)
                throws IOException {
            Path file = new Path(runDir(warehouse, runId), fileName(year));
            out = new DataOutputStream(new BufferedOutputStream(warehouse.fs().create(file, true), 1 << 16));
            out.writeUTF(TITLE);
            out.writeInt(FORMAT);
            out.writeUTF(ToolVersion.plImpact());
            out.writeInt(year);
            out.writeUTF(outcomesKey);
            write(sealedGroups);
        }

        void lea(String leaId, Lea lea) throws IOException {
            out.writeBoolean(true);
            out.writeUTF(leaId);
            out.writeUTF(lea.yearKey());
            out.writeUTF(lea.persistenceKey());
            out.writeInt(lea.sealed().size());
            for (Map.Entry<String, byte[]> p : lea.sealed().entrySet()) {
                out.writeUTF(p.getKey());
                write(p.getValue());
            }
        }

        private void write(byte[] sealed) throws IOException {
            out.writeInt(sealed.length);
            out.write(sealed);
        }

        @Override
        public void close() throws IOException {
            out.writeBoolean(false); // no more LEA-years
            out.close();
        }
    }

    /** A finished, published run's files replace the stored ones of the same school years. */
    static void keep(Warehouse warehouse, String runId) throws IOException {
        FileSystem fs = warehouse.fs();
        Path from = runDir(warehouse, runId);
        if (!fs.exists(from)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (FileStatus f : fs.listStatus(from)) {
            files.add(f.getPath());
        }
        for (Path f : files) {
            StateFiles.keep(warehouse, f, new Path(storedDir(warehouse), f.getName()));
        }
    }
}
