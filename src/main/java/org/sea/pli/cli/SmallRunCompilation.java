package org.sea.pli.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;
import org.sea.pli.extract.Inbox;

/**
 * Small runs skip the JVM's optimizing (C2) compiler (issue 14: cold start). A run of a sample-sized
 * inbox is over before C2's compilations pay back, and on a two-core box the C2 thread takes the
 * core the run would use: measured, it was about half the CPU time of a sample run. The quick (C1)
 * compiler still compiles every hot method. Done at run time through the JVM's diagnostic command
 * {@code Compiler.directives_add}, because the README's {@code java -jar} command carries no JVM
 * flags. Large inboxes keep C2: there the hot loops run long enough for it to pay.
 */
final class SmallRunCompilation {

    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private SmallRunCompilation() {}

    /**
     * Applies the directive when the inbox is small, on a daemon thread (starting the JVM's
     * management server takes a moment the main thread need not wait for).
     */
    static void applyFor(Path inbox) {
        Thread thread = new Thread(() -> apply(inbox), "small-run-compilation");
        thread.setDaemon(true);
        thread.start();
    }

    /** Any failure leaves compilation as it was. */
    private static void apply(Path inbox) {
        try {
            if (quickCompilerOnly() || !Inbox.isSmall(inbox)) {
                return; // the README's command already says -XX:TieredStopAtLevel=1: no C2 to leave out
            }
            Path file = Files.createTempFile("pl-impact-c1-", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "compilerDirectivesAdd",
                                new Object[] {new String[] {file.toString()}},
                                new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            // only a speed-up
        }
    }

    /** Whether the JVM was started with the quick compiler only ({@code -XX:TieredStopAtLevel=1}). */
    private static boolean quickCompilerOnly() {
        String level = JvmOptions.value("TieredStopAtLevel");
        return level != null && Integer.parseInt(level) <= 1;
    }
}
