package org.sea.pli.disclosure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sea.pli.parquet.MartColumn;
import org.sea.pli.parquet.MartReader;
import org.sea.pli.parquet.MartRecord;
import org.sea.pli.parquet.MartSchema;

/**
 * The check before publishing (docs/spec.md §5.12 step 4), on the public marts as written: it reads
 * them back through the Parquet facade and restates §5.12 here, in its own words, rather than
 * reading the {@code disclosure} rules of the schema files or calling {@link Disclosure}: a mistake
 * in either the rules or the suppression is then caught by the other. It finds:
 * <ul>
 *   <li>an unsuppressed row whose educator count is below min-cell-size (or, in cohort_impact, a
 *       student-unsuppressed row whose student count is), or a suppressed row that still shows a
 *       suppressed column;</li>
 *   <li>a group of step 1 with exactly one suppressed row among two or more;</li>
 *   <li>a funding_efficiency LEA-model-year partly withheld, or shown beside a suppressed cohort;</li>
 *   <li>a bright spot that is not a published cohort with enough practice pairs.</li>
 * </ul>
 */
public final class PublicationCheck {

    /** Educator count per public mart with person counts (§5.2–§5.4, §5.8–§5.10). */
    private static final Map<String, String> EDUCATOR_COUNT = new LinkedHashMap<>();

    /** The groups of §5.12 step 1, school year first. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        EDUCATOR_COUNT.put("cohort_impact", "n_educators");
        EDUCATOR_COUNT.put("model_comparison", "n_educators");
        EDUCATOR_COUNT.put("funding_efficiency", "educators_reached");
        EDUCATOR_COUNT.put("practice_by_design", "n_educators");
        EDUCATOR_COUNT.put("practice_by_dimension", "n_educators");
        EDUCATOR_COUNT.put("practice_persistence", "n_followed");
        GROUPS.put("cohort_impact", List.of("school_year", "pl_model"));
        GROUPS.put("model_comparison", List.of("school_year"));
        GROUPS.put("practice_by_design", List.of("school_year", "factor"));
    }

    private static final List<String> FUNDING_GROUP = List.of("school_year", "lea_id", "pl_model");
    private static final List<String> BRIGHT_SPOT = List.of("school_year", "lea_id", "cohort_id", "pl_model");

    private static final String PERSISTENCE = "practice_persistence";
    /** The marts whose rows the rules relate within a school year. */
    private static final List<String> YEAR_UNIT = List.of(
            "cohort_impact",
            "model_comparison",
            "funding_efficiency",
            "practice_by_design",
            "practice_by_dimension",
            "bright_spots");
    /** Every mart the check reads. */
    public static final List<String> CHECKED;

    static {
        List<String> checked = new ArrayList<>(YEAR_UNIT);
        checked.add(PERSISTENCE);
        CHECKED = List.copyOf(checked);
    }

    private final FileSystem fs;
    private final Path martsDir;
    private final MartReader reader;
    private final int minCellSize;

    /** @param martsDir a run's {@code marts/} directory */
    public PublicationCheck(FileSystem fs, Path martsDir, int minCellSize) {
        this.fs = fs;
        this.martsDir = martsDir;
        this.reader = new MartReader(fs, martsDir);
        this.minCellSize = minCellSize;
    }

    /** Every violation found, one line each naming the mart and the row's key; empty when none. */
    public List<String> violations() throws IOException {
        return violations(unit -> true);
    }

    /**
     * The violations in the units {@code reads} accepts. A unit is a part of the marts no rule looks
     * beyond, named by its partitions ({@code <mart>/<partition folder>}): each rule is taken within
     * a school year (every group of step 1 and step 2, every bright spot's cohort has it in its key),
     * so per school year one unit of {@code practice_persistence}, whose rules look at single rows,
     * and one of the other marts, whose rules relate their rows. A unit not accepted is not read and
     * not checked: the caller answers for it (docs/spec.md §5.12 step 4: bytes checked before).
     */
    public List<String> violations(Predicate<List<String>> reads) throws IOException {
        Map<String, List<MartRecord>> marts = new HashMap<>();
        CHECKED.forEach(mart -> marts.put(mart, new ArrayList<>()));
        for (String partition : partitions()) {
            for (List<String> unit : List.of(List.of(PERSISTENCE), YEAR_UNIT)) {
                List<String> named = unit.stream().map(m -> m + "/" + partition).toList();
                if (reads.test(named)) {
                    for (String mart : unit) {
                        marts.get(mart).addAll(reader.read(MartSchema.load(mart), partition));
                    }
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> e : EDUCATOR_COUNT.entrySet()) {
            for (MartRecord r : marts.get(e.getKey())) {
                smallOrLeaking(r, e.getValue(), found);
            }
        }
        GROUPS.forEach((mart, group) -> loneSuppressed(marts.get(mart), group, found));
        funding(marts.get("funding_efficiency"), marts.get("cohort_impact"), found);
        brightSpots(marts.get("bright_spots"), marts.get("cohort_impact"), found);
        return found;
    }

    /** The partition folders of the checked marts ("" for files directly below a mart's folder), in name order. */
    private SortedSet<String> partitions() throws IOException {
        SortedSet<String> partitions = new TreeSet<>();
        for (String mart : CHECKED) {
            Path dir = new Path(martsDir, mart);
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus st : fs.listStatus(dir)) {
                if (st.isDirectory() && st.getPath().getName().startsWith(MartSchema.PARTITION_PREFIX)) {
                    partitions.add(st.getPath().getName());
                } else if (st.isFile() && st.getPath().getName().endsWith(".parquet")) {
                    partitions.add("");
                }
            }
        }
        return partitions;
    }

    private void smallOrLeaking(MartRecord r, String count, List<String> found) {
        boolean suppressed = Boolean.TRUE.equals(r.bool("suppressed"));
        if (!suppressed) {
            Double n = number(r, count);
            if (n == null || n < minCellSize) {
                found.add(key(r) + " is published with " + count + " " + plain(n) + " below min-cell-size "
                        + minCellSize);
            }
        } else {
            leaking(r, MartColumn.EDUCATOR, "suppressed", found);
        }
        if (has(r, "student_suppressed")) {
            if (!Boolean.TRUE.equals(r.bool("student_suppressed"))) {
                Double students = number(r, "n_students");
                if (suppressed || students == null || students < minCellSize) {
                    found.add(key(r) + " is published with its student columns for " + plain(students)
                            + " students (suppressed " + suppressed + ", min-cell-size " + minCellSize + ")");
                }
            } else {
                leaking(r, MartColumn.STUDENT, "student_suppressed", found);
            }
        }
    }

    private static void leaking(MartRecord r, String suppression, String flag, List<String> found) {
        MartSchema schema = r.schema();
        for (MartColumn c : schema.columns()) {
            if (suppression.equals(c.suppression()) && r.value(c.name()) != null) {
                found.add(key(r) + " is " + flag + " but shows " + c.name());
            }
        }
    }

    private static void loneSuppressed(List<MartRecord> rows, List<String> group, List<String> found) {
        Map<List<Object>, List<MartRecord>> groups = new LinkedHashMap<>();
        rows.forEach(r ->
                groups.computeIfAbsent(values(r, group), k -> new ArrayList<>()).add(r));
        for (List<MartRecord> members : groups.values()) {
            List<MartRecord> hidden = members.stream()
                    .filter(r -> Boolean.TRUE.equals(r.bool("suppressed")))
                    .toList();
            if (members.size() >= 2 && hidden.size() == 1) {
                found.add(key(hidden.get(0)) + " is the only suppressed row of its " + group + " group of "
                        + members.size() + ": the group's total gives it back by subtraction");
            }
        }
    }

    private static void funding(List<MartRecord> funding, List<MartRecord> cohorts, List<String> found) {
        Set<List<Object>> suppressedCohorts = new HashSet<>();
        for (MartRecord c : cohorts) {
            if (Boolean.TRUE.equals(c.bool("suppressed"))) {
                suppressedCohorts.add(values(c, FUNDING_GROUP));
            }
        }
        Map<List<Object>, List<MartRecord>> groups = new LinkedHashMap<>();
        funding.forEach(r -> groups.computeIfAbsent(values(r, FUNDING_GROUP), k -> new ArrayList<>())
                .add(r));
        for (Map.Entry<List<Object>, List<MartRecord>> g : groups.entrySet()) {
            long hidden = g.getValue().stream()
                    .filter(r -> Boolean.TRUE.equals(r.bool("suppressed")))
                    .count();
            if (hidden > 0 && hidden < g.getValue().size()) {
                found.add("funding_efficiency " + FUNDING_GROUP + "=" + g.getKey() + " has " + hidden + " of "
                        + g.getValue().size() + " rows suppressed: all or none");
            } else if (hidden == 0 && suppressedCohorts.contains(g.getKey())) {
                found.add("funding_efficiency " + FUNDING_GROUP + "=" + g.getKey()
                        + " is published beside a suppressed cohort_impact row of that LEA, model and year");
            }
        }
    }

    private void brightSpots(List<MartRecord> spots, List<MartRecord> cohorts, List<String> found) {
        Map<List<Object>, MartRecord> byKey = new HashMap<>();
        cohorts.forEach(c -> byKey.put(values(c, BRIGHT_SPOT), c));
        for (MartRecord s : spots) {
            MartRecord c = byKey.get(values(s, BRIGHT_SPOT));
            Integer pairs = c == null ? null : c.int32("n_practice_pairs");
            if (c == null || Boolean.TRUE.equals(c.bool("suppressed")) || pairs == null || pairs < minCellSize) {
                found.add(key(s) + " is not a published cohort_impact row with at least " + minCellSize
                        + " practice pairs");
            }
        }
    }

    /** A count as a reader would write it: 4, not 4.0; fractional reach as is. */
    private static String plain(Double n) {
        return n == null ? "null" : n == Math.rint(n) ? Long.toString(n.longValue()) : Double.toString(n);
    }

    private static boolean has(MartRecord r, String column) {
        return r.schema().columns().stream().anyMatch(c -> c.name().equals(column));
    }

    private static Double number(MartRecord r, String column) {
        Object v = r.value(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static List<Object> values(MartRecord r, List<String> columns) {
        List<Object> values = new ArrayList<>();
        for (String c : columns) {
            values.add(r.value(c));
        }
        return values;
    }

    /** The mart and the row's key, e.g. {@code cohort_impact (school_year=2025-26, lea_id=L1, …)}. */
    private static String key(MartRecord r) {
        StringBuilder b = new StringBuilder(r.schema().name()).append(" (");
        List<String> key = r.schema().key();
        List<Object> values = values(r, key);
        for (int i = 0; i < key.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(key.get(i)).append('=').append(values.get(i));
        }
        return b.append(')').toString();
    }
}
