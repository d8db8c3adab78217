package org.sea.pli.generate;

import java.util.Arrays;

/**
 * What the lenses of spec §5.8–§5.10 should find in a generated inbox, planted here: each focus
 * moves its own rubric dimension most (AI literacy the digital-citizenship dimension — "technology
 * and AI used safely, ethically and critically" —, UDL universal design, formative assessment
 * formative feedback, technology integration tech integration); PL anchored in no framework
 * changes practice less; and most of a durable model's change is still in the educator's next-year
 * baseline, little of a one-off session's.
 */
final class PracticeLenses {

    /** Share of a year's practice change still in the next year's baseline. */
    private static final double DURABLE_PERSISTENCE = 0.8;

    private static final double ONE_OFF_PERSISTENCE = 0.15;
    /** Followup gain on the focus's own dimension, on top of the activity's overall change. */
    private static final double DURABLE_FOCUS_GAIN = 0.6;

    private static final double ONE_OFF_FOCUS_GAIN = 0.2;
    /** A change without a framework is this fraction of one with (tool trainings are near 0 anyway). */
    private static final double NO_FRAMEWORK = 0.6;

    private PracticeLenses() {}

    /** Index into {@link LeaYear#DIMENSIONS} of the dimension a focus is about, or −1. */
    static int focusDimension(String focus) {
        String d = switch (focus) {
            case "ai_literacy" -> "digital_citizenship";
            case "udl" -> "universal_design";
            case "formative_assessment" -> "formative_feedback";
            case "tech_integration" -> "tech_integration";
            default -> null;
        };
        return d == null ? -1 : Arrays.asList(LeaYear.DIMENSIONS).indexOf(d);
    }

    /** The rated dimensions, with the focus's own added when missing (sorted, as before). */
    static int[] withFocusDimension(int[] dims, String focus) {
        int d = focusDimension(focus);
        if (d < 0 || Arrays.stream(dims).anyMatch(x -> x == d)) {
            return dims;
        }
        int[] with = Arrays.copyOf(dims, dims.length + 1);
        with[dims.length] = d;
        Arrays.sort(with);
        return with;
    }

    /** Extra followup score on dimension d of an activity's artifacts. */
    static double focusGain(Activity a, int d) {
        if (a.toolSpecific || d != focusDimension(a.focus)) {
            return 0;
        }
        return a.model.durable ? DURABLE_FOCUS_GAIN : ONE_OFF_FOCUS_GAIN;
    }

    /** Scales an activity's overall change by its design. */
    static double designFactor(Activity a) {
        return !a.toolSpecific && "none".equals(a.framework) ? NO_FRAMEWORK : 1.0;
    }

    static double persistence(Model m) {
        return m.durable ? DURABLE_PERSISTENCE : ONE_OFF_PERSISTENCE;
    }
}
