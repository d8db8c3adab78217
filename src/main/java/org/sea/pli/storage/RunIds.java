package org.sea.pli.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Run ids of spec §6: {@code <as-of>_<n>}, n counting the runs of that as-of date in the
 * warehouse; how they are listed and ordered, and when a run is finished. The newest run of a date that never finished is resumed under its own id, which makes
 * it the same Spring Batch job instance and so a restart.
 */
public final class RunIds {

    public static final String FINISHED_MARKER = "_FINISHED";

    private static final Pattern RUN_ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_(\\d{1,9})");

    private RunIds() {}

    public static String next(Warehouse warehouse, LocalDate asOf) throws IOException {
        String prefix = asOf + "_";
        int newest = 0;
        for (String id : list(warehouse)) {
            if (id.startsWith(prefix)) {
                try {
                    newest = Math.max(newest, Integer.parseInt(id.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // not a run directory of ours
                }
            }
        }
        if (newest > 0 && !finished(warehouse, prefix + newest)) {
            return prefix + newest;
        }
        return prefix + (newest + 1);
    }

    /** The id after this one for the same as-of date. */
    public static String following(String runId) {
        int cut = runId.lastIndexOf('_');
        return runId.substring(0, cut + 1) + (Integer.parseInt(runId.substring(cut + 1)) + 1);
    }

    public static boolean finished(Warehouse warehouse, String runId) throws IOException {
        return warehouse.fs().exists(new Path(warehouse.runDir(runId), FINISHED_MARKER));
    }

    public static void markFinished(Warehouse warehouse, String runId) throws IOException {
        warehouse
                .fs()
                .create(new Path(warehouse.runDir(runId), FINISHED_MARKER), true)
                .close();
    }

    /**
     * Run ids present under {@code runs/}, sorted by as-of date then run number ({@code 2026-06-30_2}
     * before {@code 2026-06-30_10}); ids not of the spec §6 form sort after them, by name.
     */
    public static List<String> list(Warehouse warehouse) throws IOException {
        FileSystem fs = warehouse.fs();
        Path runs = new Path(warehouse.root(), Warehouse.RUNS);
        List<String> ids = new ArrayList<>();
        FileStatus[] statuses;
        try {
            statuses = fs.listStatus(runs);
        } catch (FileNotFoundException e) {
            return ids;
        }
        for (FileStatus st : statuses) {
            if (st.isDirectory()) {
                ids.add(st.getPath().getName());
            }
        }
        ids.sort(RUN_ORDER);
        return ids;
    }

    /** Orders run ids by as-of date, then run number; other names last, by name. */
    public static final Comparator<String> RUN_ORDER = (a, b) -> {
        Matcher ma = RUN_ID.matcher(a);
        Matcher mb = RUN_ID.matcher(b);
        boolean ra = ma.matches();
        boolean rb = mb.matches();
        if (ra && rb) {
            int c = ma.group(1).compareTo(mb.group(1));
            return c != 0 ? c : Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
        }
        if (ra != rb) {
            return ra ? -1 : 1;
        }
        return a.compareTo(b);
    };

    /** The as-of date ({@code YYYY-MM-DD}) of a run id {@code <as-of>_<n>} (spec §6). */
    public static String asOfOf(String runId) {
        Matcher m = RUN_ID.matcher(runId == null ? "" : runId);
        if (!m.matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not <as-of>_<n> (SPEC §6)");
        }
        return m.group(1);
    }
}
