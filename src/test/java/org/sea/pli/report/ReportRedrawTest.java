package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/**
 * A report redrawn around an earlier report's bodies ({@link Report#redraw}, docs/spec.md §6.1) is
 * the bytes of the report drawn whole for the new run: only the title, header, lines on what changed
 * and footer name the run. On the sample run: drawn for run _1 without change lines, redrawn for run
 * _2 with them, compared with run _2 drawn whole.
 */
class ReportRedrawTest {

    private static final Report.Withheld WITHHELD = new Report.Withheld(7, 10);
    private static final Report.Run FIRST = new Report.Run("2026-06-30_1", "2026-06-30", WITHHELD);
    private static final Report.Run SECOND = new Report.Run("2026-06-30_2", "2026-06-30", WITHHELD);

    /** Lines on what changed, with characters the page must escape. */
    private static final ChangeLines CHANGES = new ChangeLines() {
        @Override
        public String state() {
            return "Since run 2026-06-30_1: nothing changed <main> & all";
        }

        @Override
        public String forLea(String lea) {
            return "Since run 2026-06-30_1: nothing changed for " + lea + " </main>";
        }
    };

    @TempDir
    Path tmp;

    @Test
    void redrawnPagesAreThePagesDrawnWhole() throws Exception {
        try (Warehouse w = Warehouse.open(SampleReport.warehouse().toString())) {
            List<String> first = write(w, "first", FIRST, null);
            List<String> whole = write(w, "whole", SECOND, CHANGES);
            List<String> redrawn =
                    new Report().redraw(w.fs(), dir("first"), hashes("first"), dir("redrawn"), SECOND, CHANGES);

            assertThat(redrawn)
                    .isEqualTo(whole)
                    .isEqualTo(first)
                    .startsWith(Report.STATE_PAGE)
                    .hasSizeGreaterThan(2);
            for (String page : whole) {
                byte[] expected = Files.readAllBytes(tmp.resolve("whole").resolve(page));
                assertThat(tmp.resolve("redrawn").resolve(page)).as(page).hasBinaryContent(expected);
                String text = Files.readString(tmp.resolve("redrawn").resolve(page));
                assertThat(text)
                        .as(page)
                        .contains("2026-06-30_2 (as of 2026-06-30)")
                        .doesNotContain("2026-06-30_1 (as of")
                        .contains(
                                page.equals(Report.STATE_PAGE)
                                        ? "nothing changed &lt;main&gt; &amp; all"
                                        : "&lt;/main&gt;");
                assertThat(Files.readString(tmp.resolve("first").resolve(page)))
                        .as(page)
                        .doesNotContain("2026-06-30_2");
            }
        }
    }

    @Test
    void aPageThatIsNotWhatItsRunRecordedIsNotKept() throws Exception {
        try (Warehouse w = Warehouse.open(SampleReport.warehouse().toString())) {
            List<String> first = write(w, "first", FIRST, null);
            Map<String, String> recorded = hashes("first");
            String lea = first.get(1);
            Path page = tmp.resolve("first").resolve(lea);
            Files.writeString(page, Files.readString(page).replace("<td", "<td data-x=\"1\""));

            assertThatThrownBy(
                            () -> new Report().redraw(w.fs(), dir("first"), recorded, dir("redrawn"), SECOND, CHANGES))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(lea)
                    .hasMessageContaining("is not what its run recorded");
        }
    }

    @Test
    void aPageWithoutItsBodyIsNotKept() throws Exception {
        try (Warehouse w = Warehouse.open(SampleReport.warehouse().toString())) {
            write(w, "first", FIRST, null);
            Path page = tmp.resolve("first").resolve(Report.STATE_PAGE);
            Files.writeString(page, Files.readString(page).replace("</main>", "</div>"));

            assertThatThrownBy(() ->
                            new Report().redraw(w.fs(), dir("first"), hashes("first"), dir("redrawn"), SECOND, CHANGES))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("index.html has no <main> to keep");
        }
    }

    private List<String> write(Warehouse w, String name, Report.Run run, ChangeLines changes) throws Exception {
        return new Report().write(w.fs(), w.martsDir(SampleReport.RUN_ID), dir(name), run, changes);
    }

    private org.apache.hadoop.fs.Path dir(String name) {
        return new org.apache.hadoop.fs.Path(tmp.resolve(name).toUri());
    }

    /** The pages below {@code name} with their SHA-256, as a run's manifest records them. */
    private Map<String, String> hashes(String name) throws IOException {
        return SampleReport.pageHashes(tmp.resolve(name));
    }
}
