package org.sea.pli.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic synthetic inbox (spec §1, §2) for {@code generate --scale --seed} (spec §7).
 *
 * <p>Per LEA and extract there is one file per school year (two by default, see {@link SchoolYears}),
 * dated the June 30 that ends it: {@code <extract>_2025-06-30.csv} with the 2024-25 rows,
 * {@code <extract>_2026-06-30.csv} with the 2025-26 rows, and so on. Every tenth LEA (lea-0003,
 * lea-0013, ...) restates the year before in each later year's file, which supersedes the older file
 * for that year (spec §1.1; the older attendance file lacks ~3% of rows entered late). Rows are
 * streamed straight to disk; only the plan of one LEA (activities and members, not rows) is held in
 * memory. The planted problem files below are all in the as-of year 2025-26.
 *
 * <p>Planted input problems, rare and deterministic: every spec §2 row reason (see {@link Defect}, one
 * bad row at most per {@value RowOut#DEFECT_EVERY} good rows of a normal file) and, in the first six
 * LEAs, every spec §1/§3.2 file case:
 * <ul>
 *   <li>lea-0001: {@code notes.txt} and {@code roster_2026-06-30.csv} (unknown_file); a 2025-26
 *       activity title with a comma, quotes and a line break</li>
 *   <li>lea-0002: {@code artifact_ratings_2026-06-15.csv} without rater_id (missing_column); BOM on
 *       {@code enrollments_2026-06-30.csv}; an unknown {@code notes} column in attendance</li>
 *   <li>lea-0003: satisfaction in three files, the newest ({@code 2026-06-30}) with 12.5% "N/A" items
 *       (reject_rate_exceeded), so {@code satisfaction_2026-06-29.csv} is stale_in_force</li>
 *   <li>lea-0004: {@code attendance_2026-07-15.csv} (after_as_of for 2026-06-30); title-case enums in
 *       pl_activities; amounts in whole dollars</li>
 *   <li>lea-0005: {@code enrollments_2026-06-15.csv} in UTF-16 (unreadable); CRLF in
 *       {@code attendance_2026-06-30.csv}; {@code pl_funding_2026-06-01.csv} and {@code .csv.gz}
 *       (ambiguous_file)</li>
 *   <li>lea-0006 (and every 50th after): gzip {@code student_outcomes_2026-06-30.csv.gz}; spreadsheet
 *       style header names in enrollments</li>
 *   <li>{@code lea-9999/}: a folder not in leas.csv (unknown_lea)</li>
 * </ul>
 */
public final class InboxGenerator {
    /** The most school years one inbox may hold. */
    public static final int MAX_YEARS = SchoolYears.MAX;

    static final String NEW_DATE = "2026-06-30";
    static final String SPECIAL_TITLE = "Summer institute:\n\"AI in the classroom\", grades 6-8";

    private final Scale scale;
    private final long seed;
    private final SchoolYears years;
    private final ExtractFiles files;

    /** Two school years, 2024-25 and 2025-26. */
    public InboxGenerator(Scale scale, long seed) {
        this(scale, seed, SchoolYears.DEFAULT);
    }

    /**
     * {@code years} consecutive school years ending with 2025-26; each has the same planted effects,
     * and the practice change of each year carries into the next (spec §4.8).
     *
     * @throws IllegalArgumentException unless 1 ≤ years ≤ {@value #MAX_YEARS}
     */
    public InboxGenerator(Scale scale, long seed, int years) {
        if (scale == null) {
            throw new IllegalArgumentException("scale is required (small, district or state)");
        }
        this.scale = scale;
        this.seed = seed;
        this.years = new SchoolYears(years);
        this.files = new ExtractFiles(new Rows(seed));
    }

    /**
     * Writes a complete inbox under {@code out} (creating it). Returns a summary (files written, rows per
     * extract). Streams to disk: memory does not grow with the row count. Existing files of the same
     * names are overwritten; other files under {@code out} are left alone.
     */
    public GenerationSummary generate(Path out) throws IOException {
        files.reset();

        Files.createDirectories(out.resolve("_state"));
        int[] sizes = StateFiles.leaSizes(seed, scale);
        List<Lea> leas = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            leas.add(new Lea(seed, i + 1, sizes[i]));
        }
        files.counted(StateFiles.write(out, leas));
        for (Lea lea : leas) {
            writeLea(out, lea);
        }
        writeUnknownLea(out);

        Map<String, Long> perExtract = new LinkedHashMap<>();
        for (Extract x : Extract.values()) {
            perExtract.put(x.fileName, files.rows(x));
        }
        return new GenerationSummary(files.files(), perExtract);
    }

    /** Planted bad rows of the last {@link #generate} call: "lea/file DEFECT reason", in write order. */
    List<String> placedDefects() {
        return Collections.unmodifiableList(files.placed);
    }

    /** Planted bad rows that found no file large enough to hide in (should be empty). */
    List<Defect> unplacedDefects() {
        List<Defect> left = new ArrayList<>();
        files.queues.values().forEach(left::addAll);
        return left;
    }

    private void writeLea(Path out, Lea lea) throws IOException {
        Path dir = out.resolve(lea.id);
        Files.createDirectories(dir);
        // ys[k] is school year first + k; the last is the as-of year
        LeaYear[] ys = new LeaYear[years.count()];
        for (int k = 0; k < ys.length; k++) {
            ys[k] = new LeaYear(seed, lea, years.first() + k, years.first());
        }
        LeaYear asOf = ys[ys.length - 1];
        LeaYear before = ys.length > 1 ? ys[ys.length - 2] : null;
        if (lea.index % 5 == 1) {
            for (Defect d : Defect.values()) {
                files.queues.get(d.extract).add(d);
            }
        }
        boolean restating = lea.index % 10 == 3;
        for (Extract x : Extract.values()) {
            FileStyle style = ExtractFiles.style(lea, x);
            Rows.Options opts = new Rows.Options(
                    false,
                    lea.index == 4 && x == Extract.PL_ACTIVITIES,
                    lea.index == 4 && x == Extract.PL_FUNDING,
                    null);
            Rows.Options oldOpts = new Rows.Options(restating, opts.titleCaseEnums(), opts.wholeDollars(), null);
            for (int k = 0; k + 1 < ys.length; k++) {
                // an earlier year's file: its own year (late attendance missing when a later file
                // restates it) and, when restating, the complete year before it
                List<ExtractFiles.Part> parts = new ArrayList<>();
                if (restating && k > 0) {
                    parts.add(new ExtractFiles.Part(ys[k - 1], opts));
                }
                parts.add(new ExtractFiles.Part(ys[k], oldOpts));
                String name = x.fileName + "_" + SchoolYears.fileDate(ys[k].y) + ".csv";
                files.write(dir, lea, x, name, style, true, null, parts);
            }

            LeaYear[] newYears = restating && before != null ? new LeaYear[] {before, asOf} : new LeaYear[] {asOf};
            Rows.Options newOpts = lea.index == 1 && x == Extract.PL_ACTIVITIES
                    ? new Rows.Options(false, false, false, SPECIAL_TITLE)
                    : opts;
            if (lea.index == 3 && x == Extract.SATISFACTION) {
                files.write(dir, lea, x, "satisfaction_2026-06-29.csv", style, newYears, newOpts, true, null);
                files.write(
                        dir,
                        lea,
                        x,
                        "satisfaction_" + NEW_DATE + ".csv",
                        style,
                        newYears,
                        newOpts,
                        false,
                        o -> o.naItems = true);
            } else {
                FileStyle s = ExtractFiles.style(lea, x);
                s.gzip = lea.index % 50 == 6 && x == Extract.STUDENT_OUTCOMES;
                s.bom = lea.index == 2 && x == Extract.ENROLLMENTS;
                s.crlf = lea.index == 5 && x == Extract.ATTENDANCE;
                String name = x.fileName + "_" + NEW_DATE + (s.gzip ? ".csv.gz" : ".csv");
                files.write(dir, lea, x, name, s, newYears, newOpts, true, null);
            }
            specialFiles(dir, lea, x, asOf);
        }
        if (lea.index == 1) {
            Files.writeString(
                    dir.resolve("notes.txt"),
                    "Attendance resubmitted after the SIS fix, see ticket 4411.\n",
                    StandardCharsets.UTF_8);
            files.counted(1);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("roster_" + NEW_DATE + ".csv"))) {
                w.write("educator_id,school_code,grade\n");
                for (int e = 0; e < Math.min(20, lea.n); e++) {
                    w.write(lea.eduIds[e] + ",sch-" + (1 + e % 4) + "," + lea.grade[e] + "\n");
                }
            }
            files.counted(1);
        }
    }

    private void specialFiles(Path dir, Lea lea, Extract x, LeaYear asOf) throws IOException {
        LeaYear[] y1 = {asOf};
        if (lea.index == 2 && x == Extract.ARTIFACT_RATINGS) {
            FileStyle s = ExtractFiles.style(lea, x);
            s.dropColumn = "rater_id";
            files.write(
                    dir,
                    lea,
                    x,
                    "artifact_ratings_2026-06-15.csv",
                    s,
                    y1,
                    Rows.Options.NONE,
                    false,
                    o -> o.maxRows = 300);
        }
        if (lea.index == 5 && x == Extract.ENROLLMENTS) {
            FileStyle s = ExtractFiles.style(lea, x);
            s.charset = StandardCharsets.UTF_16LE;
            s.bom = true; // "Unicode text" export from a spreadsheet: not UTF-8
            files.write(
                    dir, lea, x, "enrollments_2026-06-15.csv", s, y1, Rows.Options.NONE, false, o -> o.maxRows = 200);
        }
        if (lea.index == 5 && x == Extract.PL_FUNDING) {
            FileStyle s = ExtractFiles.style(lea, x);
            files.write(dir, lea, x, "pl_funding_2026-06-01.csv", s, y1, Rows.Options.NONE, false, null);
            s.gzip = true;
            files.write(dir, lea, x, "pl_funding_2026-06-01.csv.gz", s, y1, Rows.Options.NONE, false, null);
        }
        if (lea.index == 4 && x == Extract.ATTENDANCE) {
            // 2026-27 summer institute, extracted after the as-of date
            try (RowOut o = new RowOut(
                    dir.resolve("attendance_2026-07-15.csv"), x, ExtractFiles.style(lea, x), null, files.placed, "")) {
                String act = new LeaYear(seed, lea, SchoolYears.AS_OF + 1, years.first()).activityId(1);
                int day = Dates.parse("2026-07-07");
                for (int e = 0; e < Math.min(30, lea.n); e++) {
                    for (int d = 0; d < 3; d++) {
                        o.row(lea.eduIds[e], act, "2026-27", Dates.iso(day + d), "360");
                    }
                }
                files.count(x, o);
            }
        }
    }

    private void writeUnknownLea(Path out) throws IOException {
        Lea ghost = new Lea(seed, 9999, 40);
        Path dir = out.resolve(ghost.id);
        Files.createDirectories(dir);
        LeaYear[] y = {new LeaYear(seed, ghost, SchoolYears.AS_OF, years.first())};
        for (Extract x : new Extract[] {Extract.PL_ACTIVITIES, Extract.ATTENDANCE}) {
            files.write(
                    dir,
                    ghost,
                    x,
                    x.fileName + "_" + NEW_DATE + ".csv",
                    ExtractFiles.style(ghost, x),
                    y,
                    Rows.Options.NONE,
                    false,
                    null);
        }
    }
}
