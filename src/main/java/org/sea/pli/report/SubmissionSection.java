package org.sea.pli.report;

import static org.sea.pli.report.MartTable.lng;
import static org.sea.pli.report.MartTable.str;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.sea.pli.extract.SchoolYear;
import org.thymeleaf.context.Context;

/**
 * The compliance part of the report, from {@code submission_status} (SPEC §5.11): on the state
 * page the completeness grid of the as-of date's school year (LEAs × extracts) and the list of
 * LEAs with missing or rejected extracts; on each LEA page its own submission checklist for every
 * school year of the run and the {@code validate} command to run before resending (SPEC §7).
 */
final class SubmissionSection {

    static final String MART = "submission_status";

    /** Extracts in SPEC §2 order: the order an LEA's data coordinator knows them in. */
    static final List<String> EXTRACTS = List.of("pl_activities", "pl_funding", "enrollments", "attendance",
            "satisfaction", "artifact_ratings", "student_outcomes");

    /**
     * The inbox path stands as a placeholder: the report is the same bytes on every machine, and the
     * LEA runs the command on its own copy of the inbox (the state's {@code _state} plus its folder).
     */
    static final String INBOX = "<inbox>";

    private SubmissionSection() {
    }

    /** Sets {@code submissionYear}, {@code submissionGrid} and {@code submissionGaps} for state.html. */
    static void addToState(Context ctx, MartTable status, String asOf) {
        String year = SchoolYear.format(SchoolYear.containing(LocalDate.parse(asOf)));
        ctx.setVariable("submissionYear", year);
        ctx.setVariable("submissionGrid", grid(status, year));
        ctx.setVariable("submissionGaps", gaps(status));
    }

    /** Sets {@code checklist} and {@code validateCommand} for lea.html. */
    static void addToLea(Context ctx, MartTable status, String lea) {
        ctx.setVariable("checklist", checklist(status, lea));
        ctx.setVariable("validateCommand", validateCommand(lea));
    }

    static String validateCommand(String lea) {
        return "java -jar pl-impact.jar validate --inbox " + INBOX + " --lea " + lea;
    }

    /** One grid cell: the status in words, with the in-force file's age, and a rejected newest file. */
    static String cell(Map<String, Object> r) {
        String status = str(r, "status");
        if (!"in_force".equals(status)) {
            return status;
        }
        String text = "in force, " + Fmt.count(lng(r, "days_since_in_force")) + " d";
        return "rejected".equals(str(r, "latest_status")) ? text + "; newest file rejected" : text;
    }

    private static String cls(Map<String, Object> r) {
        String status = str(r, "status");
        return "in_force".equals(status) && "rejected".equals(str(r, "latest_status")) ? "st-stale" : "st-" + status;
    }

    static ReportTable grid(MartTable status, String year) {
        ReportTable t = new ReportTable("submission-grid", "Submission grid, " + year + " (submission_status, "
                + "SPEC §5.11): in force with the age in days of the file in force, rejected or missing")
                .header("LEA", "every LEA of the state registry, with or without a folder");
        EXTRACTS.forEach(e -> t.header(e, "in force (days since its extract date), rejected (only rejected files "
                + "claim the year) or missing (no file claims it)"));
        Map<String, Map<String, Object>> byKey = index(status);
        TreeSet<String> leas = new TreeSet<>();
        status.rows().stream().filter(r -> year.equals(str(r, "school_year"))).map(r -> str(r, "lea_id"))
                .filter(Objects::nonNull).forEach(leas::add);
        for (String lea : leas) {
            t.row(lea);
            leaCell(t, lea);
            for (String extract : EXTRACTS) {
                Map<String, Object> r = byKey.get(key(year, lea, extract));
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
    static ReportTable gaps(MartTable status) {
        ReportTable t = new ReportTable("submission-gaps", "LEAs with missing or rejected extracts, every school year "
                + "of the run (submission_status, SPEC §5.11)")
                .header("school year", null).header("LEA", null).header("extract", null)
                .header("status", "missing: no file claims the year; rejected: only rejected files claim it")
                .header("files", "files claiming the school year")
                .header("newest file", "the newest file claiming the year").header("its status", "load_report status");
        for (Map<String, Object> r : status.rows()) {
            String s = str(r, "status");
            if ("in_force".equals(s)) {
                continue;
            }
            String lea = str(r, "lea_id");
            t.row(str(r, "school_year") + "|" + lea + "|" + str(r, "extract")).text("school_year", str(r, "school_year"));
            leaCell(t, lea);
            t.text("extract", str(r, "extract")).cell("status", s, "st-" + s)
                    .num("files", Fmt.count(lng(r, "files"))).text("latest_file", str(r, "latest_file"))
                    .text("latest_status", str(r, "latest_status"));
        }
        return t;
    }

    /** The LEA's own rows, every school year of the run, extracts in §2 order. */
    static ReportTable checklist(MartTable status, String lea) {
        ReportTable t = new ReportTable("submission-checklist", "Your submission checklist, every school year of this "
                + "run (submission_status, SPEC §5.11)")
                .header("school year", null).header("extract", null)
                .header("status", "in force, rejected (only rejected files claim the year) or missing (no file does)")
                .header("file in force", "its rows of the year are the ones used").header("its date", null)
                .header("rows in force", "accepted rows of the year in the file in force")
                .header("days old", "as-of date minus the in-force file's extract date")
                .header("newest file", "the newest file claiming the year").header("its status", "load_report status");
        Map<String, Map<String, Object>> byKey = index(status);
        TreeSet<String> years = new TreeSet<>();
        status.rows().forEach(r -> years.add(str(r, "school_year")));
        for (String year : years) {
            for (String extract : EXTRACTS) {
                Map<String, Object> r = byKey.get(key(year, lea, extract));
                if (r == null) {
                    continue;
                }
                String s = str(r, "status");
                t.row(year + "|" + extract).text("school_year", year).text("extract", extract)
                        .cell("status", s, cls(r)).text("in_force_file", str(r, "in_force_file"))
                        .text("in_force_extract_date", str(r, "in_force_extract_date"))
                        .num("rows_in_force", Fmt.count(lng(r, "rows_in_force")))
                        .num("days_since_in_force", Fmt.count(lng(r, "days_since_in_force")))
                        .text("latest_file", str(r, "latest_file")).text("latest_status", str(r, "latest_status"));
            }
        }
        return t;
    }

    private static void leaCell(ReportTable t, String lea) {
        if (Report.hasPage(lea)) {
            t.link("lea_id", lea, Report.LEA_DIR + "/" + lea + ".html");
        } else {
            t.text("lea_id", lea);
        }
    }

    /** Rows by school_year|lea_id|extract, built once per table rather than scanned per cell. */
    private static Map<String, Map<String, Object>> index(MartTable status) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        status.rows().forEach(r -> byKey.put(key(str(r, "school_year"), str(r, "lea_id"), str(r, "extract")), r));
        return byKey;
    }

    private static String key(String year, String lea, String extract) {
        return year + "|" + lea + "|" + extract;
    }
}
