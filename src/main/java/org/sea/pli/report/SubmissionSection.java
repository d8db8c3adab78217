package org.sea.pli.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.SchoolYear;
import org.thymeleaf.context.Context;

/**
 * The compliance part of the report, from {@code submission_status} (spec §5.11): on the state
 * page the completeness grid of the as-of date's school year (LEAs × extracts) and the list of
 * LEAs with missing or rejected extracts; on each LEA page its own submission checklist for every
 * school year of the run and the {@code validate} command to run before resending (spec §7).
 */
final class SubmissionSection {

    /** Extracts in spec §2 order: the order an LEA's data coordinator knows them in. */
    static final List<String> EXTRACTS = ExtractSchema.NAMES;

    /**
     * The inbox path stands as a placeholder: the report is the same bytes on every machine, and the
     * LEA runs the command on its own copy of the inbox (the state's {@code _state} plus its folder).
     */
    static final String INBOX = "<inbox>";

    private SubmissionSection() {}

    /** Sets {@code submissionYear}, {@code submissionGrid} and {@code submissionGaps} for state.html. */
    static void addToState(Context ctx, List<SubmissionStatusRow> status, String asOf) {
        String year = SchoolYear.format(SchoolYear.containing(LocalDate.parse(asOf)));
        ctx.setVariable("submissionYear", year);
        ctx.setVariable("submissionGrid", grid(status, year));
        ctx.setVariable("submissionGaps", gaps(status));
    }

    /** Sets {@code checklist} and {@code validateCommand} for lea.html. */
    static void addToLea(Context ctx, List<SubmissionStatusRow> status, String lea) {
        ctx.setVariable("checklist", checklist(status, lea));
        ctx.setVariable("validateCommand", validateCommand(lea));
    }

    static String validateCommand(String lea) {
        return "java -jar pl-impact.jar validate --inbox " + INBOX + " --lea " + lea;
    }

    /** One grid cell: the status in words, with the in-force file's age, and a rejected newest file. */
    static String cell(SubmissionStatusRow r) {
        String status = r.status();
        if (!"in_force".equals(status)) {
            return status;
        }
        String text = "in force, " + Fmt.count(r.daysSinceInForce()) + " d";
        return "rejected".equals(r.latestStatus()) ? text + "; newest file rejected" : text;
    }

    private static String cls(SubmissionStatusRow r) {
        String status = r.status();
        return "in_force".equals(status) && "rejected".equals(r.latestStatus()) ? "st-stale" : "st-" + status;
    }

    static ReportTable grid(List<SubmissionStatusRow> status, String year) {
        ReportTable t = new ReportTable(
                        "submission-grid",
                        "Submission grid, " + year + " (submission_status, "
                                + "SPEC §5.11): in force with the age in days of the file in force, rejected or missing")
                .header("LEA", "every LEA of the state registry, with or without a folder");
        EXTRACTS.forEach(e -> t.header(
                e,
                "in force (days since its extract date), rejected (only rejected files "
                        + "claim the year) or missing (no file claims it)"));
        Map<String, SubmissionStatusRow> byKey = index(status);
        TreeSet<String> leas = new TreeSet<>();
        status.stream()
                .filter(r -> year.equals(r.schoolYear()))
                .map(SubmissionStatusRow::leaId)
                .filter(Objects::nonNull)
                .forEach(leas::add);
        for (String lea : leas) {
            t.row(lea).lea(lea);
            for (String extract : EXTRACTS) {
                SubmissionStatusRow r = byKey.get(key(year, lea, extract));
                if (r == null) {
                    t.text(extract, null);
                } else {
                    t.cell(extract, cell(r), cls(r));
                }
            }
        }
        return t;
    }

    /** Every (school year, LEA, extract) of the run that is missing or has only rejected files. */
    static ReportTable gaps(List<SubmissionStatusRow> status) {
        ReportTable t = new ReportTable(
                        "submission-gaps",
                        "LEAs with missing or rejected extracts, every school year "
                                + "of the run (submission_status, SPEC §5.11)")
                .header("school year", null)
                .header("LEA", null)
                .header("extract", null)
                .header("status", "missing: no file claims the year; rejected: only rejected files claim it")
                .header("files", "files claiming the school year")
                .header("newest file", "the newest file claiming the year")
                .header("its status", "load_report status");
        for (SubmissionStatusRow r : status) {
            String s = r.status();
            if ("in_force".equals(s)) {
                continue;
            }
            t.row(r.schoolYear() + "|" + r.leaId() + "|" + r.extract())
                    .text("school_year", r.schoolYear())
                    .lea(r.leaId())
                    .text("extract", r.extract())
                    .cell("status", s, "st-" + s)
                    .num("files", Fmt.count(r.files()))
                    .text("latest_file", r.latestFile())
                    .text("latest_status", r.latestStatus());
        }
        return t;
    }

    /** The LEA's own rows, every school year of the run, extracts in §2 order. */
    static ReportTable checklist(List<SubmissionStatusRow> status, String lea) {
        ReportTable t = new ReportTable(
                        "submission-checklist",
                        "Your submission checklist, every school year of this " + "run (submission_status, SPEC §5.11)")
                .header("school year", null)
                .header("extract", null)
                .header("status", "in force, rejected (only rejected files claim the year) or missing (no file does)")
                .header("file in force", "its rows of the year are the ones used")
                .header("its date", null)
                .header("rows in force", "accepted rows of the year in the file in force")
                .header("days old", "as-of date minus the in-force file's extract date")
                .header("newest file", "the newest file claiming the year")
                .header("its status", "load_report status");
        Map<String, SubmissionStatusRow> byKey = index(status);
        TreeSet<String> years = new TreeSet<>();
        status.forEach(r -> years.add(r.schoolYear()));
        for (String year : years) {
            for (String extract : EXTRACTS) {
                SubmissionStatusRow r = byKey.get(key(year, lea, extract));
                if (r == null) {
                    continue;
                }
                t.row(year + "|" + extract)
                        .text("school_year", year)
                        .text("extract", extract)
                        .cell("status", r.status(), cls(r))
                        .text("in_force_file", r.inForceFile())
                        .text("in_force_extract_date", Objects.toString(r.inForceExtractDate(), null))
                        .num("rows_in_force", Fmt.count(r.rowsInForce()))
                        .num("days_since_in_force", Fmt.count(r.daysSinceInForce()))
                        .text("latest_file", r.latestFile())
                        .text("latest_status", r.latestStatus());
            }
        }
        return t;
    }

    /** Rows by school_year|lea_id|extract, built once per table rather than scanned per cell. */
    private static Map<String, SubmissionStatusRow> index(List<SubmissionStatusRow> status) {
        Map<String, SubmissionStatusRow> byKey = new HashMap<>();
        status.forEach(r -> byKey.put(key(r.schoolYear(), r.leaId(), r.extract()), r));
        return byKey;
    }

    private static String key(String year, String lea, String extract) {
        return year + "|" + lea + "|" + extract;
    }
}
