package org.sea.pli.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** The generated inbox's {@code _state} files (docs/spec.md §1) and the LEAs' sizes they list. */
final class StateFiles {

    private static final String[][] RUBRIC = {
        {"tech_integration", "Technology is used purposefully to deepen learning, not as a substitute for paper"},
        {"student_agency", "Students make choices about how they learn, create and show understanding"},
        {"higher_order_thinking", "Tasks ask students to analyze, evaluate and create, including with AI tools"},
        {"formative_feedback", "Teacher gathers evidence during the lesson and adjusts; students get timely feedback"},
        {"universal_design", "Multiple means of engagement, representation and expression (UDL)"},
        {"digital_citizenship", "Students use technology and AI safely, ethically and critically"},
    };

    private StateFiles() {}

    /** Educators per LEA: log-normal around the scale's mean; lea-0001 the largest. */
    static int[] leaSizes(long seed, Scale scale) {
        SplittableRandom r = Rand.rng(seed, 0, 0, 0, 0, 99);
        int n = scale.leas();
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = StrictMath.exp(0.7 * Rand.gauss(r));
            sum += w[i];
        }
        int[] sizes = new int[n];
        int largest = 0;
        for (int i = 0; i < n; i++) {
            sizes[i] = (int) Math.max(25, Math.round(scale.educators() * w[i] / sum));
            if (sizes[i] > sizes[largest]) {
                largest = i;
            }
        }
        // lea-0001 is the metro district: the planted bad rows land there first
        int t = sizes[0];
        sizes[0] = sizes[largest];
        sizes[largest] = t;
        return sizes;
    }

    /** Writes {@code _state/leas.csv} and {@code _state/rubric.csv}; returns the number of files written. */
    static int write(Path out, List<Lea> leas) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("_state/leas.csv"), StandardCharsets.UTF_8)) {
            w.write("lea_id,lea_name,region\n");
            for (Lea lea : leas) {
                w.write(lea.id + "," + csv(lea.name) + "," + lea.region + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("_state/rubric.csv"), StandardCharsets.UTF_8)) {
            w.write("dimension,description\n");
            for (String[] d : RUBRIC) {
                w.write(d[0] + "," + csv(d[1]) + "\n");
            }
        }
        return 2;
    }

    static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
