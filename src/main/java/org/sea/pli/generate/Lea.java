package org.sea.pli.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/** An LEA and its educators (the same educators in both school years). */
final class Lea {
    static final String[] ROLES = {"teacher", "instructional_coach", "school_leader", "other"};
    private static final String[] PLACES = {
        "Cedar",
        "Maple",
        "Riverside",
        "Lakeview",
        "Pine",
        "Granite",
        "Harbor",
        "Summit",
        "Willow",
        "Prairie",
        "Aspen",
        "Bluff",
        "Clearwater",
        "Elk",
        "Fairview",
        "Glen",
        "Hillcrest",
        "Iron",
        "Juniper",
        "Kettle"
    };
    private static final String[] GEO = {
        "Valley", "Creek", "Heights", "Springs", "Falls", "Ridge", "Hollow", "Point", "Park", "Mesa"
    };
    private static final String[] KINDS = {
        "Unified School District",
        "County Schools",
        "Public Schools",
        "Independent School District",
        "Consolidated Schools"
    };
    static final String[] REGIONS = {"north", "south", "east", "west", "central", "coastal"};

    final int index;
    final String id;
    final String name;
    final String region;
    final int n;
    final String[] eduIds;
    final byte[] grade;
    final byte[] role;
    /** Latent practice level on the 1..4 rubric scale (baseline artifact scores centre on it). */
    final double[] practice;
    /** Educator's own contribution to student gains, in score points. */
    final double[] valueAdded;

    final int raters;

    Lea(long seed, int index, int n) {
        this.index = index;
        this.id = String.format(Locale.ROOT, "lea-%04d", index);
        int p = (index - 1) % PLACES.length;
        int g = ((index - 1) / PLACES.length) % GEO.length;
        String base = PLACES[p] + " " + GEO[g] + " " + KINDS[(index - 1) % KINDS.length];
        this.name = index % 17 == 0 ? base + ", District " + index : base;
        this.region = REGIONS[(index * 7) % REGIONS.length];
        this.n = n;
        this.eduIds = new String[n];
        this.grade = new byte[n];
        this.role = new byte[n];
        this.practice = new double[n];
        this.valueAdded = new double[n];
        this.raters = 3 + n / 40;
        SplittableRandom r = Rand.rng(seed, index, 0, 0, 0, 1);
        for (int e = 0; e < n; e++) {
            eduIds[e] = switch (index % 3) {
                case 1 -> String.format(Locale.ROOT, "e%04d-%05d", index, e + 1);
                case 2 -> String.format(Locale.ROOT, "EMP.%04d.%05d", index, e + 1);
                default -> String.format(Locale.ROOT, "t_%04d_%05d", index, e + 1);
            };
            grade[e] = (byte) r.nextInt(13);
            double x = r.nextDouble();
            role[e] = (byte) (x < 0.90 ? 0 : x < 0.94 ? 1 : x < 0.99 ? 2 : 3);
            practice[e] = 2.0 + 0.4 * Rand.gauss(r);
            valueAdded[e] = 1.5 * Rand.gauss(r);
        }
    }

    boolean teacher(int e) {
        return role[e] == 0;
    }

    String raterId(int k) {
        return String.format(Locale.ROOT, "rtr-%04d-%02d", index, k + 1);
    }

    /** Students in this LEA's pool (each appears with at most one educator per school year). */
    int studentPool() {
        return 10 * n;
    }

    String studentId(long s) {
        return String.format(Locale.ROOT, "s%04d-%06d", index, s + 1);
    }
}
