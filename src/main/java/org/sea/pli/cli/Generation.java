package org.sea.pli.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** The {@code generate} verb (SPEC.md §7). */
final class Generation {

    private Generation() {
    }

    static int generate(Path out, String scale, long seed, PrintStream stdout, PrintStream stderr) {
        throw new UsageException("generate", "'generate' is not wired yet");
    }
}
