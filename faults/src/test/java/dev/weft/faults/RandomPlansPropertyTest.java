package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.weft.Family;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Plans drawn through a {@code RandomGenerator} from QuickTheories (as a user's property
 * test would): each prints and reads back to itself, and a correct reader and writer over
 * a stream pair under it, in a session on the installed provider, move every byte in
 * order unless the plan is chaos, whose losses then surface as errors, never as wrong bytes.
 */
class RandomPlansPropertyTest {
    @Test
    void randomPlansRoundTripAndKeepStreamsIntact() {
        java.util.concurrent.atomic.AtomicLong injected = new java.util.concurrent.atomic.AtomicLong();
        qt().withExamples(40).forAll(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).map(s -> FaultPlan.random(new SplittableRandom(s))))
                .checkAssert(plan -> {
                    assertEquals(plan, FaultPlan.parse(plan.toString()));
                    byte[] data = Echo.data(plan.seed(), 32 << 10);
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    Exception failure = null;
                    try (FaultSession faults = Faults.session(plan); var pair = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0);
                         var vt = Executors.newVirtualThreadPerTaskExecutor()) {
                        pair.first().setTimeout(Duration.ofSeconds(20));
                        pair.second().setTimeout(Duration.ofSeconds(20));
                        Future<?> w = vt.submit(() -> {
                            pair.first().sendAll(data);
                            pair.first().shutdown(Socket.SHUT_WR);
                            return null;
                        });
                        byte[] buf = new byte[4096];
                        try {
                            for (int n; (n = pair.second().recvInto(buf, 0, buf.length)) > 0; ) {
                                got.write(buf, 0, n);
                            }
                            w.get(20, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            failure = e;
                            pair.first().close();
                        }
                        String what = plan + "\n" + faults.log();
                        injected.addAndGet(faults.log().size());
                        byte[] g = got.toByteArray();
                        if (plan.profile().equals("chaos")) {
                            assertArrayEquals(java.util.Arrays.copyOf(data, g.length), g, what);
                        } else {
                            assertTrue(failure == null, what + failure);
                            assertArrayEquals(data, g, what);
                        }
                    } catch (Exception e) {
                        throw new AssertionError(plan.toString(), e);
                    }
                });
        // The plans are random, so how many faults they inject is too: a bound like "over 100"
        // failed once at 99 in CI. What must hold is that the property ran under faults at all.
        assertTrue(injected.get() > 0, "the sessions injected no fault: the property was never tested under one");
    }
}
