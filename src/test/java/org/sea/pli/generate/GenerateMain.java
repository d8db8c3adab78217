package org.sea.pli.generate;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Developer entry point (test classpath only, so the application jar keeps a single main class):
 * {@code java -cp target/classes:target/test-classes org.sea.pli.generate.GenerateMain OUT SCALE SEED}.
 * Regenerates {@code sample-data/} with {@code sample-data SMALL 42}.
 */
public final class GenerateMain {
    private GenerateMain() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-data");
        Scale scale = Scale.valueOf(args.length > 1 ? args[1].toUpperCase(Locale.ROOT) : "SMALL");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        long t0 = System.nanoTime();
        InboxGenerator g = new InboxGenerator(scale, seed);
        GenerationSummary s = g.generate(out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("files=" + s.files() + " ms=" + ms);
        s.rowsPerExtract().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> System.out.println(e.getKey() + "=" + e.getValue()));
        System.out.println("planted bad rows=" + g.placedDefects().size() + " (kinds "
                + g.placedDefects().stream()
                        .map(p -> p.split(" ")[1])
                        .distinct()
                        .count() + "/" + Defect.values().length
                + "), left unplaced=" + g.unplacedDefects());
    }
}
