package org.sea.pli.cli;

import org.sea.pli.generate.GenerationSummary;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code generate} verb (SPEC.md §7): a synthetic inbox, deterministic per seed. */
final class Generation {

    private Generation() {
    }

    static int generate(Path out, String scaleName, long seed, PrintStream stdout, PrintStream stderr) {
        Scale scale;
        try {
            scale = Scale.valueOf(scaleName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("generate", "--scale must be small, district or state, got '" + scaleName + "'");
        }
        long started = System.nanoTime();
        try {
            GenerationSummary summary = new InboxGenerator(scale, seed).generate(out);
            stdout.printf(Locale.ROOT, "generated %s inbox (seed %d) in %s: %d files in %.1f s%n",
                    scale.name().toLowerCase(Locale.ROOT), seed, out, summary.files(),
                    (System.nanoTime() - started) / 1e9);
            summary.rowsPerExtract().forEach((extract, rows) -> stdout.printf("  %-18s %,d rows%n", extract, rows));
            return PlImpactCommand.OK;
        } catch (IOException e) {
            stderr.println("pl-impact: cannot write inbox " + out + ": " + e.getMessage());
            return PlImpactCommand.FAILED;
        }
    }
}
