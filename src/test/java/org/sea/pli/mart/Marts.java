package org.sea.pli.mart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sea.pli.disclosure.Disclosure;
import org.sea.pli.disclosure.DisclosureCounts;
import org.sea.pli.model.LeaModels;
import org.sea.pli.parquet.MartSchema;

/**
 * Runs {@link ImpactMarts} and the disclosure step into memory, as a run publishes the marts, and
 * reads the rows by column name (schemas/marts/*.json).
 */
final class Marts {

    static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);
    static final EducatorPseudonym PSEUDONYM = new EducatorPseudonym(KEY);

    /** One row as the sink received it. */
    record Row(String mart, String schoolYear, Object[] values) {
        Object get(String column) {
            return values[schema(mart).index(column)];
        }

        @Override
        public String toString() {
            return mart + "[" + schoolYear + "]" + java.util.Arrays.toString(values);
        }
    }

    private static final Map<String, MartSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    static MartSchema schema(String mart) {
        return SCHEMAS.computeIfAbsent(mart, MartSchema::load);
    }

    /** An expected double that is not exactly representable: compared within 1e-12. */
    record Approx(double value) {}

    static Approx approx(double value) {
        return new Approx(value);
    }

    /**
     * Asserts every column of the row, given as (column, expected) pairs that must name each column
     * of the mart exactly once: null means null, {@link Approx} within 1e-12, anything else exact
     * equality (a BigDecimal with its scale).
     */
    static void assertRow(Row row, Object... pairs) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (expected.containsKey((String) pairs[i])) {
                throw new IllegalArgumentException("column " + pairs[i] + " twice");
            }
            expected.put((String) pairs[i], pairs[i + 1]);
        }
        List<String> columns =
                schema(row.mart()).columns().stream().map(c -> c.name()).toList();
        org.assertj.core.api.Assertions.assertThat(expected.keySet())
                .as("columns asserted of " + row.mart())
                .containsExactlyInAnyOrderElementsOf(columns);
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object actual = row.get(e.getKey());
            Object want = e.getValue();
            String as = row.mart() + "." + e.getKey() + " of " + row;
            if (want == null) {
                soft.assertThat(actual).as(as).isNull();
            } else if (want instanceof Approx a) {
                soft.assertThat(actual).as(as).isInstanceOf(Double.class);
                if (actual instanceof Double d) {
                    soft.assertThat(d).as(as).isCloseTo(a.value(), org.assertj.core.api.Assertions.within(1e-12));
                }
            } else {
                soft.assertThat(actual).as(as).isEqualTo(want);
            }
        }
        soft.assertAll();
    }

    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private DisclosureCounts counts;

    /** What the disclosure step withheld (the manifest's §5.12 step 5 counts). */
    DisclosureCounts counts() {
        return counts;
    }

    static Marts run(LeaModels models, int minCellSize, double improvedThreshold, int brightSpots) throws IOException {
        Marts marts = new Marts();
        ImpactMarts impact = new ImpactMarts(minCellSize, improvedThreshold, brightSpots, new EducatorPseudonym(KEY));
        // as a run publishes them: through the disclosure step (§5.12)
        Disclosure disclosure = new Disclosure(
                minCellSize,
                new BrightSpotsMart(impact.settings()),
                (mart, schoolYear, values) -> marts.rows
                        .computeIfAbsent(mart, k -> new ArrayList<>())
                        .add(new Row(mart, schoolYear, values.clone())));
        impact.write(models.all(), disclosure);
        marts.counts = disclosure.counts();
        return marts;
    }

    static Marts run(LeaModels models, int minCellSize) throws IOException {
        return run(models, minCellSize, 0.5, 10);
    }

    List<Row> rows(String mart) {
        return rows.getOrDefault(mart, List.of());
    }

    List<Row> rows(String mart, String schoolYear) {
        return rows(mart).stream()
                .filter(r -> r.schoolYear().equals(schoolYear))
                .toList();
    }

    /** The single row of the mart matching the predicate. */
    Row one(String mart, Predicate<Row> where) {
        List<Row> found = rows(mart).stream().filter(where).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows of " + mart + " match; rows: " + rows(mart));
        }
        return found.get(0);
    }

    static Predicate<Row> eq(String column, Object value) {
        return r -> value.equals(r.get(column));
    }

    /** The educator_activity row of an educator in an activity (by its pseudonymous key). */
    Row educatorActivity(String lea, String activity, String educatorId) {
        String key = PSEUDONYM.key(educatorId);
        return one(
                EducatorActivityMart.NAME,
                eq("lea_id", lea).and(eq("activity_id", activity)).and(eq("educator_key", key)));
    }

    Row cohort(String lea, String cohort, String model) {
        return one(
                CohortImpactMart.NAME,
                eq("lea_id", lea).and(eq("cohort_id", cohort)).and(eq("pl_model", model)));
    }
}
