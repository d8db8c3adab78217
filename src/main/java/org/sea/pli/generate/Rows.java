package org.sea.pli.generate;

import java.io.IOException;
import java.util.Locale;

/**
 * Emits the rows of one extract for one LEA-year: {@code pl_activities} here, the others by
 * {@link FundingRows}, {@link ParticipationRows}, {@link ArtifactRows} and {@link OutcomeRows}.
 * Every educator-activity pair draws from its own generator, so the same row comes out whichever
 * file (original or restated) it is written to.
 *
 * <p>Planted effects (what the marts of spec §4/§5 should find): durable models are attended in
 * several sessions over weeks and raise followup artifact scores by ~0.8 on a ~2.0 baseline, one-off
 * models by ~0.1 (tool trainings ~0); one-off sessions get the best satisfaction; students of
 * educators in durable PL gain ~0.25 SD more than those of non-participants. The lenses of §5.8–§5.10
 * (each focus moving its own dimension, less without a framework, change that lasts) are planted
 * by {@link PracticeLenses}.
 */
final class Rows {
    /** Rating and satisfaction scale points as written (0–5). */
    static final String[] SCORE = {"0", "1", "2", "3", "4", "5"};

    private final FundingRows funding;
    private final ParticipationRows participation;
    private final ArtifactRows artifacts;
    private final OutcomeRows outcomes;

    Rows(long seed) {
        AttendanceDraws attended = new AttendanceDraws(seed);
        this.funding = new FundingRows(seed);
        this.participation = new ParticipationRows(seed, attended);
        this.artifacts = new ArtifactRows(seed, attended);
        this.outcomes = new OutcomeRows(seed);
    }

    /** Options for how a file is written beyond its {@link FileStyle}. */
    record Options(boolean lateAttendanceMissing, boolean titleCaseEnums, boolean wholeDollars, String specialTitle) {
        static final Options NONE = new Options(false, false, false, null);
    }

    void emit(Extract x, LeaYear ly, RowOut out, Options o) throws IOException {
        switch (x) {
            case PL_ACTIVITIES -> activities(ly, out, o);
            case PL_FUNDING -> funding.funding(ly, out, o);
            case ENROLLMENTS -> participation.enrollments(ly, out);
            case ATTENDANCE -> participation.attendance(ly, out, o);
            case SATISFACTION -> participation.satisfaction(ly, out);
            case ARTIFACT_RATINGS -> artifacts.artifacts(ly, out);
            case STUDENT_OUTCOMES -> outcomes.outcomes(ly, out);
        }
    }

    private static String cap(String s, boolean on) {
        return on ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    private void activities(LeaYear ly, RowOut out, Options o) throws IOException {
        boolean tc = o.titleCaseEnums();
        for (Activity a : ly.activities) {
            String title = a.idx == 0 && o.specialTitle() != null ? o.specialTitle() : a.title;
            out.row(
                    a.id,
                    ly.sy,
                    title,
                    a.cohortId,
                    cap(a.model.code, tc),
                    cap(a.focus, tc),
                    cap(Boolean.toString(a.toolSpecific), tc),
                    tc ? a.framework.toUpperCase(Locale.ROOT) : a.framework,
                    Dates.iso(a.start()),
                    Dates.iso(a.end()),
                    a.plannedHours());
        }
    }
}
