package org.sea.pli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.thymeleaf.context.Context;

/**
 * The state page's three lenses (spec §5.8–§5.10): practice change by PL design (focus, framework,
 * tool-specific, sustained) with its interval, a PL model × rubric dimension heat map with the
 * values printed in its cells, and change in year Y beside what remained of it in Y+1. Suppressed
 * cells read "suppressed", never a number. Template: {@code lenses.html}.
 */
record LensSection(
        List<PracticeByDesignRow> practiceByDesign,
        List<PracticeByDimensionRow> practiceByDimension,
        List<PracticePersistenceRow> practicePersistence) {

    private static final List<String> FACTORS = List.of("focus", "framework", "tool_specific", "sustained");

    /** Sets the variables {@code lenses.html} reads. */
    void addTo(Context ctx, ChartStore charts) {
        ctx.setVariable("designChart", designChart(charts));
        ctx.setVariable("design", designTable());
        ctx.setVariable("dimensionMaps", dimensionMaps());
        ctx.setVariable("persistenceChart", persistenceChart(charts));
        ctx.setVariable("persistence", persistenceTable());
    }

    private List<PracticeByDesignRow> designRows() {
        List<PracticeByDesignRow> rows = new ArrayList<>(practiceByDesign);
        rows.sort(Comparator.comparing((PracticeByDesignRow r) -> FACTORS.indexOf(r.factor()))
                .thenComparing(PracticeByDesignRow::level)
                .thenComparing(PracticeByDesignRow::schoolYear));
        return rows;
    }

    private String designChart(ChartStore charts) {
        List<Charts.Interval> points = new ArrayList<>();
        for (PracticeByDesignRow r : designRows()) {
            if (!r.suppressed() && r.practiceChangeMean() != null) {
                points.add(new Charts.Interval(
                        r.schoolYear(),
                        r.factor() + ": " + r.level(),
                        r.practiceChangeMean(),
                        r.practiceChangeCiLow(),
                        r.practiceChangeCiHigh()));
            }
        }
        return points.isEmpty()
                ? null
                : Charts.intervals(
                        charts,
                        "chart-design",
                        "Practice change by PL design, with 95% interval",
                        Charts.PRACTICE_CHANGE_AXIS,
                        points);
    }

    private ReportTable designTable() {
        ReportTable t = new ReportTable(
                        "practice-by-design", "Practice change by PL design (practice_by_design, SPEC §5.8)")
                .header("school year", null)
                .header("factor", "one design factor at a time")
                .header("level", null)
                .header("records", "educator-activity participation records")
                .header("practice pairs", "records with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("95% low", "mean − 1.96·sd/√n")
                .header("95% high", "mean + 1.96·sd/√n")
                .header("improved", "share of practice pairs improving by at least the threshold")
                .header("allocated dollars", "each activity's funding split equally over its records")
                .header("cost per improved", "allocated dollars ÷ improved records");
        for (PracticeByDesignRow r : designRows()) {
            boolean sup = r.suppressed();
            t.row(r.schoolYear() + "|" + r.factor() + "|" + r.level())
                    .text("school_year", r.schoolYear())
                    .text("factor", r.factor())
                    .text("level", r.level())
                    .num("n_elements", Fmt.count(r.nElements()), sup)
                    .num("n_practice_pairs", Fmt.count(r.nPracticePairs()), sup)
                    .num("practice_change_mean", Fmt.dec(r.practiceChangeMean(), 3), sup)
                    .num("practice_change_ci_low", Fmt.dec(r.practiceChangeCiLow(), 3), sup)
                    .num("practice_change_ci_high", Fmt.dec(r.practiceChangeCiHigh(), 3), sup)
                    .num("improved_rate", Fmt.pct(r.improvedRate()), sup)
                    .num("allocated_cost_usd", Fmt.usd(r.allocatedCostUsd()))
                    .num("cost_per_improved", Fmt.usd(r.costPerImproved()), sup);
        }
        return t;
    }

    /** One heat map per school year: rows PL models (spec §2 order), columns dimensions. */
    private List<String> dimensionMaps() {
        Map<String, Map<String, Map<String, PracticeByDimensionRow>>> byYear = new TreeMap<>();
        TreeSet<String> dimensions = new TreeSet<>();
        for (PracticeByDimensionRow r : practiceByDimension) {
            byYear.computeIfAbsent(r.schoolYear(), k -> new TreeMap<>(ListingOrder.MODEL))
                    .computeIfAbsent(r.plModel(), k -> new LinkedHashMap<>())
                    .put(r.dimension(), r);
            dimensions.add(r.dimension());
        }
        double max = 0;
        for (PracticeByDimensionRow r : practiceByDimension) {
            Double c = r.practiceChangeMean();
            if (!r.suppressed() && c != null) {
                max = Math.max(max, Math.abs(c));
            }
        }
        List<String> maps = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, PracticeByDimensionRow>>> y : byYear.entrySet()) {
            maps.add(heatMap(y.getKey(), y.getValue(), dimensions, max));
        }
        return maps;
    }

    private static String heatMap(
            String year,
            Map<String, Map<String, PracticeByDimensionRow>> models,
            TreeSet<String> dimensions,
            double max) {
        StringBuilder h = new StringBuilder();
        h.append("<table class=\"heat\" id=\"dimension-heat-")
                .append(Html.escape(year))
                .append("\">\n<caption>")
                .append("Practice change by PL model and rubric dimension, ")
                .append(Html.escape(year))
                .append(" (practice_by_dimension, SPEC §5.9)</caption>\n<thead><tr><th scope=\"col\">PL model</th>");
        for (String d : dimensions) {
            h.append("<th scope=\"col\">").append(Html.escape(d)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, PracticeByDimensionRow>> m : models.entrySet()) {
            h.append("<tr data-key=\"")
                    .append(Html.escape(year + "|" + m.getKey()))
                    .append("\"><th scope=\"row\">")
                    .append(Html.escape(m.getKey()))
                    .append("</th>");
            for (String d : dimensions) {
                PracticeByDimensionRow r = m.getValue().get(d);
                h.append("<td data-col=\"").append(Html.escape(d)).append('"');
                if (r == null) {
                    h.append(">").append(Fmt.NONE);
                } else if (r.suppressed()) {
                    h.append(" class=\"sup\">").append(Fmt.SUPPRESSED);
                } else {
                    Double c = r.practiceChangeMean();
                    h.append(" class=\"num\" style=\"background:")
                            .append(colour(c, max))
                            .append("\" title=\"")
                            .append(Html.escape("n = " + Fmt.count(r.nEducators()) + ", 95% interval "
                                    + Fmt.dec(r.practiceChangeCiLow(), 3) + " to "
                                    + Fmt.dec(r.practiceChangeCiHigh(), 3)))
                            .append("\">")
                            .append(Fmt.dec(c, 3));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody>\n</table>").toString();
    }

    /** White at 0, Okabe–Ito blue for the largest gain, vermillion for losses; text stays readable. */
    private static String colour(Double change, double max) {
        if (change == null || max == 0) {
            return "#ffffff";
        }
        double t = Math.min(1, Math.abs(change) / max) * 0.75;
        int[] to = change >= 0 ? new int[] {0x56, 0xB4, 0xE9} : new int[] {0xD5, 0x5E, 0x00};
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(to[0], t), mix(to[1], t), mix(to[2], t));
    }

    private static int mix(int to, double t) {
        return (int) Math.round(255 + (to - 255) * t);
    }

    private List<PracticePersistenceRow> persistenceRows() {
        List<PracticePersistenceRow> rows = new ArrayList<>(practicePersistence);
        rows.sort(Comparator.comparing(PracticePersistenceRow::schoolYear)
                .thenComparing(PracticePersistenceRow::plModel, ListingOrder.MODEL)
                .thenComparing(r -> !r.isSustained()));
        return rows;
    }

    private static String persistenceLabel(PracticePersistenceRow r) {
        return r.schoolYear() + " " + r.plModel() + (r.isSustained() ? ", sustained" : ", not sustained");
    }

    private String persistenceChart(ChartStore charts) {
        List<Charts.Interval> points = new ArrayList<>();
        for (PracticePersistenceRow r : persistenceRows()) {
            if (!r.suppressed() && r.practiceChangeMean() != null) {
                points.add(new Charts.Interval(
                        "change in year Y", persistenceLabel(r), r.practiceChangeMean(), null, null));
                points.add(new Charts.Interval(
                        "still there in Y+1",
                        persistenceLabel(r),
                        r.retainedChangeMean(),
                        r.retainedChangeCiLow(),
                        r.retainedChangeCiHigh()));
            }
        }
        return points.isEmpty()
                ? null
                : Charts.intervals(
                        charts,
                        "chart-persistence",
                        "Does the change last? Change in year Y and what remained in Y+1, with 95% interval",
                        "rubric points above the year-Y baseline",
                        points);
    }

    private ReportTable persistenceTable() {
        ReportTable t = new ReportTable("practice-persistence", "Change that lasts (practice_persistence, SPEC §5.10)")
                .header("school year", "year Y of the PL")
                .header("PL model", null)
                .header("sustained", "the educator's attendance was sustained (≥3 sessions over ≥28 days)")
                .header("units", "educator units with a practice change in Y")
                .header("followed", "units whose educator was rated again in Y+1 and had no other rated unit in Y")
                .header("change in Y", "mean practice change of the followed units")
                .header("retained in Y+1", "next year's baseline − this year's baseline")
                .header("95% low", "mean − 1.96·sd/√n")
                .header("95% high", "mean + 1.96·sd/√n")
                .header("fade", "next year's baseline − this year's followup")
                .header("persistence", "retained ÷ change in Y");
        for (PracticePersistenceRow r : persistenceRows()) {
            boolean sup = r.suppressed();
            t.row(r.schoolYear() + "|" + r.plModel() + "|" + r.sustained())
                    .text("school_year", r.schoolYear())
                    .text("pl_model", r.plModel())
                    .text("sustained", r.isSustained() ? "yes" : "no")
                    .num("n_units", Fmt.count(r.nUnits()), sup)
                    .num("n_followed", Fmt.count(r.nFollowed()), sup)
                    .num("practice_change_mean", Fmt.dec(r.practiceChangeMean(), 3), sup)
                    .num("retained_change_mean", Fmt.dec(r.retainedChangeMean(), 3), sup)
                    .num("retained_change_ci_low", Fmt.dec(r.retainedChangeCiLow(), 3), sup)
                    .num("retained_change_ci_high", Fmt.dec(r.retainedChangeCiHigh(), 3), sup)
                    .num("fade_mean", Fmt.dec(r.fadeMean(), 3), sup)
                    .num("persistence_ratio", Fmt.pct(r.persistenceRatio()), sup);
        }
        return t;
    }
}
