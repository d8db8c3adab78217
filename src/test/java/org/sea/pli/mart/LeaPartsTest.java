package org.sea.pli.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.disclosure.Disclosure;
import org.sea.pli.extract.DirectoryQuarantine;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;
import org.sea.pli.model.LeaModel;
import org.sea.pli.stage.InMemoryLoad;

/**
 * An LEA-year's parts of the marts stand in for the LEA-year (docs/spec.md §6.1): the marts written
 * from kept parts — encoded, decoded, and with the year's §4.3 groups kept rather than merged from
 * the LEAs' outcomes — are, value for value and bit for bit, the marts written from the LEA-years.
 * A generated district (two school years, twenty LEAs, every extract, small cohorts suppressed).
 */
class LeaPartsTest {

    @TempDir
    static Path tmp;

    static List<LeaModel> leas;

    @BeforeAll
    static void load() throws Exception {
        Path inbox = tmp.resolve("inbox");
        new InboxGenerator(Scale.DISTRICT, 41, 2).generate(inbox);
        leas = InMemoryLoad.load(inbox, LocalDate.of(2026, 6, 30), 0.05, new DirectoryQuarantine(tmp.resolve("q")))
                .models()
                .all();
    }

    /** Every part given to {@link #made}, and the groups, by school year; hands back what it is told to keep. */
    static final class Keeper implements LeaParts {
        final Map<Integer, Map<String, Map<String, byte[]>>> parts = new TreeMap<>();
        final Map<Integer, List<Object[]>> groups = new TreeMap<>();
        Map<Integer, List<Object[]>> keptGroups = Map.of();
        Map<Integer, Map<String, Map<String, byte[]>>> keep = Map.of();
        int built;

        @Override
        public Map<Integer, List<Object[]>> standardization() {
            return keptGroups;
        }

        @Override
        public byte[] kept(String leaId, int year, String mart) {
            byte[] part = keep.getOrDefault(year, Map.of())
                    .getOrDefault(leaId, Map.of())
                    .get(mart);
            if (part == null) {
                built++;
            }
            return part;
        }

        @Override
        public void made(String leaId, int year, Map<String, byte[]> made) {
            parts.computeIfAbsent(year, y -> new TreeMap<>()).put(leaId, new LinkedHashMap<>(made));
        }

        @Override
        public void standardized(int year, List<Object[]> g) {
            groups.put(year, g);
        }
    }

    private static Map<String, List<Object[]>> write(LeaParts parts) throws IOException {
        ImpactMarts impact = new ImpactMarts(10, 0.5, 10, new EducatorPseudonym(Marts.KEY));
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        Disclosure disclosure = new Disclosure(
                10,
                new BrightSpotsMart(impact.settings()),
                (mart, year, values) -> rows.computeIfAbsent(mart + "/" + year, k -> new ArrayList<>())
                        .add(values.clone()));
        impact.write(leas, disclosure, (mart, year) -> true, parts);
        return rows;
    }

    @Test
    void martsFromKeptPartsAreTheMartsFromTheLeaYearsBitForBit() throws IOException {
        Map<String, List<Object[]>> direct = write(LeaParts.NONE);
        Keeper first = new Keeper();
        assertSameMarts(write(first), direct); // recording the parts leaves the rows as they are
        assertThat(first.parts).hasSize(2); // both school years, every LEA-year, every mart
        assertThat(first.parts.values().iterator().next().values().iterator().next())
                .containsOnlyKeys(MartCatalog.YEAR_MARTS);

        // the next night: every part and both years' groups kept, except one LEA whose year is built
        // with the kept groups (its outcomes merge into nothing: the groups are the year's whole)
        Keeper next = new Keeper();
        next.keptGroups = first.groups;
        Map<Integer, Map<String, Map<String, byte[]>>> keep = new HashMap<>();
        first.parts.forEach((year, byLea) -> {
            Map<String, Map<String, byte[]>> copy = new HashMap<>();
            byLea.forEach((lea, marts) -> copy.put(lea, new HashMap<>(marts)));
            keep.put(year, copy);
        });
        String rebuilt = leas.get(3).leaId();
        keep.values().forEach(byLea -> byLea.remove(rebuilt));
        next.keep = keep;
        assertSameMarts(write(next), direct);
        // only the one LEA's years were built: once per mart per school year it has
        long yearsOfRebuilt = first.parts.values().stream()
                .filter(byLea -> byLea.containsKey(rebuilt))
                .count();
        assertThat(next.built).isEqualTo(yearsOfRebuilt * MartCatalog.YEAR_MARTS.size());
        // and what it recorded for the night after is what the first night recorded
        next.parts.forEach((year, byLea) -> byLea.forEach((lea, marts) -> marts.forEach((mart, part) ->
                assertThat(part).isEqualTo(first.parts.get(year).get(lea).get(mart)))));
    }

    @Test
    void aPartDecodesToTheValuesItWasMadeOfWithTheirClassesAndScales() throws IOException {
        List<Object[]> rows = List.of(
                new Object[] {"lea-0001", 3, 4L, -0.0, 1e-300, true, false, null, new BigDecimal("12.50")},
                new Object[] {"lea-0001", new double[] {0.1, Double.NaN, -7.25}, new BigDecimal("1E+3"), "ü"});
        List<Object[]> back = PartCodec.decode(PartCodec.encode(rows));
        assertThat(back).hasSize(2);
        assertThat(back.get(0)).containsExactly(rows.get(0)); // BigDecimal equals compares the scale too
        assertThat(((BigDecimal) back.get(0)[8]).scale()).isEqualTo(2);
        assertThat(Double.doubleToRawLongBits((Double) back.get(0)[3])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((double[]) back.get(1)[1]).containsExactly(0.1, Double.NaN, -7.25);
        assertThat(back.get(1)[2]).isEqualTo(new BigDecimal("1E+3"));
        assertThat(back.get(1)[3]).isEqualTo("ü");
    }

    @Test
    void bytesAPartDidNotWriteAreRefused() {
        byte[] part = PartCodec.encode(List.<Object[]>of(new Object[] {"a", 1}));
        byte[] longer = Arrays.copyOf(part, part.length + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartCodec.decode(longer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after its rows");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartCodec.decode(Arrays.copyOf(part, part.length - 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ends early");
        byte[] badTag = part.clone();
        badTag[2] = 42; // after the row count and the row's length, the first value's tag
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartCodec.decode(badTag))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("tag 42");
    }

    /** The same marts, partitions, rows and values (doubles by their bits, decimals with their scale). */
    private static void assertSameMarts(Map<String, List<Object[]>> a, Map<String, List<Object[]>> b) {
        assertThat(a.keySet()).isEqualTo(b.keySet());
        for (String k : a.keySet()) {
            List<Object[]> x = a.get(k);
            List<Object[]> y = b.get(k);
            assertThat(x).as(k).hasSameSizeAs(y);
            for (int i = 0; i < x.size(); i++) {
                assertThat(Arrays.deepEquals(x.get(i), y.get(i)))
                        .as(k + " row " + i + ": " + Arrays.toString(x.get(i)) + " vs " + Arrays.toString(y.get(i)))
                        .isTrue();
            }
        }
    }
}
