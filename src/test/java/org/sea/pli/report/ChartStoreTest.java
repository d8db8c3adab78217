package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** Charts kept from the night before: the bytes drawing would give, and only for the same inputs. */
class ChartStoreTest {

    private static DefaultCategoryDataset ladder(long lea2Level4) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(3L, "level 0", "lea-1");
        data.addValue(7L, "level 4", "lea-1");
        data.addValue(5L, "level 0", "lea-2");
        data.addValue(lea2Level4, "level 4", "lea-2");
        return data;
    }

    private static String ladderChart(ChartStore store, long lea2Level4) {
        return Charts.stacked(
                store, "chart-ladder-2025-26", "Ladder, 2025-26", "share", ladder(lea2Level4), true, false);
    }

    private static byte[] written(ChartStore store, String version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.write(out, version);
        return out.toByteArray();
    }

    private static ChartStore read(byte[] file, String version) throws IOException {
        return ChartStore.read(new ByteArrayInputStream(file), version);
    }

    @Test
    void aChartWithTheSameInputsIsTheEarlierRunsBytes() throws IOException {
        ChartStore first = ChartStore.none();
        String drawn = ladderChart(first, 2);
        assertThat(first.drawn()).isEqualTo(1);
        assertThat(drawn).startsWith("<svg ").contains("chart-ladder-2025-26");

        ChartStore next = read(written(first, "1.0"), "1.0");
        assertThat(ladderChart(next, 2)).isEqualTo(drawn);
        assertThat(next.kept()).isEqualTo(1);
        assertThat(next.drawn()).isZero();
        // what this night used goes on to the next one
        assertThat(written(next, "1.0")).isEqualTo(written(first, "1.0"));
    }

    @Test
    void anyChangedInputIsDrawnAgain() throws IOException {
        ChartStore first = ChartStore.none();
        String before = ladderChart(first, 2);
        ChartStore next = read(written(first, "1.0"), "1.0");

        String after = ladderChart(next, 4); // one LEA's level-4 units
        assertThat(next.drawn()).isEqualTo(1);
        assertThat(after).isNotEqualTo(before).isEqualTo(ladderChart(ChartStore.none(), 4));
        // the same values under another title or id are another chart
        Charts.stacked(next, "chart-ladder-2024-25", "Ladder, 2025-26", "share", ladder(2), true, false);
        Charts.stacked(next, "chart-ladder-2025-26", "Ladder, 2024-25", "share", ladder(2), true, false);
        Charts.stacked(next, "chart-ladder-2025-26", "Ladder, 2025-26", "share", ladder(2), false, false);
        assertThat(next.drawn()).isEqualTo(4);
        assertThat(next.kept()).isZero();
    }

    @Test
    void intervalChartsAreKeptByTheirPoints() throws IOException {
        List<Charts.Interval> points = Arrays.asList(
                new Charts.Interval("2025-26", "coaching", 0.4, 0.1, 0.7),
                new Charts.Interval("2025-26", "workshop", 0.1, null, null));
        ChartStore first = ChartStore.none();
        String drawn = Charts.intervals(first, "chart-models", "Models", Charts.PRACTICE_CHANGE_AXIS, points);
        ChartStore next = read(written(first, "1.0"), "1.0");
        assertThat(Charts.intervals(next, "chart-models", "Models", Charts.PRACTICE_CHANGE_AXIS, points))
                .isEqualTo(drawn);
        Charts.intervals(
                next,
                "chart-models",
                "Models",
                Charts.PRACTICE_CHANGE_AXIS,
                List.of(points.get(0), new Charts.Interval("2025-26", "workshop", 0.1, 0.0, 0.2)));
        assertThat(next.kept()).isEqualTo(1);
        assertThat(next.drawn()).isEqualTo(1);
    }

    @Test
    void anotherVersionsStoreKeepsNothing() throws IOException {
        ChartStore first = ChartStore.none();
        ladderChart(first, 2);
        ChartStore next = read(written(first, "1.0"), "1.1");
        ladderChart(next, 2);
        assertThat(next.kept()).isZero();
        assertThat(next.drawn()).isEqualTo(1);
    }

    @Test
    void aTornFileIsAnErrorNotAnEmptyStore() throws IOException {
        ChartStore first = ChartStore.none();
        ladderChart(first, 2);
        byte[] file = written(first, "1.0");
        byte[] torn = Arrays.copyOf(file, file.length - 10);
        assertThatThrownBy(() -> read(torn, "1.0")).isInstanceOf(IOException.class);
    }

    @Test
    void theFileListsChartsInKeyOrderWhateverTheDrawingOrder() throws IOException {
        ChartStore a = ChartStore.none();
        ladderChart(a, 2);
        ladderChart(a, 3);
        ChartStore b = ChartStore.none();
        ladderChart(b, 3);
        ladderChart(b, 2);
        assertThat(written(a, "1.0")).isEqualTo(written(b, "1.0"));
    }
}
