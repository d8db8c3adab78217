package org.sea.pli.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/** Marts read back through the facade give exactly the rows {@link MartWriter} was given (spec §5). */
class MartReaderTest {
    @TempDir
    Path tmp;

    Warehouse warehouse;
    org.apache.hadoop.fs.Path marts;

    @BeforeEach
    void open() throws Exception {
        warehouse = Warehouse.open(tmp.resolve("w").toString());
        marts = warehouse.martsDir("2026-06-30_1");
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    @Test
    void aPartitionedMartReadsBackInKeyOrderWithItsSchoolYearAndEveryType() throws Exception {
        MartWriterDuckDbTest.writeCohortImpact(warehouse.fs(), marts);
        MartSchema s = MartSchema.load("cohort_impact");
        List<MartRecord> rows = new MartReader(warehouse.fs(), marts).read(s);
        List<MartRows.Partitioned> written = MartRows.cohortImpact(s);
        assertThat(rows).hasSize(written.size());
        for (int i = 0; i < rows.size(); i++) {
            MartRecord r = rows.get(i);
            assertThat(r.string("school_year")).isEqualTo(written.get(i).schoolYear());
            Object[] w = written.get(i).values();
            for (MartColumn c : s.columns()) {
                Object want = w[s.index(c.name())];
                Object got = switch (c.type()) {
                    case STRING -> r.string(c.name());
                    case INT32 -> r.int32(c.name());
                    case INT64 -> r.int64(c.name());
                    case DOUBLE -> r.float64(c.name());
                    case BOOLEAN -> r.bool(c.name());
                    case DATE -> r.date(c.name());
                    case DECIMAL_18_2 -> r.decimal(c.name());
                };
                if (want instanceof BigDecimal d) {
                    // decimal(18,2): the writer stores cents, so 0 comes back as 0.00
                    assertThat(got).as(c.name()).isEqualTo(d.setScale(2));
                } else {
                    assertThat(got).as(i + " " + c.name()).isEqualTo(want);
                }
            }
        }
        // the first row by hand: lea-001 c1 coaching in 2024-25, $12.50, 25 educators, not suppressed
        assertThat(rows.get(0).decimal("cost_usd")).isEqualTo(new BigDecimal("12.50"));
        assertThat(rows.get(0).int32("n_educators")).isEqualTo(25);
        assertThat(rows.get(1).float64("practice_change_mean")).isNull();
        assertThat(rows.get(2).string("school_year")).isEqualTo("2025-26");
    }

    @Test
    void anUnpartitionedMartHasNoSchoolYearAndKeepsDatesAndLongs() throws Exception {
        MartWriterDuckDbTest.writeLoadReport(warehouse.fs(), marts);
        List<MartRecord> rows = new MartReader(warehouse.fs(), marts).read(MartSchema.load("load_report"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).date("extract_date")).isNull();
        assertThat(rows.get(1).date("extract_date")).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(rows.get(1).int64("rows_read")).isEqualTo(1_000_000L);
        assertThat(rows.get(1).string("reject_reasons")).isEqualTo("{\"out_of_range\":10}");
    }

    @Test
    void readingAColumnAsAnotherTypeNamesTheMartAndColumn() throws Exception {
        MartWriterDuckDbTest.writeCohortImpact(warehouse.fs(), marts);
        MartRecord r = new MartReader(warehouse.fs(), marts)
                .read(MartSchema.load("cohort_impact"))
                .get(0);
        assertThatThrownBy(() -> r.string("activities"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mart cohort_impact column activities is int32, not string");
    }

    @Test
    void aFileColumnTheSchemaLacksIsAnError() throws Exception {
        MartWriterDuckDbTest.writeCohortImpact(warehouse.fs(), marts);
        MartSchema full = MartSchema.load("cohort_impact");
        MartSchema keyOnly = new MartSchema(
                "cohort_impact", "school_year", full.key(), full.columns().subList(0, 3));
        assertThatThrownBy(() -> new MartReader(warehouse.fs(), marts).read(keyOnly))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column activities is not in schemas/marts/cohort_impact.json");
    }

    @Test
    void aFileColumnOfAnotherTypeThanTheSchemaSaysIsAnError() throws Exception {
        MartWriterDuckDbTest.writeCohortImpact(warehouse.fs(), marts);
        MartSchema full = MartSchema.load("cohort_impact");
        List<MartColumn> columns = new java.util.ArrayList<>(full.columns());
        int at = full.index("activities");
        columns.set(at, new MartColumn(full.columns().get(at).id(), "activities", MartType.STRING, null, null));
        MartSchema drifted = new MartSchema("cohort_impact", "school_year", full.key(), columns);
        assertThatThrownBy(() -> new MartReader(warehouse.fs(), marts).read(drifted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column activities is int32, schemas/marts/cohort_impact.json says string");
    }

    @Test
    void anAbsentMartHasNoRows() throws Exception {
        assertThat(new MartReader(warehouse.fs(), marts).read(MartSchema.load("bright_spots")))
                .isEmpty();
    }
}
