package org.sea.pli.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The PL plan of one LEA in one school year: cohorts, their activities and members. Small (a few
 * hundred activities at most); the rows of the big extracts are derived from it on the fly.
 */
final class LeaYear {
    static final String[] DIMENSIONS = {
        "tech_integration",
        "student_agency",
        "higher_order_thinking",
        "formative_feedback",
        "universal_design",
        "digital_citizenship"
    };

    private static final Model[] MODELS = Model.values();
    private static final double[] PRIMARY_WEIGHTS = {0.24, 0.28, 0.14, 0.18, 0.09, 0.07};
    private static final Model[] SECONDARY = {Model.WORKSHOP, Model.ONLINE_COURSE, Model.CONFERENCE};
    private static final double[] SECONDARY_WEIGHTS = {0.5, 0.25, 0.25};
    private static final String[] FOCI = {"ai_literacy", "tech_integration", "udl", "formative_assessment", "other"};
    private static final String[] FOCUS_LABEL = {
        "AI literacy",
        "Technology integration",
        "Universal Design for Learning",
        "Formative assessment",
        "Culturally responsive teaching"
    };
    private static final String[] TOOLS = {
        "Canvas",
        "Google Classroom",
        "Nearpod",
        "Seesaw",
        "Desmos",
        "Kami",
        "MagicSchool AI",
        "Schoology",
        "SMART Board, level 1"
    };
    private static final String[] CONFERENCES = {
        "ISTELive", "State EdTech Summit", "Regional AI in Education Forum", "Learning Forward annual conference"
    };

    final Lea lea;
    /** The school year's offset (see {@link SchoolYears}): 0 for 2024-25, 1 for 2025-26, -1 for 2023-24. */
    final int y;
    /** Offset of the inbox's earliest school year, which has no year before it. */
    final int earliest;

    final int startYear;
    final String sy;
    final int first;
    final int last;
    final List<Activity> activities = new ArrayList<>();
    /** Educator is in a durable cohort / only in one-off cohorts this year (drives student gains). */
    final boolean[] durable;

    final boolean[] oneOff;
    final long seed;
    /** Per educator, the part of last year's practice change still there this year (see Rows). */
    double[] lasting;

    LeaYear(long seed, Lea lea, int y, int earliest) {
        this.seed = seed;
        this.lea = lea;
        this.y = y;
        this.earliest = earliest;
        this.startYear = 2024 + y;
        this.sy = Dates.schoolYear(startYear);
        this.first = Dates.syFirst(startYear);
        this.last = Dates.syLast(startYear);
        this.durable = new boolean[lea.n];
        this.oneOff = new boolean[lea.n];
        build(seed);
    }

    private void build(long seed) {
        SplittableRandom r = Rand.rng(seed, lea.index, y, 0, 0, 2);
        int[] order = permutation(lea.n, r);
        int[] parts = new int[lea.n];
        int np = 0;
        double rate = 0.81 + 0.03 * y;
        for (int e : order) {
            if (r.nextDouble() < rate) {
                parts[np++] = e;
            }
        }
        int cohort = 0;
        int p = 0;
        while (p < np) {
            Model m = MODELS[Rand.pick(r, PRIMARY_WEIGHTS)];
            int size = Math.min(np - p, Rand.between(r, m.minSize, m.maxSize));
            addCohort(seed, ++cohort, m, Arrays.copyOfRange(parts, p, p + size));
            p += size;
        }
        // About 30% of participants also attend a one-off session besides their main cohort.
        int[] sec = new int[np];
        int ns = 0;
        for (int i = 0; i < np; i++) {
            if (r.nextDouble() < 0.30) {
                sec[ns++] = parts[i];
            }
        }
        p = 0;
        while (p < ns) {
            Model m = SECONDARY[Rand.pick(r, SECONDARY_WEIGHTS)];
            int size = Math.min(ns - p, Rand.between(r, m.minSize, m.maxSize));
            addCohort(seed, ++cohort, m, Arrays.copyOfRange(sec, p, p + size));
            p += size;
        }
        for (Activity a : activities) {
            for (int e : a.members) {
                if (a.model.durable) {
                    durable[e] = true;
                }
            }
        }
        for (Activity a : activities) {
            for (int e : a.members) {
                if (!durable[e]) {
                    oneOff[e] = true;
                }
            }
        }
    }

    private void addCohort(long seed, int cohort, Model m, int[] members) {
        SplittableRandom r = Rand.rng(seed, lea.index, y, cohort, 0, 3);
        String cohortId = String.format(Locale.ROOT, "coh-%d-%03d", startYear, cohort);
        boolean tool =
                (m == Model.WORKSHOP && r.nextDouble() < 0.35) || (m == Model.ONLINE_COURSE && r.nextDouble() < 0.2);
        int f = r.nextInt(FOCI.length);
        String focus = tool ? "tool_training" : FOCI[f];
        String framework = tool
                ? "none"
                : switch (focus) {
                    case "ai_literacy", "tech_integration" -> r.nextBoolean() ? "iste" : "state_vision";
                    case "udl" -> "udl";
                    case "formative_assessment" -> r.nextDouble() < 0.7 ? "state_vision" : "none";
                    default -> "none";
                };
        String toolName = TOOLS[r.nextInt(TOOLS.length)];
        double artifactRate = m.durable ? 0.8 : tool ? 0.3 : 0.45;
        boolean artifacts = r.nextDouble() < artifactRate;
        int[] dims = permutation(DIMENSIONS.length, r);
        dims = Arrays.copyOf(dims, Rand.between(r, 2, 4));
        Arrays.sort(dims);
        dims = PracticeLenses.withFocusDimension(dims, focus);
        double effect = m.durable ? 0.3 * Rand.gauss(r) + (r.nextDouble() < 0.06 ? 0.5 : 0) : 0.1 * Rand.gauss(r);
        int k = Rand.between(r, m.minActivities, m.maxActivities);
        int window = 278; // Aug 20 .. May 25
        int segment = window / k;
        for (int i = 0; i < k; i++) {
            Activity a = new Activity();
            a.idx = activities.size();
            a.id = activityId(a.idx + 1);
            a.cohortId = cohortId;
            a.model = m;
            a.focus = focus;
            a.toolSpecific = tool;
            a.framework = framework;
            a.minutes = m.minutes[r.nextInt(m.minutes.length)];
            a.artifacts = artifacts;
            a.dims = dims;
            a.cohortEffect = effect;
            a.members = members;
            a.sessions = m.durable ? durableSessions(r, m, first + 50 + i * segment, segment) : oneOffSessions(r, m);
            a.title = title(m, f, tool, toolName, i, k, a);
            activities.add(a);
        }
    }

    /** The plan of the school year before, or null for the inbox's earliest year. */
    LeaYear previous() {
        return y <= earliest ? null : new LeaYear(seed, lea, y - 1, earliest);
    }

    String activityId(int n) {
        return switch (lea.index % 3) {
            case 1 -> String.format(Locale.ROOT, "pl-%d-%04d", startYear, n);
            case 2 -> String.format(Locale.ROOT, "PD%02d%02d.%04d", startYear % 100, (startYear + 1) % 100, n);
            default -> String.format(Locale.ROOT, "act_%02d_%04d", startYear % 100, n);
        };
    }

    private static int[] durableSessions(SplittableRandom r, Model m, int segStart, int segLen) {
        int s = switch (m) {
            case COACHING -> Rand.between(r, 6, 10);
            case PLC -> Rand.between(r, 8, 12);
            default -> Rand.between(r, 6, 12);
        };
        int spMin = (30 + s - 2) / (s - 1); // span >= 30 days, so >= 28 after weekday shifts
        int spMax = Math.max(spMin, Math.min(21, (segLen - 4) / (s - 1)));
        int spacing = Rand.between(r, spMin, spMax);
        int slack = Math.max(1, segLen - spacing * (s - 1) - 1);
        int start = segStart + r.nextInt(slack);
        int[] d = new int[s];
        for (int j = 0; j < s; j++) {
            int jitter = j > 0 && j < s - 1 ? r.nextInt(3) - 1 : 0;
            d[j] = Dates.weekday(start + j * spacing + jitter);
            if (j > 0 && d[j] <= d[j - 1]) {
                d[j] = Dates.weekday(d[j - 1] + 1); // keep dates distinct (attendance key, spec §2)
                if (d[j] <= d[j - 1]) {
                    d[j] = d[j - 1] + 3; // Friday + 1 moved back to Friday: take Monday
                }
            }
        }
        return d;
    }

    private int[] oneOffSessions(SplittableRandom r, Model m) {
        int[] d;
        switch (m) {
            case CONFERENCE -> {
                int day = first + 20 + r.nextInt(320);
                d = new int[Rand.between(r, 1, 3)];
                for (int j = 0; j < d.length; j++) {
                    d[j] = day + j;
                }
            }
            case ONLINE_COURSE -> {
                int day = Dates.weekday(first + 30 + r.nextInt(300));
                d = new int[Rand.between(r, 1, 3)];
                for (int j = 0; j < d.length; j++) {
                    d[j] = day + 7 * j;
                }
            }
            default -> {
                int day = Dates.weekday(first + 7 + r.nextInt(340));
                if (r.nextDouble() < 0.7) {
                    d = new int[] {day};
                } else {
                    int second = Dates.weekday(day + (r.nextBoolean() ? 1 : 7));
                    d = second > day ? new int[] {day, second} : new int[] {day};
                }
            }
        }
        return d;
    }

    private String title(Model m, int f, boolean tool, String toolName, int i, int k, Activity a) {
        String focus = FOCUS_LABEL[f];
        String season = a.start() - first < 183 ? "fall" : "spring";
        return switch (m) {
            case COACHING -> "Instructional coaching: " + focus + ", cycle " + (i + 1);
            case PLC -> "PLC \u2014 " + focus.toLowerCase(Locale.ROOT) + " (" + season + ")";
            case INQUIRY_CYCLE -> "Inquiry cycle: " + focus + (k > 1 ? " part " + (i + 1) : "");
            case WORKSHOP ->
                tool ? "Getting started with " + toolName : focus + " workshop" + (k > 1 ? " " + (i + 1) : "");
            case ONLINE_COURSE -> tool ? toolName + " self-paced course" : "Online course: " + focus;
            case CONFERENCE -> CONFERENCES[f % CONFERENCES.length] + " " + startYear;
        };
    }

    static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
