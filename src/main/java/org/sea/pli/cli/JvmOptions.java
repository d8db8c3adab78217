package org.sea.pli.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM flags this process was started with, read without starting the management server
 * (issue 14: the start-up speed-ups look at them to skip what a flag already does).
 */
final class JvmOptions {

    private JvmOptions() {}

    /** The flag's value as the JVM reports it, or null when it cannot be read. */
    static String value(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name)
                    .getValue();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
