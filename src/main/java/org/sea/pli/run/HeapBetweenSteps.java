package org.sea.pli.run;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives the heap back between the big steps of a large run (issue 14: ≤ 2 GiB peak RSS in the
 * default heap). The load leaves a few hundred MB live but G1, sized by its pause-time goal on a
 * busy two-core box, has by then committed several times that; the marts and the report would grow
 * it further from there. One full collection at each step boundary, with the heap's free ratio
 * lowered (a setting the JVM lets a running program change; the README's {@code java -jar}
 * command carries no flags), returns the committed heap to about the live set, so each step starts
 * small. Small runs skip it: their heap never grows and a full collection would be their slowest
 * step. Never changes a byte of output.
 */
final class HeapBetweenSteps {

    /** Runs reading fewer rows than this do not collect between steps (sample-data/ reads 70 k). */
    static final long LARGE_RUN_ROWS = 1_000_000;

    private HeapBetweenSteps() {}

    /**
     * After a step of a run that read {@code rowsRead} rows: collect and shrink when the run is
     * large; the time it took goes to the run's phase table.
     */
    static void trim(NightlyRun run, long rowsRead) {
        if (rowsRead < LARGE_RUN_ROWS) {
            return;
        }
        long started = System.nanoTime();
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", "10"); // lower bound first: min must stay ≤ max
            vm.setVMOption("MaxHeapFreeRatio", "25");
        } catch (RuntimeException e) {
            // not HotSpot, or the option is not writable: still collect
        }
        System.gc();
        run.tookMore(NightlyRun.HEAP_TRIM, java.time.Duration.ofNanos(System.nanoTime() - started));
    }
}
