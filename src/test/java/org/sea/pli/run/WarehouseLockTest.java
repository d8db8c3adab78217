package org.sea.pli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.storage.Warehouse;

/** The one-run-at-a-time rule of docs/spec.md §6 and its stale-lock rule. */
class WarehouseLockTest {

    @TempDir
    Path dir;

    @Test
    void ofManyRacingRunsExactlyOneTakesTheLock() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        List<Warehouse> warehouses = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Warehouse w = Warehouse.open(dir.toString());
            warehouses.add(w);
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    WarehouseLock.acquire(w, "racer " + n, Duration.ofHours(12)); // kept: never released
                    return true;
                } catch (RunFailure e) {
                    assertThat(e.getMessage()).contains("is in use by racer");
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("_LOCK"))).contains("purpose=racer");
    }

    @Test
    void aLockIsStaleWhenItsHolderIsGoneOrItIsOlderThanTheLimit() throws Exception {
        Properties live = holder(ProcessHandle.current().pid(), java.time.Instant.now());
        assertThat(WarehouseLock.stale(live, Duration.ofHours(12))).isFalse();
        assertThat(WarehouseLock.stale(
                        holder(
                                ProcessHandle.current().pid(),
                                java.time.Instant.now().minus(Duration.ofHours(13))),
                        Duration.ofHours(12)))
                .isTrue();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThat(WarehouseLock.stale(holder(gone.pid(), java.time.Instant.now()), Duration.ofHours(12)))
                .isTrue();
        Properties elsewhere = holder(1, java.time.Instant.now());
        elsewhere.setProperty("host", "another-host.example");
        assertThat(WarehouseLock.stale(elsewhere, Duration.ofHours(12))).isFalse(); // cannot see its processes
    }

    private static Properties holder(long pid, java.time.Instant since) throws Exception {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("since", since.toString());
        p.setProperty("host", java.net.InetAddress.getLocalHost().getHostName());
        return p;
    }
}
