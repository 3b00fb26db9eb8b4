package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.spi.SocketProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Soak only ({@code -Dweft.soak=true}): thousands of {@link Echo}s, TCP and AF_UNIX, plain and
 * under the {@code slow-dns} plan (which touches no stream call), none of which may sit out
 * its 20 s timeout and then finish. That was a lost wake-up: a waiter parked for a moment on
 * the timer queue's lock between publishing itself and parking, which took the permit of the
 * poller's unpark (about 1 in 6,000 echoes under load; none in 56,000 after the fix in
 * {@code Waiters.await}). An echo here takes milliseconds; 10 s, half the timeout, is the
 * line between slow and stalled, so the bound is about liveness, not speed. Run:
 * {@code ./mvnw -q -pl faults -am verify -Dtest=EchoSoakTest -Dweft.soak=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (with CPU hogs beside it for the load).
 */
@EnabledIfSystemProperty(named = "weft.soak", matches = "true")
class EchoSoakTest {
    @Test
    void noEchoWaitsOutItsTimeout() throws Exception {
        int n = Integer.getInteger("weft.soak.echoes", 20_000);
        List<String> stalled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean unix = i % 2 == 1;
            SocketProvider p = i % 4 < 2 ? Real.provider() : Faults.wrap(Real.provider(), FaultPlan.profile("slow-dns").withSeed(i));
            long t0 = System.nanoTime();
            Echo.Outcome o = Echo.run(p, Echo.data(i, 96 << 10), unix);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int k = i;
            assertTrue(o.failures().isEmpty(), () -> k + ": " + o.failures());
            assertArrayEquals(o.sent(), o.echoed());
            if (ms > 10_000) {
                stalled.add("echo " + i + (unix ? " over AF_UNIX" : " over TCP") + ": " + ms + " ms");
            }
        }
        assertEquals(List.of(), stalled, "echoes that sat out a wait's timer");
    }
}
