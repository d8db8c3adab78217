package org.sea.pli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sea.pli.model.EducatorActivity;
import org.sea.pli.model.GrowthStandardization;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaModels;
import org.sea.pli.model.LeaYear;
import org.sea.pli.model.Sample;

/**
 * The focus-specific dimension gains the generator plants (generate/PracticeLenses) are in the
 * committed sample inbox as the pipeline folds it (spec §4.9): over the P elements of an activity
 * focus, the focus's own rubric dimension changes most. practice_by_dimension is by model, not by
 * focus, so this reads the folded models directly.
 */
class SampleFocusDimensionsTest {

    private static final Map<String, String> PLANTED = Map.of(
            "ai_literacy", "digital_citizenship",
            "udl", "universal_design",
            "formative_assessment", "formative_feedback");

    @Test
    void eachFocusMovesItsOwnDimensionMost() throws Exception {
        Inbox inbox = Inbox.scan(Path.of("sample-data"), LocalDate.parse("2026-06-30"));
        LeaModels models = new LeaModels();
        LeaLoader loader = new LeaLoader(
                new ExtractFileReader(inbox.state().dimensions(), 0.05, new InboxFixture.MemoryQuarantine()), models);
        Map<String, List<InboxFile>> byLea = inbox.files().stream()
                .collect(Collectors.groupingBy(InboxFile::leaId, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<InboxFile>> e : byLea.entrySet()) {
            loader.load(e.getKey(), e.getValue());
        }
        GrowthStandardization growth = GrowthStandardization.of(models.all());
        // focus → dimension → changes of the elements rated on that dimension in both phases
        Map<String, Map<String, Sample>> changes = new TreeMap<>();
        for (LeaModel lea : models.all()) {
            for (int year : lea.years()) {
                LeaYear ly = LeaYear.of(lea, year, growth);
                for (EducatorActivity e : ly.participation()) {
                    for (int d = 0; d < e.dimensionSlots(); d++) {
                        Double c = e.practiceChange(d);
                        if (c != null) {
                            changes.computeIfAbsent(e.activity().focus(), k -> new TreeMap<>())
                                    .computeIfAbsent(ly.dimensions().get(d), k -> new Sample())
                                    .add(c);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, String> p : PLANTED.entrySet()) {
            Map<String, Sample> byDimension = changes.get(p.getKey());
            assertThat(byDimension).as(p.getKey()).containsKey(p.getValue());
            String most = byDimension.entrySet().stream()
                    .filter(d -> d.getValue().size() >= 10)
                    .max(Map.Entry.comparingByValue((a, b) -> Double.compare(a.mean(), b.mean())))
                    .orElseThrow()
                    .getKey();
            assertThat(most)
                    .as("dimension moved most by focus " + p.getKey() + ": "
                            + byDimension.entrySet().stream()
                                    .map(d -> d.getKey() + "=" + d.getValue().mean() + " (n "
                                            + d.getValue().size() + ")")
                                    .toList())
                    .isEqualTo(p.getValue());
        }
    }
}
