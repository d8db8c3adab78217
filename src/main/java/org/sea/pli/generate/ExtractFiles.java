package org.sea.pli.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writing the generator's extract files: one file from its school years' rows, with the planted
 * bad rows of its extract queued for it, and the counts the generation summary reports.
 */
final class ExtractFiles {

    private final Rows rows;
    /** Planted bad rows as placed: "lea/file DEFECT reason", in write order. */
    final List<String> placed = new ArrayList<>();
    /** Planted bad rows still to place, per extract. */
    final Map<Extract, ArrayDeque<Defect>> queues = new EnumMap<>(Extract.class);

    private final long[] rowCounts = new long[Extract.values().length];
    private int files;

    ExtractFiles(Rows rows) {
        this.rows = rows;
    }

    /** Forgets an earlier generation. */
    void reset() {
        placed.clear();
        queues.clear();
        for (Extract x : Extract.values()) {
            queues.put(x, new ArrayDeque<>());
        }
        Arrays.fill(rowCounts, 0);
        files = 0;
    }

    /** Files written another way (the state files, a roster, notes). */
    void counted(int more) {
        files += more;
    }

    int files() {
        return files;
    }

    long rows(Extract x) {
        return rowCounts[x.ordinal()];
    }

    interface Tweak {
        void apply(RowOut o);
    }

    /** One school year's rows in a file, written with these options. */
    record Part(LeaYear year, Rows.Options options) {}

    void write(
            Path dir,
            Lea lea,
            Extract x,
            String name,
            FileStyle style,
            LeaYear[] years,
            Rows.Options opts,
            boolean defects,
            Tweak tweak)
            throws IOException {
        List<Part> parts = new ArrayList<>();
        for (LeaYear ly : years) {
            parts.add(new Part(ly, opts));
        }
        write(dir, lea, x, name, style, defects, tweak, parts);
    }

    void write(
            Path dir, Lea lea, Extract x, String name, FileStyle style, boolean defects, Tweak tweak, List<Part> parts)
            throws IOException {
        try (RowOut o =
                new RowOut(dir.resolve(name), x, style, defects ? queues.get(x) : null, placed, lea.id + "/" + name)) {
            if (tweak != null) {
                tweak.apply(o);
            }
            for (Part p : parts) {
                rows.emit(x, p.year(), o, p.options());
            }
            count(x, o);
        }
    }

    void count(Extract x, RowOut o) {
        rowCounts[x.ordinal()] += o.rows;
        files++;
    }

    static FileStyle style(Lea lea, Extract x) {
        FileStyle s = new FileStyle();
        s.orderVariant = lea.index % 4;
        if (lea.index == 2 && x == Extract.ATTENDANCE) {
            s.extraColumns = new String[] {"notes"};
        }
        s.fancyHeader = lea.index == 6 && x == Extract.ENROLLMENTS;
        return s;
    }
}
