package org.sea.pli.cli;

import org.sea.pli.PlImpactApplication;
import org.sea.pli.ops.RunSummary;
import org.sea.pli.ops.StartupFailures;
import org.sea.pli.run.NightlyRunLauncher;
import org.sea.pli.run.RunFailure;
import org.sea.pli.run.RunRequest;
import org.sea.pli.run.RunReproduction;
import org.sea.pli.run.RunWorkspace;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code pl-impact} command line (SPEC.md §7). Exit codes: 0 success, 1 run failed, 2 usage or
 * configuration error (one line, no stack trace), 3 verify mismatch.
 */
public final class PlImpactCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String KEY_VARIABLE = "PLI_PSEUDONYM_KEY";

    private static final Map<String, String> USAGES = Map.of(
            "run", "usage: java -jar target/pl-impact.jar run --inbox DIR --warehouse URI --as-of YYYY-MM-DD"
                    + " [--strict] [--allow-changed-files] [--pli.KEY=VALUE ...]",
            "generate", "usage: java -jar target/pl-impact.jar generate --out DIR --scale small|district|state --seed N",
            "rerun", "usage: java -jar target/pl-impact.jar rerun --warehouse URI --run RUN_ID --inbox DIR --out URI",
            "verify", "usage: java -jar target/pl-impact.jar verify --warehouse URI --run RUN_ID --inbox DIR");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public PlImpactCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new PlImpactCommand(System.out, System.err, System.getenv()).execute(args));
    }

    public int execute(String[] args) {
        try {
            if (args.length == 0) {
                throw new UsageException(null, "no command given");
            }
            String verb = args[0];
            switch (verb) {
                case "--help", "-h", "help" -> {
                    out.println(generalUsage());
                    return OK;
                }
                case "run" -> {
                    return run(args);
                }
                case "generate" -> {
                    return generate(args);
                }
                case "rerun" -> {
                    return rerun(args);
                }
                case "verify" -> {
                    return verify(args);
                }
                default -> throw new UsageException(null, "unknown command '" + verb + "'");
            }
        } catch (UsageException e) {
            err.println("pl-impact: " + e.getMessage());
            err.println(e.verb() == null ? generalUsage() : USAGES.get(e.verb()));
            return USAGE;
        }
    }

    private static String generalUsage() {
        List<String> lines = new ArrayList<>();
        lines.add("pl-impact — does educator professional learning change classroom practice?");
        for (String verb : List.of("run", "rerun", "verify", "generate")) {
            lines.add("  " + USAGES.get(verb));
        }
        lines.add("Each command takes --help.");
        return String.join(System.lineSeparator(), lines);
    }

    private int run(String[] args) {
        Options o = Options.parse("run", args, Set.of("inbox", "warehouse", "as-of"),
                Set.of("strict", "allow-changed-files"));
        if (o.help()) {
            out.println(USAGES.get("run"));
            out.println("Validates the inbox, writes quarantine and marts under <warehouse>/runs/<run_id>/ and"
                    + " publishes them to <warehouse>/current/. Needs " + KEY_VARIABLE + " in the environment.");
            return OK;
        }
        Path inbox = existingInbox("run", o.required("run", "inbox"));
        String warehouse = o.required("run", "warehouse");
        LocalDate asOf = date("run", "as-of", o.required("run", "as-of"));
        RunRequest request = new RunRequest(inbox, warehouse, asOf, o.flag("strict"), o.flag("allow-changed-files"),
                pseudonymKey("run"));
        return inSpring("run", o, context -> context.getBean(NightlyRunLauncher.class).launch(request));
    }

    private int rerun(String[] args) {
        Options o = Options.parse("rerun", args, Set.of("warehouse", "run", "inbox", "out"), Set.of());
        if (o.help()) {
            out.println(USAGES.get("rerun"));
            out.println("Reproduces a recorded run from exactly the inputs its manifest lists (each checked by"
                    + " SHA-256), with the configuration it recorded, into another location.");
            return OK;
        }
        String warehouse = o.required("rerun", "warehouse");
        String runId = o.required("rerun", "run");
        Path inbox = existingInbox("rerun", o.required("rerun", "inbox"));
        String target = o.required("rerun", "out");
        byte[] key = pseudonymKey("rerun");
        return inSpring("rerun", o, context -> context.getBean(RunReproduction.class)
                .rerun(warehouse, runId, inbox, target, key));
    }

    private int verify(String[] args) {
        Options o = Options.parse("verify", args, Set.of("warehouse", "run", "inbox"), Set.of());
        if (o.help()) {
            out.println(USAGES.get("verify"));
            out.println("Checks a run's output files against its manifest, reproduces the run in a temporary"
                    + " place and compares again: exit 0 when all match, 3 naming each differing file.");
            return OK;
        }
        String warehouse = o.required("verify", "warehouse");
        String runId = o.required("verify", "run");
        Path inbox = existingInbox("verify", o.required("verify", "inbox"));
        byte[] key = pseudonymKey("verify");
        return inSpring("verify", o, context -> context.getBean(RunReproduction.class)
                .verify(warehouse, runId, inbox, key, out));
    }

    private Path existingInbox(String verb, String dir) {
        Path inbox = Path.of(dir);
        if (!Files.isDirectory(inbox)) {
            throw new UsageException(verb, "inbox " + inbox + " is not a directory");
        }
        return inbox.toAbsolutePath().normalize();
    }

    private byte[] pseudonymKey(String verb) {
        String key = environment.get(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new UsageException(verb, KEY_VARIABLE + " is not set: the run needs the pseudonym key"
                    + " that turns educator ids into educator_key (SPEC.md §5.1)");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts the Spring context for a job verb; startup and run failures become one line and exit 1. */
    private int inSpring(String verb, Options o, java.util.function.ToIntFunction<ConfigurableApplicationContext> job) {
        long started = System.nanoTime();
        ConfigurableApplicationContext context;
        StartupFailures startup = new StartupFailures();
        try {
            SpringApplication application = new SpringApplication(PlImpactApplication.class);
            application.addListeners(startup);
            application.addListeners(new org.sea.pli.ops.SettingNames()); // §7: unknown pli.* keys are exit 2
            context = application.run(o.springArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = rootCause(e);
            BindException bind = cause(e, BindException.class);
            if (bind != null && bind.getProperty() != null) {
                throw new UsageException(verb, "configuration error: " + bind.getProperty().getName() + "="
                        + bind.getProperty().getValue() + " is not valid (" + root.getMessage() + ")");
            }
            if (bind != null || root instanceof IllegalArgumentException) {
                throw new UsageException(verb, "configuration error: " + root.getMessage());
            }
            String database = startup.jobRepositoryFailure(e);
            if (database != null) {
                err.println("pl-impact: " + database);
                return FAILED;
            }
            err.println("pl-impact: cannot start: " + root.getMessage());
            return FAILED;
        }
        try (context) {
            int code;
            try {
                code = job.applyAsInt(context);
            } catch (RunFailure e) {
                err.println("pl-impact: " + verb + " failed: " + e.getMessage());
                code = FAILED;
            }
            // the summary table of a run, a rerun, or the reproduction a verify made
            RunSummary summary = RunSummary.of(context.getBean(RunWorkspace.class), code,
                    Duration.ofNanos(System.nanoTime() - started));
            if (summary != null) {
                summary.print(out);
            }
            return code;
        }
    }

    private int generate(String[] args) {
        Options o = Options.parse("generate", args, Set.of("out", "scale", "seed"), Set.of());
        if (o.help()) {
            out.println(USAGES.get("generate"));
            out.println("Writes a synthetic inbox (both _state files, seven extracts per LEA, two school years)"
                    + " with planted effects; the same seed gives the same bytes.");
            return OK;
        }
        Path dir = Path.of(o.required("generate", "out"));
        String scale = o.required("generate", "scale");
        long seed;
        try {
            seed = Long.parseLong(o.required("generate", "seed"));
        } catch (NumberFormatException e) {
            throw new UsageException("generate", "--seed must be a whole number");
        }
        return Generation.generate(dir, scale, seed, out, err);
    }

    static LocalDate date(String verb, String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(verb, "--" + option + " must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
