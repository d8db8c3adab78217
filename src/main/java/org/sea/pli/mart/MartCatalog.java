package org.sea.pli.mart;

import java.util.ArrayList;
import java.util.List;

/**
 * Every mart a run writes, listed once (spec §5). The writer, publish, the manifest and the report
 * reader all take the list from here. Adding a mart: one class, one {@code schemas/marts/} file,
 * one line below, and its hand-computed test.
 */
public final class MartCatalog {

    /** Marts that only state analysts may read (§5.1): never in the report, never published to it. */
    public static final List<String> RESTRICTED = List.of(EducatorActivityMart.NAME);

    /**
     * Marts computed from the load outcomes (the files and what reading them found) rather than
     * from LEA-years, in the order a run writes them: the load report first (§5.7, §5.11).
     */
    public static final List<String> LOAD_MARTS = List.of(LoadReportMart.NAME, SubmissionStatusMart.NAME);

    /** Every mart, in the order a run reports them: the load-fed marts, then the LEA-year ones. */
    public static final List<String> NAMES;

    /** The marts a report may be built from: every mart but the restricted ones. */
    public static final List<String> REPORTABLE;

    /** The marts computed from LEA-years ({@link YearMart}), in the order they are given each LEA-year. */
    public static final List<String> YEAR_MARTS;

    static {
        List<String> names = new ArrayList<>(LOAD_MARTS);
        YEAR_MARTS = yearMarts(new MartSettings(10, 0.5, 10, null)).stream()
                .map(Mart::name)
                .toList();
        names.addAll(YEAR_MARTS);
        // ranked from cohort_impact as published, by the disclosure step (§5.12 step 3)
        names.add(names.indexOf(EvidenceCoverageMart.NAME) + 1, BrightSpotsMart.NAME);
        NAMES = List.copyOf(names);
        REPORTABLE = names.stream().filter(n -> !RESTRICTED.contains(n)).toList();
    }

    private MartCatalog() {}

    /** Fresh instances of the marts computed from LEA-years, in the order {@link ImpactMarts} calls them. */
    public static List<YearMart> yearMarts(MartSettings settings) {
        return List.of(
                new EducatorActivityMart(settings),
                new CohortImpactMart(settings),
                new ModelComparisonMart(settings),
                new FundingEfficiencyMart(settings),
                new EvidenceCoverageMart(settings),
                new PracticeByDesignMart(settings),
                new PracticeByDimensionMart(settings),
                new PracticePersistenceMart(settings));
    }
}
