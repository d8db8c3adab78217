package org.sea.pli.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, on a second thread, the library classes a run will need (issue 14: cold start), in the
 * order a run first loads them, while the main thread starts Spring. Loading a class out of the
 * nested jars (read, define, verify) is most of a small run's start-up; on a two-core box the
 * second core would otherwise idle. Classes are only loaded, never initialized: no static
 * initializer runs early, so nothing a run does or writes changes. The list is
 * {@value #LIST}, made by {@code jobs/startup-classes}; a name no longer on the class path is
 * skipped, so a stale list only costs speed.
 *
 * <p>The class-data-sharing archive {@code target/pl-impact.jsa} does this better (the README's
 * command gives it with {@code -XX:SharedArchiveFile}): with it, this thread does nothing. Measured
 * with the archive, preloading gained nothing; without it (a deployment that leaves the flag out),
 * it still saves class loading on the critical path.
 */
final class StartupClasses {

    static final String LIST = "META-INF/pl-impact/startup-classes.txt";

    private StartupClasses() {}

    /** Starts loading in the background (a daemon thread: never keeps the JVM alive). */
    static void preload() {
        ClassLoader loader = StartupClasses.class.getClassLoader();
        Thread thread = new Thread(() -> load(loader), "startup-classes");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void load(ClassLoader loader) {
        if (sharedArchiveInUse()) {
            return; // the archive maps these classes already: loading them again only takes CPU
        }
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not on this class path (a stale list or an optional dependency): the run loads what it needs
                }
            }
        } catch (IOException e) {
            // the list is only a speed-up
        }
    }

    /** Whether the JVM was started with pl-impact's class-data-sharing archive ({@code -XX:SharedArchiveFile}). */
    private static boolean sharedArchiveInUse() {
        String archive = JvmOptions.value("SharedArchiveFile");
        return archive != null && !archive.isEmpty();
    }
}
