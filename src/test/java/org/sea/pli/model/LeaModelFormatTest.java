package org.sea.pli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explicit layout of a folded model: what is written is read back whole (written again, the
 * bytes are the same), in the same iteration order, with one instance per key; bytes that are not
 * a model are an {@link IOException}, never a half-filled model.
 */
class LeaModelFormatTest {

    /** Two years, every kind of tally, a null byDimension and a funding amount with trailing zeros. */
    static LeaModel model() {
        LeaModel m = new LeaModel("lea-7");
        int practice = m.dimension("questioning");
        m.dimension("feedback");
        ParticipationKey k = m.participation("act-1", "edu-1");
        ParticipationKey k2 = m.participation("act-2", "edu-1");
        m.activities.put(
                2025,
                new java.util.HashMap<>(java.util.Map.of(
                        "act-1", new Activity("act-1", "c-1", "coaching", true, "udl", "iste"),
                        "act-2", new Activity("act-2", "c-2", "plc", false, "other", "none"))));
        m.funding.put(
                2025,
                List.of(
                        new FundingLine("act-1", "title_ii_a", new BigDecimal("1200.50")),
                        new FundingLine("act-1", "state", new BigDecimal("10"))));
        m.enrollments.put(2025, new java.util.HashSet<>(List.of(k, k2)));
        AttendanceTally a = new AttendanceTally();
        a.add(90, 20_000);
        a.add(60, 20_030);
        m.attendance.put(2025, new java.util.HashMap<>(java.util.Map.of(k, a)));
        SatisfactionTally s = new SatisfactionTally();
        s.addResponse(7, 2); // 3.5
        m.satisfaction.put(2025, new java.util.HashMap<>(java.util.Map.of(k, s)));
        PracticeTally p = new PracticeTally();
        p.add(false, 2, practice);
        p.add(true, 3, practice);
        PracticeTally bare = new PracticeTally();
        bare.add(true, 4); // no dimension named: byDimension stays null
        m.practice.put(2025, new java.util.HashMap<>(java.util.Map.of(k, p, k2, bare)));
        EducatorOutcomes e = new EducatorOutcomes();
        e.add(new GrowthGroup(2025, "math", 4), 12.5, 200, 0);
        e.add(new GrowthGroup(2025, "math", 4), -3.0, 210, 1);
        e.add(new GrowthGroup(2025, "ela", 4), 1.0, 190, 0);
        m.outcomes.put(2025, new java.util.HashMap<>(java.util.Map.of("edu-1", e)));
        m.students.put(2025, 2);
        m.funding.put(2026, List.of(new FundingLine("act-9", "local", null)));
        return m;
    }

    private static byte[] bytes(LeaModel m) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        WholeModels.write(m, new DataOutputStream(buffer));
        return buffer.toByteArray();
    }

    private static LeaModel read(byte[] bytes) throws IOException {
        return WholeModels.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void whatIsWrittenIsReadBackWhole() throws IOException {
        LeaModel m = model();
        byte[] written = bytes(m);
        LeaModel back = read(written);

        assertThat(bytes(back)).as("written again, the same bytes").isEqualTo(written);
        assertThat(back.leaId()).isEqualTo("lea-7");
        assertThat(back.years()).containsExactly(2025, 2026);
        assertThat(back.dimensions).containsExactly("questioning", "feedback");
        assertThat(back.activities).isEqualTo(m.activities);
        assertThat(back.funding.get(2025).get(0).amountUsd()).isEqualByComparingTo("1200.50");
        assertThat(back.funding.get(2025).get(0).amountUsd().scale())
                .as("the decimal's scale kept")
                .isEqualTo(2);
        assertThat(back.funding.get(2026).get(0).amountUsd()).isNull();
        assertThat(back.enrollments).isEqualTo(m.enrollments);
        ParticipationKey k = new ParticipationKey("act-1", "edu-1");
        AttendanceTally a = back.attendance.get(2025).get(k);
        assertThat(List.of(a.minutes, (long) a.sessions, a.firstSession, a.lastSession))
                .containsExactly(150L, 2L, 20_000L, 20_030L);
        assertThat(back.satisfaction.get(2025).get(k).mean()).isEqualTo(3.5);
        PracticeTally p = back.practice.get(2025).get(k);
        assertThat(p.change()).isEqualTo(1.0); // followup 3 − baseline 2
        assertThat(p.change(0)).isEqualTo(1.0);
        assertThat(p.change(1)).isNull();
        assertThat(back.practice.get(2025).get(new ParticipationKey("act-2", "edu-1")).byDimension)
                .isNull();
        EducatorOutcomes e = back.outcomes.get(2025).get("edu-1");
        assertThat(e.groups).hasSize(2);
        EducatorOutcomes.GroupRows math = e.groups.get(0);
        assertThat(math.group).isEqualTo(new GrowthGroup(2025, "math", 4));
        // gains 12.5 and −3.0: mean 4.75, m2 = 2 · 7.75² = 120.125
        assertThat(List.of(math.gains.n, math.gains.mean, math.gains.m2)).containsExactly(2L, 4.75, 120.125);
        assertThat(Arrays.copyOf(math.students, math.count)).containsExactly(0, 1);
        assertThat(back.students).containsEntry(2025, 2);
    }

    @Test
    void aRestoredModelSharesOneInstancePerKeyAndIteratesAsTheFoldedOne() throws IOException {
        LeaModel m = model();
        LeaModel back = read(bytes(m));
        ParticipationKey inEnrollments = back.enrollments.get(2025).stream()
                .filter(k -> k.activityId().equals("act-1"))
                .findFirst()
                .orElseThrow();
        ParticipationKey inAttendance =
                back.attendance.get(2025).keySet().iterator().next();
        assertThat(inAttendance).isSameAs(inEnrollments);
        assertThat(List.copyOf(back.practice.get(2025).keySet()))
                .isEqualTo(List.copyOf(m.practice.get(2025).keySet()));
        assertThat(List.copyOf(back.enrollments.get(2025))).isEqualTo(List.copyOf(m.enrollments.get(2025)));
    }

    @Test
    void bytesThatAreNotAModelAreAnIoExceptionNeverAHalfModel() throws IOException {
        byte[] written = bytes(model());
        assertThatThrownBy(() -> read(Arrays.copyOf(written, written.length / 2)))
                .isInstanceOf(IOException.class);
        byte[] badReference = written.clone();
        // the first field is the LEA id: tag 1 (a new string) turned into a reference to string 5
        badReference[3] = 7;
        assertThatThrownBy(() -> read(badReference))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("string reference 7");
    }

    /** Each year's part as the store keeps it, by school year. */
    static java.util.Map<Integer, byte[]> yearParts(LeaModel m) throws IOException {
        java.util.Map<Integer, byte[]> parts = new java.util.TreeMap<>();
        for (int year : m.years()) {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            LeaModelFormat.writeYear(m, year, new DataOutputStream(part));
            parts.put(year, part.toByteArray());
        }
        return parts;
    }

    @Test
    void aModelRestoredFromItsPartsReadsOnlyTheSchoolYearsAskedForAndRefusesToBeUsedWithoutThem() throws IOException {
        LeaModel folded = model();
        java.util.Map<Integer, byte[]> parts = yearParts(folded);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        LeaModelFormat.writeHead(folded, new DataOutputStream(head));
        List<java.util.Set<Integer>> asked = new java.util.ArrayList<>();
        LeaModel restored =
                LeaModelFormat.readHead(new DataInputStream(new ByteArrayInputStream(head.toByteArray())), years -> {
                    asked.add(java.util.Set.copyOf(years));
                    java.util.Map<Integer, byte[]> wanted = new java.util.HashMap<>();
                    years.forEach(y -> wanted.put(y, parts.get(y)));
                    return wanted;
                });

        assertThat(restored.years()).as("known from the head alone").containsExactly(2025, 2026);
        assertThat(restored.dimensions()).containsExactly("questioning", "feedback");
        assertThat(asked).as("nothing read before a year is asked for").isEmpty();
        GrowthStandardization none = GrowthStandardization.of(List.of());
        assertThatThrownBy(() -> LeaYear.of(restored, 2025, none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("school year 2025 of LEA lea-7");

        restored.readYears(java.util.Set.of(2026));
        assertThat(asked).containsExactly(java.util.Set.of(2026));
        assertThat(restored.funding.get(2026).get(0).activityId()).isEqualTo("act-9");
        assertThat(restored.attendance).as("2025 still stored").isEmpty();

        restored.readYears(java.util.Set.of(2025, 2026));
        assertThat(asked).as("2026 is not read twice").containsExactly(java.util.Set.of(2026), java.util.Set.of(2025));
        assertThat(bytes(restored)).as("whole again: the folded model's bytes").isEqualTo(bytes(folded));
        // act-1/edu-1 is in enrollments and attendance of 2025: one instance for both
        ParticipationKey inEnrollments = restored.enrollments.get(2025).stream()
                .filter(k -> k.activityId().equals("act-1"))
                .findFirst()
                .orElseThrow();
        assertThat(restored.attendance.get(2025).keySet().iterator().next())
                .as("one key instance across the maps of a part")
                .isSameAs(inEnrollments);
    }

    @Test
    void aYearPartWithBytesLeftOverIsAnIoException() throws IOException {
        LeaModel folded = model();
        byte[] part = yearParts(folded).get(2026);
        byte[] longer = Arrays.copyOf(part, part.length + 1);
        LeaModel m = new LeaModel("lea-7");
        assertThatThrownBy(() -> LeaModelFormat.readYear(m, 2026, longer, new ModelData.Shared()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("1 byte(s) after the part of 2026");
    }
}
