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
        return new ReportMarts(
                marts.read(LoadReportRow.MART, LoadReportRow::from),
                marts.read(CohortImpactRow.MART, CohortImpactRow::from),
                marts.read(ModelComparisonRow.MART, ModelComparisonRow::from),
                marts.read(FundingEfficiencyRow.MART, FundingEfficiencyRow::from),
                marts.read(EvidenceCoverageRow.MART, EvidenceCoverageRow::from),
                marts.read(BrightSpotRow.MART, BrightSpotRow::from),
                marts.read(SubmissionStatusRow.MART, SubmissionStatusRow::from),
                LensSection.read(marts));
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
