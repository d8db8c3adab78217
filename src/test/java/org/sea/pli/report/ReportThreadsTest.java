package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/**
 * The report's pages are drawn and written on every core (docs/spec.md §6: same inputs, same
 * bytes, whatever the thread count): written on one thread and on three, every page is the same
 * bytes, and every page the sample run wrote is there.
 */
class ReportThreadsTest {

    @Test
    void oneThreadAndThreeWriteTheSameBytes(@TempDir Path tmp) throws Exception {
        List<String> one = writeOn(1, tmp.resolve("one"));
        List<String> three = writeOn(3, tmp.resolve("three"));
        assertThat(three).isEqualTo(one).startsWith(Report.STATE_PAGE);
        try (var s = Files.walk(SampleReport.reportDir())) {
            assertThat(one)
                    .hasSize((int) s.filter(p -> p.toString().endsWith(".html")).count());
        }
        for (String page : one) {
            byte[] bytes = Files.readAllBytes(tmp.resolve("one").resolve(page));
            assertThat(bytes.length).as(page).isGreaterThan(1000);
            assertThat(tmp.resolve("three").resolve(page)).as(page).hasBinaryContent(bytes);
        }
    }

    /** The sample run's report, written by a pool of {@code threads} (the pages' parallel stream runs in it). */
    private static List<String> writeOn(int threads, Path dir) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (Warehouse w = Warehouse.open(SampleReport.warehouse().toString())) {
            return pool.submit(() -> new Report()
                            .write(
                                    w.fs(),
                                    w.martsDir(SampleReport.RUN_ID),
                                    new org.apache.hadoop.fs.Path(dir.toUri()),
                                    new Report.Run(SampleReport.RUN_ID, "2026-06-30", null)))
                    .get();
        } finally {
            pool.shutdown();
        }
    }
}
