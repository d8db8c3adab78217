package org.sea.pli.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.parquet.WrittenFile;

/**
 * The plain-text table every {@code run} ends with, on the command's stdout: run id, result,
 * duration, files by load-report status (docs/spec.md §1.1), rows read, accepted and rejected per
 * extract (§3), and the marts written with their row counts (§5). Counts and names only: no value
 * of any row ever appears in it.
 */
public final class RunSummary {

    /**
     * What the summary shows of one run, gathered by whoever ran it.
     *
     * @param published whether the run's publish switched {@code current/} to it
     * @param outcomes  every file's load outcome (empty when the load did not finish)
     * @param marts     the mart files written, with their row counts (empty when none were)
     * @param phases    the job's phases in run order, as its stages measured them
     * @param changes   what changed since the last published run, in one line, or null when not compared
     * @param reuse     what the run restored instead of computing, in one line, or null when its load did not run
     */
    public record Facts(
            String runId,
            String asOf,
            String warehouseRoot,
            String currentDir,
            boolean published,
            List<FileOutcome> outcomes,
            List<WrittenFile> marts,
            List<Phase> phases,
            String changes,
            String reuse) {

        public Facts(
                String runId,
                String asOf,
                String warehouseRoot,
                String currentDir,
                boolean published,
                List<FileOutcome> outcomes,
                List<WrittenFile> marts,
                List<Phase> phases) {
            this(runId, asOf, warehouseRoot, currentDir, published, outcomes, marts, phases, null, null);
        }
    }

    private final List<String> lines;

    private RunSummary(List<String> lines) {
        this.lines = lines;
    }

    /**
     * @param exitCode the run's exit code (docs/spec.md §7)
     * @param run      the run, or null when it never got a run id
     * @param startup  the phases before the job (JVM start, Spring start), in order
     * @param sinceJvmStart JVM start to this summary, or null when unknown
     * @return the summary, or null when the run never got a run id (nothing to summarize)
     */
    public static RunSummary of(
            Facts run, int exitCode, Duration duration, List<Phase> startup, Duration sinceJvmStart) {
        if (run == null || run.runId() == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add("pl-impact run summary");
        String result;
        long rejectedFiles = run.outcomes().stream()
                .filter(o -> o.status() == FileStatus.REJECTED)
                .count();
        if (exitCode == ExitCode.OK.code()) {
            result = "succeeded, "
                    + (run.published()
                            ? "published to " + run.currentDir()
                            : "not published: current/ holds a later as-of");
        } else if (run.published()) {
            result = "failed (exit " + exitCode + "): " + rejectedFiles + " file(s) rejected and --strict was given;"
                    + " published to " + run.currentDir();
        } else {
            result = "failed (exit " + exitCode + ")";
        }
        lines.add("  run id     " + run.runId());
        lines.add("  as of      " + run.asOf());
        lines.add("  warehouse  " + run.warehouseRoot());
        lines.add("  result     " + result);
        lines.add("  duration   " + String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0));
        if (run.changes() != null) {
            lines.add("  changes    " + run.changes());
        }
        if (run.reuse() != null) {
            lines.add("  reused     " + run.reuse());
        }

        Map<FileStatus, Long> byStatus = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<String, long[]> byExtract = new LinkedHashMap<>();
        for (String extract : ExtractSchema.NAMES) {
            byExtract.put(extract, new long[5]);
        }
        for (FileOutcome o : run.outcomes()) {
            byStatus.merge(o.status(), 1L, Long::sum);
            if (o.result() != null && o.file().extract() != null) {
                long[] t = byExtract.computeIfAbsent(o.file().extract(), k -> new long[5]);
                t[0]++;
                t[1] += o.result().rowsRead();
                t[2] += o.result().rowsAccepted();
                t[3] += o.result().rowsRejected();
                t[4] += o.result().readNanos();
            }
        }
        lines.add("");
        List<String> header = new ArrayList<>(List.of("files")); // one column per status of §1.1, in enum order
        List<Object> counts = new ArrayList<>(List.of(""));
        byStatus.forEach((status, n) -> {
            header.add(status.code());
            counts.add(n);
        });
        header.add("total");
        counts.add((long) run.outcomes().size());
        TextTable files = new TextTable(header.toArray(String[]::new));
        files.row(counts.toArray());
        lines.addAll(files.lines("  "));

        lines.add("");
        // rows/s: rows read ÷ time spent reading and validating that extract's files (summed over threads)
        TextTable extracts = new TextTable("extract", "files read", "rows read", "accepted", "rejected", "rows/s");
        long[] total = new long[5];
        byExtract.forEach((extract, t) -> {
            extracts.row(extract, t[0], t[1], t[2], t[3], rate(t[1], t[4]));
            for (int i = 0; i < 5; i++) {
                total[i] += t[i];
            }
        });
        extracts.row("total", total[0], total[1], total[2], total[3], rate(total[1], total[4]));
        lines.addAll(extracts.lines("  "));

        lines.add("");
        Map<String, long[]> marts = new LinkedHashMap<>();
        for (WrittenFile f : run.marts()) {
            int slash = f.path().indexOf('/');
            long[] m = marts.computeIfAbsent(slash < 0 ? f.path() : f.path().substring(0, slash), k -> new long[2]);
            m[0]++;
            m[1] += f.rows();
        }
        if (marts.isEmpty()) {
            lines.add("  marts: none written");
        } else {
            TextTable table = new TextTable("mart", "files", "rows");
            marts.forEach((mart, m) -> table.row(mart, m[0], m[1]));
            lines.addAll(table.lines("  "));
        }

        // where the time went: wall seconds per phase; a phase without a time says why
        lines.add("");
        TextTable phases = new TextTable("phase", "seconds");
        List<Phase> all = new ArrayList<>(startup);
        all.addAll(run.phases());
        for (Phase p : all) {
            phases.row(p.name(), p.took() == null ? p.untimed() : seconds(p.took()));
        }
        if (sinceJvmStart != null) {
            phases.row("total, JVM start to summary", seconds(sinceJvmStart));
        }
        lines.addAll(phases.lines("  "));
        return new RunSummary(List.copyOf(lines));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }

    public List<String> lines() {
        return lines;
    }

    public void print(PrintStream out) {
        lines.forEach(out::println);
        out.flush();
    }

    private static long rate(long rows, long nanos) {
        return nanos <= 0 ? 0 : Math.round(rows / (nanos / 1e9));
    }
}
