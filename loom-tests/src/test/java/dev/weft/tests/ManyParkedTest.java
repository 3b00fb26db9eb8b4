package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * 10,000 virtual threads parked at once, each in recv on its own descriptor (5,000 socket
 * pairs), all complete when data arrives; and the same with the virtual-thread scheduler
 * limited to a single carrier, in a child JVM. Neither can pass if a waiting call held its
 * carrier in the kernel.
 */
class ManyParkedTest {
    static final int PAIRS = 5_000;

    @Test
    void tenThousandVirtualThreadsParkedInRecvAllComplete() throws Exception {
        Assumptions.assumeTrue(TestKit.canCountFds(), "needs /proc/self/fd or /dev/fd to check for leaks");
        ManyParked.run(2, Duration.ofSeconds(20)); // warm-up: weft's poller and JNA exist before counting
        TestKit.FdCounts before = TestKit.FdCounts.now();
        ManyParked.Result r = ManyParked.run(PAIRS, Duration.ofSeconds(60));
        assertEquals(2 * PAIRS, r.threads());
        assertEquals(2 * PAIRS, r.parkedAtOnce());
        assertEquals(2 * PAIRS, r.completed());
        TestKit.assertNoFdLeak(before);
    }

    @Test
    void tenThousandParkedOnASingleCarrier() throws Exception {
        TestKit.ChildResult r = TestKit.runJava(Duration.ofSeconds(90),
                List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"),
                ManyParked.class, Integer.toString(PAIRS), "60");
        assertEquals(0, r.exitCode(), r.output());
        String line = r.output().lines().filter(l -> l.startsWith("OK ")).findFirst().orElse("");
        String[] f = line.split(" ");
        assertTrue(f.length >= 5, "no OK line in:\n" + r.output());
        assertEquals(2 * PAIRS, Integer.parseInt(f[1]), line);
        assertEquals(2 * PAIRS, Integer.parseInt(f[2]), "parked at once: " + line);
        assertEquals(2 * PAIRS, Integer.parseInt(f[3]), "completed: " + line);
        assertEquals(1, Integer.parseInt(f[4]), "the child must run every virtual thread on one carrier: " + line);
    }
}
