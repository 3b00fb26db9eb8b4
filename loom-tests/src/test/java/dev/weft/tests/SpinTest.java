package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dweft.spinMicros}: a call that would block retries (yielding) within the window
 * instead of parking, stops at its deadline, and is off with one carrier. Runs
 * {@link SpinMain} in child JVMs, since the setting is read once per JVM.
 */
class SpinTest {
    private static String run(String... jvmOptions) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildJvm.command(SpinMain.class, List.of(jvmOptions), List.of()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static int spun(String out) {
        for (String line : out.split("\n")) {
            if (line.startsWith("spun ")) {
                return Integer.parseInt(line.split(" ")[1]);
            }
        }
        throw new AssertionError("no result in: " + out);
    }

    @Test
    void aReadThatWouldBlockRetriesWithinTheWindowInsteadOfParking() throws Exception {
        String out = run("-Dweft.spinMicros=10000000", "-Djdk.virtualThreadScheduler.parallelism=2");
        assertTrue(spun(out) > 2, "retried while spinning: " + out);
        int afterMs = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("timeout after_ms ")) {
                afterMs = Integer.parseInt(line.split(" ")[2].trim());
            }
        }
        // 30 ms asked, a 10 s window: a timeout that waited for the window would say so, and a
        // loaded CI machine's lateness (well under a second) stays far from the bound
        assertTrue(afterMs >= 30 && afterMs < 5000, "a timeout inside the spin window fires at its deadline: " + out);
    }

    @Test
    void withoutTheSettingOrWithOneCarrierAReadAsksOnceThenParks() throws Exception {
        assertEquals(2, spun(run("-Djdk.virtualThreadScheduler.parallelism=2")), "EAGAIN, park, then the data");
        assertEquals(2, spun(run("-Dweft.spinMicros=2000000", "-Djdk.virtualThreadScheduler.parallelism=1")),
                "one carrier: no spinning");
    }
}
