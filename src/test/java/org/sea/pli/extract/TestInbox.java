package org.sea.pli.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sea.pli.model.LeaModels;
import org.sea.pli.stage.InMemoryLoad;
import org.sea.pli.stage.LoadResult;

/**
 * Builds a small hand-made inbox (docs/spec.md §1, §2) row by row and loads it end to end through the
 * real load stage ({@link org.sea.pli.stage.InMemoryLoad}: {@link Inbox}, {@link LeaLoader} and
 * {@link ExtractFileReader}) into {@link LeaModels}. Every
 * row written must be accepted: {@link #load()} fails on any reject, so a typo in a fixture can
 * never silently change the expected numbers. Public so that mart tests can use it.
 */
public final class TestInbox {

    private static final String EXTRACT_DATE = "2026-06-30";
    private static final Map<String, String> HEADERS = Map.of(
            "pl_activities", InboxFixture.ACTIVITIES_HEADER,
            "pl_funding", "activity_id,school_year,funding_source,amount_usd",
            "enrollments", "educator_id,activity_id,school_year,role,enrolled_on",
            "attendance", "educator_id,activity_id,school_year,session_date,minutes",
            "satisfaction", "educator_id,activity_id,school_year,responded_on,relevance,quality,intent_to_apply",
            "artifact_ratings",
                    "artifact_id,educator_id,activity_id,school_year,artifact_type,phase,rated_on,"
                            + "rater_id,dimension,score",
            "student_outcomes", "student_id,educator_id,school_year,assessment_id,subject,grade,prior_score,score");

    private final InboxFixture fixture;
    private final Map<String, Lea> leas = new TreeMap<>();

    public TestInbox(Path root) throws IOException {
        this.fixture = new InboxFixture(root);
    }

    /** An LEA of the registry (the fixture registers lea-1 and lea-2). */
    public Lea lea(String leaId) {
        return leas.computeIfAbsent(leaId, Lea::new);
    }

    /** Writes the files, scans the inbox as of 2026-06-30 and loads every LEA into one model set. */
    public LeaModels load() throws IOException {
        for (Lea lea : leas.values()) {
            for (Map.Entry<String, StringBuilder> e : lea.rows.entrySet()) {
                fixture.write(
                        lea.id + "/" + e.getKey() + "_" + EXTRACT_DATE + ".csv",
                        HEADERS.get(e.getKey()) + "\n" + e.getValue());
            }
        }
        LoadResult loaded;
        try {
            loaded = InMemoryLoad.load(
                    fixture.root, LocalDate.parse(EXTRACT_DATE), 0.05, new InboxFixture.MemoryQuarantine());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        for (FileOutcome o : loaded.outcomes()) {
            if (o.status() != FileStatus.IN_FORCE || o.result().rowsRejected() != 0) {
                throw new IllegalStateException(
                        "fixture file " + o.file().relativePath() + " not fully accepted: " + o.status() + " "
                                + (o.result() == null ? null : o.result().reasons()));
            }
        }
        return loaded.models();
    }

    /** The rows of one LEA; every row is of the current school year ({@link #year}, default 2025-26). */
    public static final class Lea {
        private final String id;
        private final Map<String, StringBuilder> rows = new LinkedHashMap<>();
        private String year = "2025-26";
        private int artifacts;
        private int responses;

        private Lea(String id) {
            this.id = id;
        }

        /** Rows added from now on are of this school year. */
        public Lea year(String schoolYear) {
            this.year = schoolYear;
            return this;
        }

        private String firstYear() {
            return year.substring(0, 4);
        }

        private String secondYear() {
            return Integer.toString(Integer.parseInt(firstYear()) + 1);
        }

        private Lea row(String extract, Object... values) {
            rows.computeIfAbsent(extract, k -> new StringBuilder())
                    .append(java.util.Arrays.stream(values)
                            .map(v -> v == null ? "" : v.toString())
                            .collect(Collectors.joining(",")))
                    .append('\n');
            return this;
        }

        public Lea activity(String activityId, String cohortId, String plModel, boolean toolSpecific) {
            return row(
                    "pl_activities",
                    activityId,
                    year,
                    "Title " + activityId,
                    cohortId,
                    plModel,
                    "tech_integration",
                    toolSpecific,
                    "iste",
                    firstYear() + "-08-01",
                    secondYear() + "-05-31",
                    "10");
        }

        /** An activity with its design (§5.8): focus, tool_specific and framework as given. */
        public Lea activity(
                String activityId,
                String cohortId,
                String plModel,
                String focus,
                boolean toolSpecific,
                String framework) {
            return row(
                    "pl_activities",
                    activityId,
                    year,
                    "Title " + activityId,
                    cohortId,
                    plModel,
                    focus,
                    toolSpecific,
                    framework,
                    firstYear() + "-08-01",
                    secondYear() + "-05-31",
                    "10");
        }

        public Lea funding(String activityId, String source, String amountUsd) {
            return row("pl_funding", activityId, year, source, amountUsd);
        }

        public Lea enroll(String activityId, String educatorId) {
            return row("enrollments", educatorId, activityId, year, "teacher", firstYear() + "-08-15");
        }

        /** One session; {@code monthDay} like "10-01" (months 07–12 of the first calendar year, else the second). */
        public Lea attend(String activityId, String educatorId, String monthDay, int minutes) {
            return row("attendance", educatorId, activityId, year, date(monthDay), minutes);
        }

        private String date(String monthDay) {
            int month = Integer.parseInt(monthDay.substring(0, 2));
            return (month >= 7 ? firstYear() : secondYear()) + "-" + monthDay;
        }

        /** One satisfaction response (null = item absent); each response gets its own responded_on. */
        public Lea respond(String activityId, String educatorId, Integer relevance, Integer quality, Integer intent) {
            responses++;
            String respondedOn =
                    LocalDate.parse(firstYear() + "-09-01").plusDays(responses).toString();
            return row("satisfaction", educatorId, activityId, year, respondedOn, relevance, quality, intent);
        }

        /** One artifact_ratings row per score, each its own artifact (phase "baseline" or "followup"). */
        public Lea rate(String activityId, String educatorId, String phase, int... scores) {
            for (int score : scores) {
                artifacts++;
                row(
                        "artifact_ratings",
                        "art-" + artifacts,
                        educatorId,
                        activityId,
                        year,
                        "lesson_plan",
                        phase,
                        secondYear() + "-03-01",
                        "r-1",
                        "engagement",
                        score);
            }
            return this;
        }

        /** Like {@link #rate}, on a named rubric dimension (§4.9; the fixture's are engagement, tech_use). */
        public Lea rateOn(String activityId, String educatorId, String phase, String dimension, int... scores) {
            for (int score : scores) {
                artifacts++;
                row(
                        "artifact_ratings",
                        "art-" + artifacts,
                        educatorId,
                        activityId,
                        year,
                        "lesson_plan",
                        phase,
                        secondYear() + "-03-01",
                        "r-1",
                        dimension,
                        score);
            }
            return this;
        }

        /** Baseline and followup ratings of one P element. */
        public Lea pair(String activityId, String educatorId, int[] baseline, int[] followup) {
            return rate(activityId, educatorId, "baseline", baseline)
                    .rate(activityId, educatorId, "followup", followup);
        }

        public Lea outcome(
                String studentId, String educatorId, String assessmentId, int grade, String prior, String score) {
            return row("student_outcomes", studentId, educatorId, year, assessmentId, "math", grade, prior, score);
        }
    }

    /** Convenience for {@link Lea#pair}. */
    public static int[] scores(int... scores) {
        return scores;
    }
}
