package org.sea.pli.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/** SPEC §6 Determinism: the same rows give byte-identical files whatever the time zone, locale or thread. */
class MartWriterDeterminismTest {
    @TempDir
    Path tmp;

    private List<WrittenFile> writeAll(String location) throws Exception {
        try (Warehouse w = Warehouse.open(location)) {
            List<WrittenFile> a = MartWriterDuckDbTest.writeCohortImpact(w.fs(), w.martsDir("2026-06-30_1"));
            List<WrittenFile> b = MartWriterDuckDbTest.writeLoadReport(w.fs(), w.martsDir("2026-06-30_1"));
            return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
        }
    }

    @Test
    void sameRowsGiveIdenticalBytes() throws Exception {
        List<WrittenFile> first = writeAll(tmp.resolve("a").toString());
        Thread.sleep(1100); // a different wall-clock second

        TimeZone tz = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        List<WrittenFile> second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            AtomicReference<Object> result = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    result.set(writeAll(tmp.resolve("b").toString()));
                } catch (Exception e) {
                    result.set(e);
                }
            });
            t.start();
            t.join();
            if (result.get() instanceof Exception e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<WrittenFile> r = (List<WrittenFile>) result.get();
            second = r;
        } finally {
            TimeZone.setDefault(tz);
            Locale.setDefault(locale);
        }

        assertThat(second).isEqualTo(first);
        for (WrittenFile f : first) {
            Path a = tmp.resolve("a/runs/2026-06-30_1/marts").resolve(f.path());
            Path b = tmp.resolve("b/runs/2026-06-30_1/marts").resolve(f.path());
            assertThat(Files.readAllBytes(b)).as(f.path()).isEqualTo(Files.readAllBytes(a));
        }
    }
}
