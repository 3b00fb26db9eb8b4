package dev.weft.tests;

import static dev.weft.tests.TestKit.awaitParkedInWeft;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Socket;
import dev.weft.WeftTimeoutException;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Timed waits share one timer per socket and direction (weft's {@code WaitTimer}): a read
 * with a long timeout that ends early leaves its timer armed for the next read to reuse, so
 * a server whose connections carry an idle timeout does not schedule and cancel a timer per
 * read. Reuse must never make a wait end early, nor late when a shorter timeout follows a
 * longer one.
 */
class TimedWaitTimerTest {

    private static int pendingTimers() throws Exception {
        Method m = Class.forName("dev.weft.WaitTimer").getDeclaredMethod("pending");
        m.setAccessible(true);
        return (int) m.invoke(null);
    }

    @Test
    void readsThatEndEarlyReuseOneTimer() throws Exception {
        var p = TestKit.tcpPair();
        try (Socket writer = p.first(); Socket reader = p.second()) {
            reader.setTimeout(Duration.ofSeconds(60));
            int before = pendingTimers();
            for (int i = 0; i < 50; i++) {
                TestKit.Started<byte[]> r = TestKit.start(true, "reader", () -> reader.recv(16));
                awaitParkedInWeft(r.thread()); // a wait that parked, with its 60 s deadline
                writer.sendAll(new byte[] {(byte) i});
                assertArrayEquals(new byte[] {(byte) i}, r.get());
            }
            int added = pendingTimers() - before;
            assertTrue(added <= 1, "50 parked reads with a 60 s timeout left " + added + " timers armed, not one");
        }
    }

    @Test
    void closingASocketDropsItsArmedTimers() throws Exception {
        int before = pendingTimers();
        for (int i = 0; i < 20; i++) {
            var p = TestKit.tcpPair();
            try (Socket writer = p.first(); Socket reader = p.second()) {
                reader.setTimeout(Duration.ofSeconds(60));
                TestKit.Started<byte[]> r = TestKit.start(true, "reader", () -> reader.recv(16));
                awaitParkedInWeft(r.thread()); // arms a timer 60 s ahead, left armed when the read ends
                writer.sendAll(new byte[] {1});
                r.get();
            }
        }
        int left = pendingTimers() - before;
        assertTrue(left <= 0, "20 closed connections left " + left + " timers armed for their 60 s timeouts");
    }

    @Test
    void aShorterTimeoutAfterALongerOneStillFiresWithoutWaitingForTheLongerTimer() throws Exception {
        var p = TestKit.tcpPair();
        try (Socket writer = p.first(); Socket reader = p.second()) {
            reader.setTimeout(Duration.ofSeconds(60));
            TestKit.Started<byte[]> r = TestKit.start(true, "reader", () -> reader.recv(16));
            awaitParkedInWeft(r.thread()); // arms the timer 60 s ahead
            writer.sendAll(new byte[] {1});
            r.get();
            reader.setTimeout(Duration.ofMillis(200));
            long start = System.nanoTime();
            // TestKit.inVirtualThread bounds the wait: a read left to the 60 s timer fails there.
            assertThrows(WeftTimeoutException.class, () -> TestKit.inVirtualThread(() -> reader.recv(16)));
            long took = System.nanoTime() - start;
            assertTrue(took >= 200_000_000L, "timed out early, after " + took / 1_000_000 + " ms");
        }
    }

    @Test
    void aWaiterWokenByAnEarlierWaitsTimerParksAgainUntilItsOwnDeadline() throws Exception {
        var p = TestKit.tcpPair();
        try (Socket writer = p.first(); Socket reader = p.second()) {
            reader.setTimeout(Duration.ofMillis(400));
            TestKit.Started<byte[]> first = TestKit.start(true, "reader", () -> reader.recv(16));
            awaitParkedInWeft(first.thread()); // arms the timer 400 ms after now
            writer.sendAll(new byte[] {1});
            first.get();
            Thread.sleep(100);
            long start = System.nanoTime();
            // Reuses the first wait's timer, which fires about 100 ms before this wait's own
            // deadline: woken then, it must find time left and wait on.
            assertThrows(WeftTimeoutException.class, () -> TestKit.inVirtualThread(() -> reader.recv(16)));
            long took = System.nanoTime() - start;
            assertTrue(took >= 400_000_000L, "timed out early, after " + took / 1_000_000 + " ms");
        }
    }
}
