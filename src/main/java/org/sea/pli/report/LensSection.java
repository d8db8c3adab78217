package org.sea.pli.report;

import static org.sea.pli.report.MartTable.dbl;
import static org.sea.pli.report.MartTable.flag;
import static org.sea.pli.report.MartTable.lng;
import static org.sea.pli.report.MartTable.str;

import java.io.IOException;
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
 * The state page's three lenses (SPEC §5.8–§5.10): practice change by PL design (focus, framework,
 * tool-specific, sustained) with its interval, a PL model × rubric dimension heat map with the
 * values printed in its cells, and change in year Y beside what remained of it in Y+1. Suppressed
 * cells read "suppressed", never a number. Template: {@code lenses.html}.
 */
public record LensSection(MartTable practiceByDesign, MartTable practiceByDimension, MartTable practicePersistence) {

    private static final List<String> FACTORS = List.of("focus", "framework", "tool_specific", "sustained");

    public static LensSection read(MartReader reader) throws IOException {
        return new LensSection(reader.read("practice_by_design"), reader.read("practice_by_dimension"),
                reader.read("practice_persistence"));
    }

    /** Sets the variables {@code lenses.html} reads. */
    void addTo(Context ctx) {
        ctx.setVariable("designChart", designChart());
        ctx.setVariable("design", designTable());
        ctx.setVariable("dimensionMaps", dimensionMaps());
        ctx.setVariable("persistenceChart", persistenceChart());
        ctx.setVariable("persistence", persistenceTable());
    }

    private List<Map<String, Object>> designRows() {
        List<Map<String, Object>> rows = new ArrayList<>(practiceByDesign.rows());
        rows.sort(Comparator.comparing((Map<String, Object> r) -> FACTORS.indexOf(str(r, "factor")))
                .thenComparing(r -> str(r, "level")).thenComparing(r -> str(r, "school_year")));
        return rows;
    }

    private String designChart() {
        List<Charts.Interval> points = new ArrayList<>();
        for (Map<String, Object> r : designRows()) {
            if (!flag(r, "suppressed") && dbl(r, "practice_change_mean") != null) {
                points.add(new Charts.Interval(str(r, "school_year"), str(r, "factor") + ": " + str(r, "level"),
                        dbl(r, "practice_change_mean"), dbl(r, "practice_change_ci_low"),
                        dbl(r, "practice_change_ci_high")));
            }
        }
        return points.isEmpty() ? null : Charts.intervals("chart-design",
                "Practice change by PL design, with 95% interval", "practice change (rubric points, followup − baseline)",
                points);
    }

    private ReportTable designTable() {
        ReportTable t = new ReportTable("practice-by-design", "Practice change by PL design (practice_by_design, SPEC §5.8)")
                .header("school year", null).header("factor", "one design factor at a time")
                .header("level", null).header("records", "educator-activity participation records")
                .header("practice pairs", "records with baseline and followup ratings")
                .header("practice change", "mean rubric change, followup − baseline")
                .header("95% low", "mean − 1.96·sd/√n").header("95% high", "mean + 1.96·sd/√n")
                .header("improved", "share of practice pairs improving by at least the threshold")
                .header("allocated dollars", "each activity's funding split equally over its records")
                .header("cost per improved", "allocated dollars ÷ improved records");
        for (Map<String, Object> r : designRows()) {
            boolean sup = flag(r, "suppressed");
            t.row(str(r, "school_year") + "|" + str(r, "factor") + "|" + str(r, "level"))
                    .text("school_year", str(r, "school_year")).text("factor", str(r, "factor"))
                    .text("level", str(r, "level"))
                    .num("n_elements", Fmt.count(lng(r, "n_elements")), sup)
                    .num("n_practice_pairs", Fmt.count(lng(r, "n_practice_pairs")), sup)
                    .num("practice_change_mean", Fmt.dec(dbl(r, "practice_change_mean"), 3), sup)
                    .num("practice_change_ci_low", Fmt.dec(dbl(r, "practice_change_ci_low"), 3), sup)
                    .num("practice_change_ci_high", Fmt.dec(dbl(r, "practice_change_ci_high"), 3), sup)
                    .num("improved_rate", Fmt.pct(dbl(r, "improved_rate")), sup)
                    .num("allocated_cost_usd", Fmt.usd(dbl(r, "allocated_cost_usd")))
                    .num("cost_per_improved", Fmt.usd(dbl(r, "cost_per_improved")), sup);
        }
        return t;
    }

    /** One heat map per school year: rows PL models (SPEC §2 order), columns dimensions. */
    private List<String> dimensionMaps() {
        Map<String, Map<String, Map<String, Map<String, Object>>>> byYear = new TreeMap<>();
        TreeSet<String> dimensions = new TreeSet<>();
        for (Map<String, Object> r : practiceByDimension.rows()) {
            byYear.computeIfAbsent(str(r, "school_year"), k -> new TreeMap<>(Report.MODEL_ORDER))
                    .computeIfAbsent(str(r, "pl_model"), k -> new LinkedHashMap<>()).put(str(r, "dimension"), r);
            dimensions.add(str(r, "dimension"));
        }
        double max = 0;
        for (Map<String, Object> r : practiceByDimension.rows()) {
            Double c = dbl(r, "practice_change_mean");
            if (!flag(r, "suppressed") && c != null) {
                max = Math.max(max, Math.abs(c));
            }
        }
        List<String> maps = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Map<String, Object>>>> y : byYear.entrySet()) {
            maps.add(heatMap(y.getKey(), y.getValue(), dimensions, max));
        }
        return maps;
    }

    private static String heatMap(String year, Map<String, Map<String, Map<String, Object>>> models,
                                  TreeSet<String> dimensions, double max) {
        StringBuilder h = new StringBuilder();
        h.append("<table class=\"heat\" id=\"dimension-heat-").append(esc(year)).append("\">\n<caption>")
                .append("Practice change by PL model and rubric dimension, ").append(esc(year))
                .append(" (practice_by_dimension, SPEC §5.9)</caption>\n<thead><tr><th scope=\"col\">PL model</th>");
        for (String d : dimensions) {
            h.append("<th scope=\"col\">").append(esc(d)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, Map<String, Object>>> m : models.entrySet()) {
            h.append("<tr data-key=\"").append(esc(year + "|" + m.getKey())).append("\"><th scope=\"row\">")
                    .append(esc(m.getKey())).append("</th>");
            for (String d : dimensions) {
                Map<String, Object> r = m.getValue().get(d);
                h.append("<td data-col=\"").append(esc(d)).append('"');
                if (r == null) {
                    h.append(">").append(Fmt.NONE);
                } else if (flag(r, "suppressed")) {
                    h.append(" class=\"sup\">").append(Fmt.SUPPRESSED);
                } else {
                    Double c = dbl(r, "practice_change_mean");
                    h.append(" class=\"num\" style=\"background:").append(colour(c, max)).append("\" title=\"")
                            .append(esc("n = " + Fmt.count(lng(r, "n_educators")) + ", 95% interval "
                                    + Fmt.dec(dbl(r, "practice_change_ci_low"), 3) + " to "
                                    + Fmt.dec(dbl(r, "practice_change_ci_high"), 3)))
                            .append("\">").append(Fmt.dec(c, 3));
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

    private List<Map<String, Object>> persistenceRows() {
        List<Map<String, Object>> rows = new ArrayList<>(practicePersistence.rows());
        rows.sort(Comparator.comparing((Map<String, Object> r) -> str(r, "school_year"))
                .thenComparing(r -> str(r, "pl_model"), Report.MODEL_ORDER)
                .thenComparing(r -> !flag(r, "sustained")));
        return rows;
    }

    private static String persistenceLabel(Map<String, Object> r) {
        return str(r, "school_year") + " " + str(r, "pl_model") + (flag(r, "sustained") ? ", sustained" : ", not sustained");
    }

    private String persistenceChart() {
        List<Charts.Interval> points = new ArrayList<>();
        for (Map<String, Object> r : persistenceRows()) {
            if (!flag(r, "suppressed") && dbl(r, "practice_change_mean") != null) {
                points.add(new Charts.Interval("change in year Y", persistenceLabel(r), dbl(r, "practice_change_mean"),
                        null, null));
                points.add(new Charts.Interval("still there in Y+1", persistenceLabel(r),
                        dbl(r, "retained_change_mean"), dbl(r, "retained_change_ci_low"),
                        dbl(r, "retained_change_ci_high")));
            }
        }
        return points.isEmpty() ? null : Charts.intervals("chart-persistence",
                "Does the change last? Change in year Y and what remained in Y+1, with 95% interval",
                "rubric points above the year-Y baseline", points);
    }

    private ReportTable persistenceTable() {
        ReportTable t = new ReportTable("practice-persistence", "Change that lasts (practice_persistence, SPEC §5.10)")
                .header("school year", "year Y of the PL").header("PL model", null)
                .header("sustained", "the educator's attendance was sustained (≥3 sessions over ≥28 days)")
                .header("units", "educator units with a practice change in Y")
                .header("followed", "units whose educator was rated again in Y+1 and had no other rated unit in Y")
                .header("change in Y", "mean practice change of the followed units")
                .header("retained in Y+1", "next year's baseline − this year's baseline")
                .header("95% low", "mean − 1.96·sd/√n").header("95% high", "mean + 1.96·sd/√n")
                .header("fade", "next year's baseline − this year's followup")
                .header("persistence", "retained ÷ change in Y");
        for (Map<String, Object> r : persistenceRows()) {
            boolean sup = flag(r, "suppressed");
            t.row(str(r, "school_year") + "|" + str(r, "pl_model") + "|" + str(r, "sustained"))
                    .text("school_year", str(r, "school_year")).text("pl_model", str(r, "pl_model"))
                    .text("sustained", flag(r, "sustained") ? "yes" : "no")
                    .num("n_units", Fmt.count(lng(r, "n_units")), sup)
                    .num("n_followed", Fmt.count(lng(r, "n_followed")), sup)
                    .num("practice_change_mean", Fmt.dec(dbl(r, "practice_change_mean"), 3), sup)
                    .num("retained_change_mean", Fmt.dec(dbl(r, "retained_change_mean"), 3), sup)
                    .num("retained_change_ci_low", Fmt.dec(dbl(r, "retained_change_ci_low"), 3), sup)
                    .num("retained_change_ci_high", Fmt.dec(dbl(r, "retained_change_ci_high"), 3), sup)
                    .num("fade_mean", Fmt.dec(dbl(r, "fade_mean"), 3), sup)
                    .num("persistence_ratio", Fmt.pct(dbl(r, "persistence_ratio")), sup);
        }
        return t;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
