package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The compliance grid, gap list and LEA checklist (spec §5.11) rendered from hand-made
 * submission_status rows with every status — the sample run has every extract in force, so the
 * missing and rejected cells are checked here.
 */
class SubmissionSectionTest {

    private static SubmissionStatusRow row(
            String year,
            String lea,
            String extract,
            String status,
            int files,
            String inForce,
            Long rows,
            Integer days,
            String latest,
            String latestStatus) {
        return new SubmissionStatusRow(
                year,
                lea,
                extract,
                status,
                files,
                inForce,
                inForce == null ? null : LocalDate.parse(inForce.replaceAll(".*_|\\.csv", "")),
                rows,
                days,
                latest,
                latestStatus);
    }

    /** lea-1 with one of each status in 2025-26; lea-2 (no folder) missing everything; 2024-25 for lea-1 only. */
    private static List<SubmissionStatusRow> status() {
        List<SubmissionStatusRow> rows = new ArrayList<>();
        rows.add(row(
                "2024-25",
                "lea-1",
                "pl_activities",
                "in_force",
                1,
                "pl_activities_2025-06-30.csv",
                2L,
                365,
                "pl_activities_2025-06-30.csv",
                "in_force"));
        for (String year : List.of("2025-26")) {
            for (String e : SubmissionSection.EXTRACTS) {
                rows.add(
                        switch (e) {
                            case "pl_activities" ->
                                row(
                                        year,
                                        "lea-1",
                                        e,
                                        "in_force",
                                        2,
                                        "pl_activities_2026-03-01.csv",
                                        3L,
                                        121,
                                        "pl_activities_2026-05-01.csv",
                                        "rejected");
                            case "enrollments" ->
                                row(
                                        year,
                                        "lea-1",
                                        e,
                                        "rejected",
                                        1,
                                        null,
                                        null,
                                        null,
                                        "enrollments_2026-04-01.csv",
                                        "rejected");
                            case "pl_funding" ->
                                row(
                                        year,
                                        "lea-1",
                                        e,
                                        "in_force",
                                        1,
                                        "pl_funding_2026-06-30.csv",
                                        5L,
                                        0,
                                        "pl_funding_2026-06-30.csv",
                                        "in_force");
                            default -> row(year, "lea-1", e, "missing", 0, null, null, null, null, null);
                        });
                rows.add(row(year, "lea-2", e, "missing", 0, null, null, null, null, null));
            }
        }
        return rows;
    }

    private static Map<String, String> render() {
        ReportMarts marts = new ReportMarts(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                status(),
                new LensSection(List.of(), List.of(), List.of()));
        return new Report().render(marts, new Report.Run("2026-06-30_1", "2026-06-30", null));
    }

    private static String cell(Document doc, String table, String key, String col) {
        return doc.selectFirst("#" + table + " tr[data-key=\"" + key + "\"] td[data-col=" + col + "]")
                .text();
    }

    @Test
    void theStateGridShowsTheAsOfYearWithEveryStatusAndTheAgeInForce() {
        Document state = Jsoup.parse(render().get("index.html"));
        // as-of 2026-06-30 lies in 2025-26: the grid is that year's, one row per LEA
        assertThat(state.select("#submission-section h2").text()).contains("2025-26");
        assertThat(state.select("#submission-grid tbody tr"))
                .extracting(e -> e.attr("data-key"))
                .containsExactly("lea-1", "lea-2");
        assertThat(cell(state, "submission-grid", "lea-1", "pl_activities"))
                .isEqualTo("in force, 121 d; newest file rejected");
        assertThat(cell(state, "submission-grid", "lea-1", "pl_funding")).isEqualTo("in force, 0 d");
        assertThat(cell(state, "submission-grid", "lea-1", "enrollments")).isEqualTo("rejected");
        assertThat(cell(state, "submission-grid", "lea-1", "attendance")).isEqualTo("missing");
        assertThat(state.selectFirst("#submission-grid tr[data-key=lea-1] td[data-col=enrollments]")
                        .className())
                .isEqualTo("st-rejected");
        for (String e : SubmissionSection.EXTRACTS) {
            assertThat(cell(state, "submission-grid", "lea-2", e)).isEqualTo("missing");
        }
        // the gap list: every row not in force — lea-1's 5 (4 missing + 1 rejected) and lea-2's 7 of 2025-26
        assertThat(state.select("#submission-gaps tbody tr")).hasSize(12);
        assertThat(cell(state, "submission-gaps", "2025-26|lea-1|enrollments", "latest_file"))
                .isEqualTo("enrollments_2026-04-01.csv");
        assertThat(state.selectFirst("#submission-gaps tr[data-key=\"2025-26|lea-2|attendance\"] a")
                        .attr("href"))
                .isEqualTo("lea/lea-2.html");
    }

    @Test
    void anLeaWithoutAFolderGetsAPageWithItsChecklistFirst() {
        Map<String, String> pages = render();
        // lea-2 sent nothing: it is only in submission_status, and still gets its page
        assertThat(pages).containsKeys("lea/lea-1.html", "lea/lea-2.html");
        Document lea1 = Jsoup.parse(pages.get("lea/lea-1.html"));
        assertThat(lea1.selectFirst("main > section").id()).isEqualTo("submission-section");
        // 1 row of 2024-25 + 7 of 2025-26, years in order, extracts in §2 order
        assertThat(lea1.select("#submission-checklist tbody tr"))
                .extracting(e -> e.attr("data-key"))
                .startsWith(
                        "2024-25|pl_activities", "2025-26|pl_activities", "2025-26|pl_funding", "2025-26|enrollments")
                .hasSize(8);
        assertThat(cell(lea1, "submission-checklist", "2025-26|pl_activities", "in_force_file"))
                .isEqualTo("pl_activities_2026-03-01.csv");
        assertThat(cell(lea1, "submission-checklist", "2025-26|pl_activities", "days_since_in_force"))
                .isEqualTo("121");
        assertThat(cell(lea1, "submission-checklist", "2025-26|pl_activities", "rows_in_force"))
                .isEqualTo("3");
        assertThat(cell(lea1, "submission-checklist", "2025-26|pl_activities", "latest_status"))
                .isEqualTo("rejected");
        assertThat(cell(lea1, "submission-checklist", "2025-26|enrollments", "status"))
                .isEqualTo("rejected");
        assertThat(cell(lea1, "submission-checklist", "2025-26|enrollments", "in_force_file"))
                .isEqualTo("–");
        assertThat(lea1.select("#validate-command").text())
                .isEqualTo("java -jar pl-impact.jar validate --inbox <inbox> --lea lea-1");
        Document lea2 = Jsoup.parse(pages.get("lea/lea-2.html"));
        assertThat(lea2.select("#submission-checklist tbody tr")).hasSize(7);
        assertThat(lea2.text()).doesNotContain("lea-1");
    }
}
