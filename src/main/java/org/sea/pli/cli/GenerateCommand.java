package org.sea.pli.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.sea.pli.generate.GenerationSummary;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;
import org.sea.pli.ops.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate} (spec §7): a synthetic inbox, deterministic per seed; needs no key and no Spring. */
@Command(
        name = "generate",
        customSynopsis =
                "java -jar target/pl-impact.jar generate --out DIR --scale small|district|state --seed N [--years N]",
        description = "Writes a synthetic inbox (both _state files, seven extracts per LEA and school year)"
                + " with planted effects; the same seed gives the same bytes.")
final class GenerateCommand extends Verb {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The inbox folder to write.")
    Path out;

    @Option(
            names = "--scale",
            paramLabel = "small|district|state",
            required = true,
            converter = OptionTypes.ScaleName.class,
            description = "small: ~6 LEAs; district: ~20 LEAs; state: ~200 LEAs, ~700 MB of CSV.")
    Scale scale;

    @Option(
            names = "--seed",
            paramLabel = "N",
            required = true,
            converter = OptionTypes.WholeNumber.class,
            description = "The random seed.")
    Long seed;

    @Option(
            names = "--years",
            paramLabel = "N",
            defaultValue = "2",
            converter = OptionTypes.SchoolYearCount.class,
            description = "School years, ending with 2025-26 (default 2: 2024-25 and 2025-26; at most "
                    + InboxGenerator.MAX_YEARS + ").")
    int years;

    GenerateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        if (out.toString().isBlank()) {
            throw usage("missing required option --out");
        }
        long started = System.nanoTime();
        try {
            GenerationSummary summary = new InboxGenerator(scale, seed, years).generate(out);
            invocation
                    .out()
                    .printf(
                            Locale.ROOT,
                            "generated %s inbox (seed %d, %d school year%s) in %s: %d files in %.1f s%n",
                            scale.name().toLowerCase(Locale.ROOT),
                            seed,
                            years,
                            years == 1 ? "" : "s",
                            out,
                            summary.files(),
                            (System.nanoTime() - started) / 1e9);
            summary.rowsPerExtract()
                    .forEach((extract, rows) ->
                            invocation.out().printf(Locale.ROOT, "  %-18s %,d rows%n", extract, rows));
            return ExitCode.OK.code();
        } catch (IOException e) {
            invocation.err().println("pl-impact: cannot write inbox " + out + ": " + e.getMessage());
            return ExitCode.RUN_FAILED.code();
        }
    }
}
