package org.sea.pli.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sea.pli.ops.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code pl-impact} command line (spec §7) on picocli: one class per verb, registered in
 * {@link #verbs}. A usage error is one line on stderr plus a hint where the verb's help is, and
 * {@link ExitCode#USAGE}; never a stack trace.
 */
@Command(name = "pl-impact", header = "pl-impact - does educator professional learning change classroom practice?")
public final class PlImpactCommand implements Callable<Integer> {

    static final String JAR = "java -jar target/pl-impact.jar";

    private static final java.util.regex.Pattern FLAG_WITH_VALUE =
            java.util.regex.Pattern.compile("option '(--[a-z-]+)' should be specified without");

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public PlImpactCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    @SuppressForbidden(reason = "the command line's own console: what the person or scheduler that started it reads")
    public static void main(String[] args) {
        System.exit(new PlImpactCommand(System.out, System.err, System.getenv()).execute(args));
    }

    /** The verbs, in the order the help lists them: a new verb is one class and one entry here. */
    private static List<Verb> verbs(Invocation in) {
        return List.of(
                new RunCommand(in),
                new RerunCommand(in),
                new VerifyCommand(in),
                new GenerateCommand(in),
                new ValidateCommand(in));
    }

    public int execute(String[] args) {
        SpringArguments split;
        try {
            split = SpringArguments.split(args);
        } catch (UsageException e) {
            return usageError(e.verb(), e.getMessage());
        }
        CommandLine root = new CommandLine(this);
        List<String> synopsis = new ArrayList<>();
        for (Verb verb : verbs(new Invocation(out, err, environment, split.settings()))) {
            CommandLine sub = new CommandLine(verb);
            root.addSubcommand(sub);
            for (String line : sub.getCommandSpec().usageMessage().customSynopsis()) {
                synopsis.add("  " + line);
            }
        }
        root.addSubcommand(new CommandLine.HelpCommand());
        root.getCommandSpec()
                .usageMessage()
                .synopsisHeading("Usage:%n")
                .customSynopsis(synopsis.toArray(String[]::new))
                .footer("Each command takes --help. Exit codes: " + ExitCode.legend() + ".");
        root.setExpandAtFiles(false) // an argument starting with @ is a value, never a file to read
                .setUsageHelpWidth(120)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(writer(out))
                .setErr(writer(err))
                .setParameterExceptionHandler((e, arguments) -> usageError(verbOf(e.getCommandLine()), message(e)))
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (e instanceof UsageException u) {
                        return usageError(u.verb(), u.getMessage());
                    }
                    String verb = verbOf(commandLine);
                    err.println("pl-impact: " + (verb == null ? "" : verb + " ") + "failed: " + oneLine(e));
                    return ExitCode.RUN_FAILED.code();
                });
        return root.execute(split.options().toArray(String[]::new));
    }

    /** Characters to the stream, which encodes them as it encodes everything else it prints. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) {
                        stream.append(CharBuffer.wrap(chars, offset, length));
                    }

                    @Override
                    public void flush() {
                        stream.flush();
                    }

                    @Override
                    public void close() {
                        stream.flush();
                    }
                },
                true);
    }

    /** {@code pl-impact} with no verb. */
    @Override
    public Integer call() {
        throw new UsageException(null, "no command given");
    }

    private int usageError(String verb, String message) {
        err.println("pl-impact: " + message);
        err.println("see '" + JAR + (verb == null ? "" : " " + verb) + " --help'");
        return ExitCode.USAGE.code();
    }

    private String verbOf(CommandLine commandLine) {
        return commandLine == null || commandLine.getCommandSpec().userObject() == this
                ? null
                : commandLine.getCommandName();
    }

    /** picocli's parse errors in the words of the rest of pl-impact's messages. */
    private String message(ParameterException e) {
        String verb = verbOf(e.getCommandLine());
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException t && arg instanceof OptionSpec o) {
            return o.longestName() + " " + t.getMessage();
        }
        if (e instanceof MissingParameterException m && e.getMessage().startsWith("Missing required option")) {
            List<String> names = m.getMissing().stream()
                    .map(a -> a instanceof OptionSpec o ? o.longestName() : a.paramLabel())
                    .toList();
            return "missing required option" + (names.size() > 1 ? "s " : " ") + String.join(", ", names);
        }
        if (e instanceof MissingParameterException m
                && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec o) {
            return o.longestName() + " needs a value";
        }
        java.util.regex.Matcher flag = FLAG_WITH_VALUE.matcher(String.valueOf(e.getMessage()));
        if (flag.lookingAt()) {
            return flag.group(1) + " takes no value";
        }
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                return "unknown option " + first + (verb == null ? "" : " for '" + verb + "'");
            }
            return verb == null ? "unknown command '" + first + "'" : "unexpected argument '" + first + "'";
        }
        return e.getMessage();
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
