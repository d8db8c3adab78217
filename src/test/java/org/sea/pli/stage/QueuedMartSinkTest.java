package org.sea.pli.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The marts' writer thread keeps the order rows were given in and never hides a failure. */
class QueuedMartSinkTest {

    @Test
    void everyRowArrivesInTheOrderGiven() throws IOException {
        List<String> written = new ArrayList<>(); // only the writer thread adds; read after finish()
        int rows = QueuedMartSink.CAPACITY * 3 + 7; // more than the queue holds: the producer waits
        try (QueuedMartSink sink =
                new QueuedMartSink((mart, year, values) -> written.add(mart + "/" + year + "/" + values[0]))) {
            for (int i = 0; i < rows; i++) {
                sink.row(i % 3 == 0 ? "cohort_impact" : "educator_activity", "2025-26", new Object[] {i});
            }
            sink.finish();
        }
        assertThat(written).hasSize(rows);
        assertThat(written.get(0)).isEqualTo("cohort_impact/2025-26/0");
        assertThat(written.get(1)).isEqualTo("educator_activity/2025-26/1");
        for (int i = 0; i < rows; i++) {
            assertThat(written.get(i)).endsWith("/" + i);
        }
    }

    @Test
    @Timeout(30)
    void aWritersFailureReachesTheComputingThreadEvenWhenTheQueueIsFull() {
        try (QueuedMartSink sink = new QueuedMartSink((mart, year, values) -> {
            throw new IOException("disk full while writing " + mart);
        })) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < QueuedMartSink.CAPACITY * 4; i++) {
                            sink.row("bright_spots", "2025-26", new Object[] {i});
                        }
                        sink.finish();
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessage("disk full while writing bright_spots");
        }
    }

    @Test
    void aFailureOnTheLastRowsIsThrownByFinish() {
        try (QueuedMartSink sink = new QueuedMartSink((mart, year, values) -> {
            if ((int) values[0] == 2) {
                throw new IllegalStateException("row 2 does not fit the schema");
            }
        })) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 3; i++) {
                            sink.row("load_report", null, new Object[] {i});
                        }
                        sink.finish();
                    })
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 2 does not fit the schema");
        }
    }
}
