package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The poller must not starve the rest of the scheduler. The JDK's ForkJoinPool runs a
 * carrier's local queue until it is empty before it looks at tasks submitted from outside
 * (a timer's wake-up, an unpark from a platform thread); a sub-poller that yields back into
 * its carrier's queue after every busy poll keeps that queue from ever emptying when there are
 * as many sub-pollers as carriers. This is a liveness check (no sleep over 2 s, several times
 * the worst seen with the limit), not a timing measurement. Runs {@link PollerFairnessMain} in child JVMs, since the
 * poller count is read once per JVM.
 */
class PollerFairnessTest {
    private static String run(String... jvmOptions) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildJvm.command(PollerFairnessMain.class, List.of(jvmOptions), List.of("3000", "unix")))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void sleepingThreadsStillWakeWhileEchoTrafficKeepsEveryCarrierBusy() throws Exception {
        // A sub-poller per carrier (the default). Without the busy limit single 5 ms sleeps
        // took 3-29 s (7 runs out of 7 over 2 s); with it none took over 0.3 s.
        String out = run("-Djdk.virtualThreadScheduler.parallelism=2");
        assertTrue(out.contains("sleeps done"), out);
    }
}
