package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/**
 * An LEA page that keeps its sections below the submission checklist from an earlier report
 * (docs/spec.md §6.1) is the bytes of the page drawn whole. On the sample run's marts: drawn for
 * run 2026-06-30_1, then for run 2026-07-01_1 keeping every LEA page's sections (the title, header,
 * checklist and footer drawn for it), and compared with that run drawn whole; a page whose key
 * differs, or whose earlier bytes are not those recorded, is drawn whole.
 */
class KeptSectionsTest {

    private static final Report.Run FIRST = new Report.Run("2026-06-30_1", "2026-06-30", null);
    private static final Report.Run NEXT = new Report.Run("2026-07-01_1", "2026-07-01", null);

    @TempDir
    Path tmp;

    @Test
    void pagesKeepingTheirSectionsAreThePagesDrawnWhole() throws Exception {
        try (Warehouse w = Warehouse.open(SampleReport.warehouse().toString())) {
            KeptSections first = KeptSections.none();
            List<String> pages = write(w, "first", FIRST, first);
            int leaPages = pages.size() - 1;
            assertThat(first.keys()).hasSize(leaPages);
            write(w, "whole", NEXT, KeptSections.none());

            KeptSections kept = new KeptSections(w.fs(), dir("first"), hashes("first"), first.keys());
            write(w, "kept", NEXT, kept);

            assertThat(kept.kept()).isEqualTo(leaPages);
            assertThat(kept.keys()).isEqualTo(first.keys());
            assertSameBytes("kept", "whole", pages);
        }
    }

    @Test
    void aPageWhoseKeyOrBytesDifferIsDrawnWhole() throws Exception {
        try (Warehouse w = Warehouse.open(SampleReport.warehouse().toString())) {
            KeptSections first = KeptSections.none();
            List<String> pages = write(w, "first", FIRST, first);
            write(w, "whole", NEXT, KeptSections.none());
            Map<String, String> recorded = hashes("first");
            Map<String, String> keys = new HashMap<>(first.keys());
            String changed = Report.leaOf(pages.get(1));
            keys.put(changed, "0".repeat(64)); // as if its rows had changed
            Path tampered = tmp.resolve("first").resolve(pages.get(2));
            Files.writeString(tampered, Files.readString(tampered).replace("<td", "<td data-x=\"1\""));

            KeptSections kept = new KeptSections(w.fs(), dir("first"), recorded, keys);
            write(w, "kept", NEXT, kept);

            assertThat(kept.kept()).isEqualTo(pages.size() - 3);
            assertSameBytes("kept", "whole", pages);
        }
    }

    private void assertSameBytes(String a, String b, List<String> pages) throws IOException {
        for (String page : pages) {
            assertThat(tmp.resolve(a).resolve(page))
                    .as(page)
                    .hasBinaryContent(Files.readAllBytes(tmp.resolve(b).resolve(page)));
        }
    }

    private List<String> write(Warehouse w, String name, Report.Run run, KeptSections kept) throws Exception {
        return new Report().write(w.fs(), w.martsDir(SampleReport.RUN_ID), dir(name), run, null, kept);
    }

    private org.apache.hadoop.fs.Path dir(String name) {
        return new org.apache.hadoop.fs.Path(tmp.resolve(name).toUri());
    }

    private Map<String, String> hashes(String name) throws IOException {
        return SampleReport.pageHashes(tmp.resolve(name));
    }
}
