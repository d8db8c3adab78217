package org.sea.pli.model;

import java.io.DataInput;
import java.io.DataOutput;
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
 * <p>Maps are written in their iteration order and read back into the same map classes the folds
 * build, inserted in that order, so a restored model iterates exactly as the folded one did: the
 * marts see the same order, the same double sums, the same bytes. Strings go through a table (an
 * educator id is written once per model, then referenced), which also restores the sharing of
 * one string instance per id that keeps the models small.
 */
public final class LeaModelFormat {

    /** The layout below; raise it with any change to what is written. */
    public static final int VERSION = 1;

    private LeaModelFormat() {}

    public static void write(LeaModel m, DataOutput out) throws IOException {
        ModelData.Out o = new ModelData.Out(out);
        o.string(m.leaId);
        o.count(m.dimensions.size());
        for (String d : m.dimensions) {
            o.string(d);
        }
        o.count(m.activities.size());
        for (var year : m.activities.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (var a : year.getValue().entrySet()) {
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
        o.count(m.funding.size());
        for (var year : m.funding.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (FundingLine f : year.getValue()) {
                o.string(f.activityId());
                o.string(f.fundingSource());
                o.string(f.amountUsd() == null ? null : f.amountUsd().toString());
            }
        }
        o.count(m.enrollments.size());
        for (var year : m.enrollments.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (ParticipationKey k : year.getValue()) {
                o.key(k);
            }
        }
        o.count(m.attendance.size());
        for (var year : m.attendance.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (var t : year.getValue().entrySet()) {
                o.key(t.getKey());
                AttendanceTally v = t.getValue();
                out.writeLong(v.minutes);
                out.writeInt(v.sessions);
                out.writeLong(v.firstSession);
                out.writeLong(v.lastSession);
            }
        }
        o.count(m.satisfaction.size());
        for (var year : m.satisfaction.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (var t : year.getValue().entrySet()) {
                o.key(t.getKey());
                out.writeDouble(t.getValue().scoreSum);
                out.writeInt(t.getValue().responses);
            }
        }
        o.count(m.practice.size());
        for (var year : m.practice.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (var t : year.getValue().entrySet()) {
                o.key(t.getKey());
                PracticeTally v = t.getValue();
                out.writeLong(v.baselineSum);
                out.writeInt(v.baselineN);
                out.writeLong(v.followupSum);
                out.writeInt(v.followupN);
                o.ints(v.byDimension, v.byDimension == null ? 0 : v.byDimension.length);
            }
        }
        o.count(m.outcomes.size());
        for (var year : m.outcomes.entrySet()) {
            out.writeInt(year.getKey());
            o.count(year.getValue().size());
            for (var e : year.getValue().entrySet()) {
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
        o.count(m.students.size());
        for (var year : m.students.entrySet()) {
            out.writeInt(year.getKey());
            out.writeInt(year.getValue());
        }
    }

    /** The model written by {@link #write}; an {@link IOException} when the bytes are not one. */
    public static LeaModel read(DataInput in) throws IOException {
        ModelData.In i = new ModelData.In(in);
        LeaModel m = new LeaModel(i.string());
        for (int n = i.count(); n > 0; n--) {
            m.dimensions.add(i.string());
        }
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
            Map<String, Activity> activities = new HashMap<>();
            for (int n = i.count(); n > 0; n--) {
                String key = i.string();
                activities.put(
                        key,
                        new Activity(i.string(), i.string(), i.string(), in.readBoolean(), i.string(), i.string()));
            }
            m.activities.put(year, activities);
        }
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
            List<FundingLine> lines = new ArrayList<>();
            for (int n = i.count(); n > 0; n--) {
                String activity = i.string();
                String source = i.string();
                String amount = i.string();
                lines.add(new FundingLine(activity, source, amount == null ? null : new BigDecimal(amount)));
            }
            m.funding.put(year, lines);
        }
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
            Set<ParticipationKey> keys = new HashSet<>();
            for (int n = i.count(); n > 0; n--) {
                keys.add(i.key());
            }
            m.enrollments.put(year, keys);
        }
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
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
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
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
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
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
        for (int years = i.count(); years > 0; years--) {
            int year = in.readInt();
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
        for (int years = i.count(); years > 0; years--) {
            m.students.put(in.readInt(), in.readInt());
        }
        return m;
    }
}
