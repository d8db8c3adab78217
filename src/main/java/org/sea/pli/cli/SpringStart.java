package org.sea.pli.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.sea.pli.PlImpactApplication;
import org.sea.pli.ops.ExitCode;
import org.sea.pli.ops.Phase;
import org.sea.pli.ops.RunPhase;
import org.sea.pli.ops.RunSummary;
import org.sea.pli.ops.StartupFailures;
import org.sea.pli.run.NightlyRunLauncher;
import org.sea.pli.run.RunFailure;
import org.sea.pli.run.RunSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Spring for the verbs that need it, with the Spring arguments of the command line
 * ({@link Invocation#settings()}, collected by {@link SpringArguments}). {@code run}, {@code rerun}
 * and {@code verify} get the whole application (job repository, Spring Batch); {@code validate}
 * only its bound {@code pli.*} settings, so that it applies the same {@code max-reject-rate} as a
 * run without a database. {@code generate} starts nothing. A bad setting is a configuration
 * error (exit 2, one line); any other failed start is one line and exit 1 (spec §7).
 */
final class SpringStart {

    private SpringStart() {}

    /** The settings-only context of {@code validate}: application.yml, environment, command line; no beans. */
    @EnableConfigurationProperties(RunSettings.class)
    static final class SettingsOnly {}

    /** Runs a job verb in the full application; prints the run summary; returns its exit code. */
    static int job(String verb, Invocation in, ToIntFunction<ConfigurableApplicationContext> job) {
        long started = System.nanoTime();
        Instant jvmStarted = jvmStart();
        Duration jvm = jvmStarted == null ? null : Duration.between(jvmStarted, Instant.now());
        ConfigurableApplicationContext context = start(verb, in, PlImpactApplication.class);
        Duration spring = Duration.ofNanos(System.nanoTime() - started);
        if (context == null) {
            return ExitCode.RUN_FAILED.code();
        }
        try (context) {
            int code;
            try {
                code = job.applyAsInt(context);
            } catch (RunFailure e) {
                in.err().println("pl-impact: " + verb + " failed: " + e.getMessage());
                code = ExitCode.RUN_FAILED.code();
            }
            // the summary table of a run, a rerun, or the reproduction a verify made
            List<Phase> startup = new ArrayList<>();
            if (jvm != null) {
                startup.add(new Phase(RunPhase.JVM_START, jvm));
            }
            startup.add(new Phase(RunPhase.SPRING_START, spring));
            RunSummary summary = RunSummary.of(
                    context.getBean(NightlyRunLauncher.class).lastRun(),
                    code,
                    Duration.ofNanos(System.nanoTime() - started),
                    startup,
                    jvmStarted == null ? null : Duration.between(jvmStarted, Instant.now()));
            if (summary != null) {
                summary.print(in.out());
            }
            return code;
        }
    }

    /**
     * When this JVM started, to the millisecond, or null when the platform does not say: the phase
     * table's first row is JVM start to Spring start. Not {@code ProcessHandle}'s start instant: on
     * Linux it rests on the boot time in whole seconds, so it was up to a second early.
     */
    private static Instant jvmStart() {
        try {
            return Instant.ofEpochMilli(
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The effective {@code pli.*} settings, bound as for a run; null (after one line) when Spring cannot start. */
    static RunSettings settings(String verb, Invocation in) {
        ConfigurableApplicationContext context = start(verb, in, SettingsOnly.class);
        if (context == null) {
            return null;
        }
        try (context) {
            return context.getBean(RunSettings.class);
        }
    }

    /** Null after printing one line when the start failed for a reason other than the configuration. */
    private static ConfigurableApplicationContext start(String verb, Invocation in, Class<?> source) {
        StartupFailures startup = new StartupFailures();
        try {
            SpringApplication application = new SpringApplication(source);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.addListeners(startup);
            application.addListeners(new SettingNames()); // §7: an unknown pli.* key is exit 2, naming it
            return application.run(in.settings().toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = rootCause(e);
            BindException bind = cause(e, BindException.class);
            if (bind != null && bind.getProperty() != null) {
                throw new UsageException(
                        verb,
                        "configuration error: " + bind.getProperty().getName() + "="
                                + bind.getProperty().getValue() + " is not valid (" + root.getMessage() + ")");
            }
            if (bind != null || root instanceof IllegalArgumentException) {
                throw new UsageException(verb, "configuration error: " + root.getMessage());
            }
            String database = startup.jobRepositoryFailure(e);
            in.err().println("pl-impact: " + (database != null ? database : "cannot start: " + root.getMessage()));
            return null;
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
