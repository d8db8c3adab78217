package org.sea.pli.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folded {@link LeaModel} as bytes, field by field, for the checkpoints and the reuse store: an
 * explicit layout that a reader checks as it goes, never Java serialization (which would restore
 * whatever classes a file names and silently default a field a newer pl-impact added). Whoever
 * stores these bytes puts a format number in front of them; {@link #VERSION} is raised whenever
 * this layout changes, so a file of another layout is loaded again, never misread.
 *
 * <p>A model is written as parts: its <b>head</b> (LEA id, rubric dimensions, school years) and
 * one part per <b>school year</b> with that year's tallies. A store keeps the parts apart, so a
 * restored model reads only the years a run computes marts for (docs/spec.md §6.1): a night that
 * reuses every partition of earlier years never reads their tallies.
 *
 * <p>Maps are written in their iteration order and read back into the same map classes the folds
 * build, inserted in that order, so a restored model iterates exactly as the folded one did: the
 * marts see the same order, the same double sums, the same bytes. Strings go through a table (an
 * educator id is written once per part, then referenced); the parts of one model read share one
 * instance per id, as the folded model does, which keeps restored models small.
 */
public final class LeaModelFormat {

    /** The layout below; raise it with any change to what is written. */
    public static final int VERSION = 2;

    private LeaModelFormat() {}

    /** LEA id, rubric dimensions (§4.9: tallies index them) and the school years with a part. */
    public static void writeHead(LeaModel m, DataOutput out) throws IOException {
        ModelData.Out o = new ModelData.Out(out);
        o.string(m.leaId);
        o.count(m.dimensions.size());
        for (String d : m.dimensions) {
            o.string(d);
        }
        Set<Integer> years = m.years();
        o.count(years.size());
        for (int year : years) {
            out.writeInt(year);
        }
    }

    /** A model with no tallies read yet, and the school years that have a part, ascending. */
    public record Head(LeaModel model, List<Integer> years) {}

    /**
     * Reads a head {@link #writeHead} wrote: a model whose years are read from {@code stored} when
     * {@link LeaModel#readYears} asks for them.
     */
    public static LeaModel readHead(DataInput in, StoredYears stored) throws IOException {
        ModelData.Shared shared = new ModelData.Shared();
        Head head = readHead(in, shared);
        head.model().stored(head.years(), stored, shared);
        return head.model();
    }

    static Head readHead(DataInput in, ModelData.Shared shared) throws IOException {
        ModelData.In i = new ModelData.In(in, shared);
        LeaModel m = new LeaModel(i.string());
        for (int n = i.count(); n > 0; n--) {
            m.dimensions.add(i.string());
        }
        List<Integer> years = new ArrayList<>();
        for (int n = i.count(); n > 0; n--) {
            int year = in.readInt();
            if (!years.isEmpty() && year <= years.get(years.size() - 1)) {
                throw new IOException("school years out of order: " + year + " after " + years);
            }
            years.add(year);
        }
        return new Head(m, List.copyOf(years));
    }

    /**
     * The part of one school year as {@link #writeYear} writes it, or, for a year the model holds
     * still stored (one a changed LEA took over from its stored result), those stored bytes.
     */
    public static byte[] yearPart(LeaModel m, int year) throws IOException {
        byte[] stored = m.storedPart(year);
        if (stored != null) {
            return stored;
        }
        ByteArrayOutputStream part = new ByteArrayOutputStream(1 << 16);
        writeYear(m, year, new DataOutputStream(part));
        return part.toByteArray();
    }

    /** The part of one school year: every tally of the model for that year. */
    public static void writeYear(LeaModel m, int year, DataOutput out) throws IOException {
        m.requireRead(year);
        ModelData.Out o = new ModelData.Out(out);
        Map<String, Activity> activities = m.activities.get(year);
        if (present(out, activities)) {
            o.count(activities.size());
            for (var a : activities.entrySet()) {
                Activity v = a.getValue();
                o.string(a.getKey());
                o.string(v.activityId());
                o.string(v.cohortId());
                o.string(v.plModel());
                out.writeBoolean(v.toolSpecific());
                o.string(v.focus());
                o.string(v.framework());
            }
        }
        List<FundingLine> funding = m.funding.get(year);
        if (present(out, funding)) {
            o.count(funding.size());
            for (FundingLine f : funding) {
                o.string(f.activityId());
                o.string(f.fundingSource());
                o.string(f.amountUsd() == null ? null : f.amountUsd().toString());
            }
        }
        Set<ParticipationKey> enrollments = m.enrollments.get(year);
        if (present(out, enrollments)) {
            o.count(enrollments.size());
            for (ParticipationKey k : enrollments) {
                o.key(k);
            }
        }
        Map<ParticipationKey, AttendanceTally> attendance = m.attendance.get(year);
        if (present(out, attendance)) {
            o.count(attendance.size());
            for (var t : attendance.entrySet()) {
                o.key(t.getKey());
                AttendanceTally v = t.getValue();
                out.writeLong(v.minutes);
                out.writeInt(v.sessions);
                out.writeLong(v.firstSession);
                out.writeLong(v.lastSession);
            }
        }
        Map<ParticipationKey, SatisfactionTally> satisfaction = m.satisfaction.get(year);
        if (present(out, satisfaction)) {
            o.count(satisfaction.size());
            for (var t : satisfaction.entrySet()) {
                o.key(t.getKey());
                out.writeDouble(t.getValue().scoreSum);
                out.writeInt(t.getValue().responses);
            }
        }
        Map<ParticipationKey, PracticeTally> practice = m.practice.get(year);
        if (present(out, practice)) {
            o.count(practice.size());
            for (var t : practice.entrySet()) {
                o.key(t.getKey());
                PracticeTally v = t.getValue();
                out.writeLong(v.baselineSum);
                out.writeInt(v.baselineN);
                out.writeLong(v.followupSum);
                out.writeInt(v.followupN);
                o.ints(v.byDimension, v.byDimension == null ? 0 : v.byDimension.length);
            }
        }
        Map<String, EducatorOutcomes> outcomes = m.outcomes.get(year);
        if (present(out, outcomes)) {
            o.count(outcomes.size());
            for (var e : outcomes.entrySet()) {
                o.string(e.getKey());
                o.count(e.getValue().groups.size());
                for (EducatorOutcomes.GroupRows g : e.getValue().groups) {
                    out.writeInt(g.group.schoolYear());
                    o.string(g.group.assessmentId());
                    out.writeInt(g.group.grade());
                    o.moments(g.gains);
                    o.moments(g.priors);
                    o.ints(g.students, g.count);
                }
            }
        }
        Integer students = m.students.get(year);
        if (present(out, students)) {
            out.writeInt(students);
        }
    }

    /** Whether the model has the field for the year at all (an empty map still makes a year exist). */
    private static boolean present(DataOutput out, Object field) throws IOException {
        out.writeBoolean(field != null);
        return field != null;
    }

    /** Reads one year's part into {@code m}; {@code shared} is the same for every part of the model. */
    static void readYear(LeaModel m, int year, byte[] part, ModelData.Shared shared) throws IOException {
        BufferInput in = new BufferInput(part);
        ModelData.In i = new ModelData.In(in, shared);
        if (in.readBoolean()) {
            Map<String, Activity> activities = new HashMap<>();
            for (int n = i.count(); n > 0; n--) {
                String key = i.string();
                activities.put(
                        key,
                        new Activity(i.string(), i.string(), i.string(), in.readBoolean(), i.string(), i.string()));
            }
            m.activities.put(year, activities);
        }
        if (in.readBoolean()) {
            List<FundingLine> lines = new ArrayList<>();
            for (int n = i.count(); n > 0; n--) {
                String activity = i.string();
                String source = i.string();
                String amount = i.string();
                lines.add(new FundingLine(activity, source, amount == null ? null : new BigDecimal(amount)));
            }
            m.funding.put(year, lines);
        }
        if (in.readBoolean()) {
            Set<ParticipationKey> keys = new HashSet<>();
            for (int n = i.count(); n > 0; n--) {
                keys.add(i.key());
            }
            m.enrollments.put(year, keys);
        }
        if (in.readBoolean()) {
            Map<ParticipationKey, AttendanceTally> tallies = new HashMap<>();
            for (int n = i.count(); n > 0; n--) {
                ParticipationKey key = i.key();
                AttendanceTally t = new AttendanceTally();
                t.minutes = in.readLong();
                t.sessions = in.readInt();
                t.firstSession = in.readLong();
                t.lastSession = in.readLong();
                tallies.put(key, t);
            }
            m.attendance.put(year, tallies);
        }
        if (in.readBoolean()) {
            Map<ParticipationKey, SatisfactionTally> tallies = new HashMap<>();
            for (int n = i.count(); n > 0; n--) {
                ParticipationKey key = i.key();
                SatisfactionTally t = new SatisfactionTally();
                t.scoreSum = in.readDouble();
                t.responses = in.readInt();
                tallies.put(key, t);
            }
            m.satisfaction.put(year, tallies);
        }
        if (in.readBoolean()) {
            Map<ParticipationKey, PracticeTally> tallies = new HashMap<>();
            for (int n = i.count(); n > 0; n--) {
                ParticipationKey key = i.key();
                PracticeTally t = new PracticeTally();
                t.baselineSum = in.readLong();
                t.baselineN = in.readInt();
                t.followupSum = in.readLong();
                t.followupN = in.readInt();
                int[] byDimension = i.ints();
                t.byDimension = byDimension.length == 0 ? null : byDimension;
                tallies.put(key, t);
            }
            m.practice.put(year, tallies);
        }
        if (in.readBoolean()) {
            Map<String, EducatorOutcomes> educators = new HashMap<>();
            Map<GrowthGroup, GrowthGroup> groups = new HashMap<>(); // one instance per group, as folded
            for (int n = i.count(); n > 0; n--) {
                String educator = i.string();
                EducatorOutcomes e = new EducatorOutcomes();
                for (int g = i.count(); g > 0; g--) {
                    GrowthGroup group = new GrowthGroup(in.readInt(), i.string(), in.readInt());
                    EducatorOutcomes.GroupRows rows =
                            new EducatorOutcomes.GroupRows(groups.computeIfAbsent(group, k -> k));
                    i.moments(rows.gains);
                    i.moments(rows.priors);
                    rows.students = i.ints();
                    rows.count = rows.students.length;
                    if (rows.count == 0) {
                        rows.students = new int[4];
                    }
                    e.groups.add(rows);
                }
                educators.put(educator, e);
            }
            m.outcomes.put(year, educators);
        }
        if (in.readBoolean()) {
            m.students.put(year, in.readInt());
        }
        if (in.remaining() != 0) {
            throw new IOException(in.remaining() + " byte(s) after the part of " + year);
        }
    }
}
