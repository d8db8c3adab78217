package org.sea.pli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The marts a report is built from, each read once into typed rows (one {@code from} per mart, in its
 * row record) before any page is built.
 */
record ReportMarts(
        List<LoadReportRow> loadReport,
        List<CohortImpactRow> cohortImpact,
        List<ModelComparisonRow> modelComparison,
        List<FundingEfficiencyRow> fundingEfficiency,
        List<EvidenceCoverageRow> evidenceCoverage,
        List<BrightSpotRow> brightSpots,
        List<SubmissionStatusRow> submissionStatus,
        LensSection lenses) {

    static ReportMarts read(ReportableMarts marts) throws IOException {
        ReportableMarts.Batch batch = marts.new Batch();
        var loadReport = batch.add(LoadReportRow.MART, LoadReportRow::from);
        var cohortImpact = batch.add(CohortImpactRow.MART, CohortImpactRow::from);
        var modelComparison = batch.add(ModelComparisonRow.MART, ModelComparisonRow::from);
        var fundingEfficiency = batch.add(FundingEfficiencyRow.MART, FundingEfficiencyRow::from);
        var evidenceCoverage = batch.add(EvidenceCoverageRow.MART, EvidenceCoverageRow::from);
        var brightSpots = batch.add(BrightSpotRow.MART, BrightSpotRow::from);
        var submissionStatus = batch.add(SubmissionStatusRow.MART, SubmissionStatusRow::from);
        var practiceByDesign = batch.add(PracticeByDesignRow.MART, PracticeByDesignRow::from);
        var practiceByDimension = batch.add(PracticeByDimensionRow.MART, PracticeByDimensionRow::from);
        var practicePersistence = batch.add(PracticePersistenceRow.MART, PracticePersistenceRow::from);
        batch.read();
        return new ReportMarts(
                loadReport.get(),
                cohortImpact.get(),
                modelComparison.get(),
                fundingEfficiency.get(),
                evidenceCoverage.get(),
                brightSpots.get(),
                submissionStatus.get(),
                new LensSection(practiceByDesign.get(), practiceByDimension.get(), practicePersistence.get()));
    }

    /** Every LEA the run knows of: folders in the load report and LEAs in the impact marts, by id. */
    List<String> leas() {
        TreeSet<String> leas = new TreeSet<>();
        Stream.of(
                        loadReport.stream().map(LoadReportRow::leaId),
                        cohortImpact.stream().map(CohortImpactRow::leaId),
                        evidenceCoverage.stream().map(EvidenceCoverageRow::leaId),
                        submissionStatus.stream().map(SubmissionStatusRow::leaId))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .forEach(leas::add);
        return List.copyOf(leas);
    }

    /** Rows by LEA, each LEA's rows in mart order: an LEA page reads only its own, indexed once. */
    static <T> Map<String, List<T>> byLea(List<T> rows, Function<T, String> lea) {
        Map<String, List<T>> byLea = new HashMap<>();
        for (T row : rows) {
            byLea.computeIfAbsent(lea.apply(row), k -> new ArrayList<>()).add(row);
        }
        return byLea;
    }

    /** A row of a mart partitioned by school year. */
    interface YearRow {
        String schoolYear();
    }

    /** Every school year of the given rows, in order. */
    @SafeVarargs
    static List<String> years(List<? extends YearRow>... tables) {
        TreeSet<String> years = new TreeSet<>();
        for (List<? extends YearRow> t : tables) {
            t.stream().map(YearRow::schoolYear).filter(Objects::nonNull).forEach(years::add);
        }
        return List.copyOf(years);
    }
}
