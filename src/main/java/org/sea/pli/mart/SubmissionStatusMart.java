package org.sea.pli.mart;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sea.pli.extract.ExtractSchema;
import org.sea.pli.extract.FileOutcome;
import org.sea.pli.extract.FileResult;
import org.sea.pli.extract.FileStatus;
import org.sea.pli.extract.InboxFile;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.parquet.MartSchema;

/**
 * Mart {@code submission_status} (spec §5.11): the compliance grid a state monitors — every
 * registered LEA × every extract × every school year of the run, with what is in force, how old it
 * is and what the newest file claiming the year became. Fed by the load outcomes (what reading the
 * files already found), not by the folded LEA models: an LEA without a folder still gets its rows.
 */
public final class SubmissionStatusMart implements Mart {

    public static final String NAME = "submission_status";

    /** §5.11 latest_file: the newest claiming file; on equal dates the greater file name. */
    private static final Comparator<InboxFile> NEWEST =
            Comparator.comparing(InboxFile::extractDate).thenComparing(InboxFile::fileName);

    /**
     * What the load knows: the LEAs of {@code _state/leas.csv}, the as-of date and every file's
     * outcome (ignored ones included: they claim nothing).
     */
    public record Input(Collection<String> registeredLeas, LocalDate asOf, List<FileOutcome> outcomes) {}

    private final MartRow shape = new MartRow(MartSchema.load(NAME));

    @Override
    public String name() {
        return NAME;
    }

    /** Writes every row, sorted by the key school_year, lea_id, extract. */
    public void write(Input in, MartSink sink) throws IOException {
        Map<String, List<FileOutcome>> read = new HashMap<>(); // "<lea>/<extract>" → its read files
        TreeSet<Integer> years = new TreeSet<>();
        years.add(SchoolYear.containing(in.asOf())); // §5.11: the as-of date's own year, data or not
        for (FileOutcome o : in.outcomes()) {
            if (o.status() == FileStatus.IGNORED || o.result() == null) {
                continue; // §5.11: ignored files (after_as_of, unknown_lea, …) claim nothing
            }
            read.computeIfAbsent(o.file().leaId() + "/" + o.file().extract(), k -> new ArrayList<>())
                    .add(o);
            if (o.result().rejected() == null) {
                // the newest accepted file with a row of a year is in force for it (§1.1)
                years.addAll(o.result().acceptedYears());
            }
        }
        List<String> leas = in.registeredLeas().stream().sorted().toList();
        List<String> extracts = ExtractSchema.NAMES.stream().sorted().toList(); // key order, not §2 order
        for (int year : years) {
            String partition = SchoolYear.format(year);
            for (String lea : leas) {
                for (String extract : extracts) {
                    sink.row(
                            NAME,
                            partition,
                            row(lea, extract, year, in.asOf(), read.getOrDefault(lea + "/" + extract, List.of())));
                }
            }
        }
    }

    private Object[] row(String lea, String extract, int year, LocalDate asOf, List<FileOutcome> files) {
        int claiming = 0;
        FileOutcome inForce = null;
        FileOutcome latest = null;
        for (FileOutcome o : files) {
            if (!claims(o.result(), year)) {
                continue;
            }
            claiming++;
            if (latest == null || NEWEST.compare(o.file(), latest.file()) > 0) {
                latest = o;
            }
            if (o.result().rejected() == null && (inForce == null || NEWEST.compare(o.file(), inForce.file()) > 0)) {
                inForce = o;
            }
        }
        Object[] r = shape.empty();
        shape.set(r, "lea_id", lea);
        shape.set(r, "extract", extract);
        // §5.11: the file statuses of §1.1 where a file decides the year, "missing" where none claims it
        shape.set(
                r,
                "status",
                inForce != null ? FileStatus.IN_FORCE.code() : latest != null ? FileStatus.REJECTED.code() : "missing");
        shape.set(r, "files", claiming);
        if (inForce != null) {
            LocalDate date = inForce.file().extractDate();
            shape.set(r, "in_force_file", inForce.file().fileName());
            shape.set(r, "in_force_extract_date", date);
            shape.set(r, "rows_in_force", inForce.result().acceptedRows().get(year));
            shape.set(r, "days_since_in_force", Math.toIntExact(ChronoUnit.DAYS.between(date, asOf)));
        }
        if (latest != null) {
            shape.set(r, "latest_file", latest.file().fileName());
            shape.set(r, "latest_extract_date", latest.file().extractDate());
            shape.set(r, "latest_status", latest.status().code());
        }
        return r;
    }

    /**
     * §5.11: a file claims S when it has an accepted row of S, or, rejected, claims S by §1.1 (the
     * well-formed school_year values of its raw rows; every year when it lacks that column).
     */
    static boolean claims(FileResult r, int year) {
        if (r.rejected() == null) {
            return r.acceptedRows().containsKey(year);
        }
        return r.claimedYears() == null || r.claimedYears().contains(year);
    }
}
