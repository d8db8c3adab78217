package org.sea.pli.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One verb of the command line (spec §7): its options are picocli fields, {@link #call} returns an
 * {@link org.sea.pli.ops.ExitCode} value and throws {@link UsageException} for a usage error.
 */
abstract class Verb implements Callable<Integer> {

    static final String KEY_VARIABLE = "PLI_PSEUDONYM_KEY";

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    final Invocation invocation;

    Verb(Invocation invocation) {
        this.invocation = invocation;
    }

    String name() {
        return spec.name();
    }

    UsageException usage(String message) {
        return new UsageException(name(), message);
    }

    /** picocli lets {@code --warehouse ""} through; an empty value is as good as none. */
    String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw usage("missing required option " + option);
        }
        return value;
    }

    Path existingInbox(Path dir) {
        if (dir == null || dir.toString().isBlank()) {
            throw usage("missing required option --inbox");
        }
        if (!Files.isDirectory(dir)) {
            throw usage("inbox " + dir + " is not a directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    byte[] pseudonymKey() {
        String key = invocation.environment().get(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw usage(KEY_VARIABLE + " is not set: the run needs the pseudonym key"
                    + " that turns educator ids into educator_key (SPEC.md §5.1)");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
