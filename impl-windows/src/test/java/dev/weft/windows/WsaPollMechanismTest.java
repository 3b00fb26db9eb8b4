package dev.weft.windows;

import static dev.weft.windows.WinsockConstants.OFF_WSAPOLLFD_EVENTS;
import static dev.weft.windows.WinsockConstants.OFF_WSAPOLLFD_FD;
import static dev.weft.windows.WinsockConstants.OFF_WSAPOLLFD_REVENTS;
import static dev.weft.windows.WinsockConstants.POLLERR;
import static dev.weft.windows.WinsockConstants.POLLHUP;
import static dev.weft.windows.WinsockConstants.POLLNVAL;
import static dev.weft.windows.WinsockConstants.POLLRDNORM;
import static dev.weft.windows.WinsockConstants.POLLWRNORM;
import static dev.weft.windows.WinsockConstants.SIZEOF_WSAPOLLFD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WSAPoll's mechanism over a fake WSAPoll that reads and fills the real {@code WSAPOLLFD}
 * array (Winsock's layout, from WinsockConstants): what it asks Winsock for, how it turns
 * level-triggered answers into the scheduler's edge reports, the failed-connect re-check
 * and the wake-up of a blocked wait. Winsock's own answers are the C twin's to prove (Wine).
 */
class WsaPollMechanismTest {
    private static final long WAKE = 1000;
    private final Fake fake = new Fake();
    private final WsaPollMechanism m = new WsaPollMechanism(fake, (e, what) -> new IOException(what + ": " + e));
    private final long events = Native.malloc(64L * WsaPollMechanism.EVENT_SIZE);
    private final ByteBuffer view = new Pointer(events).getByteBuffer(0, 64L * WsaPollMechanism.EVENT_SIZE)
            .order(ByteOrder.nativeOrder());

    @AfterEach
    void free() {
        Native.free(events);
    }

    /** One WSAPoll call as the fake saw it. */
    record Call(Map<Long, Integer> events, int timeout) {}

    static final class Fake implements WsaPollMechanism.Calls {
        final Map<Long, Integer> revents = new ConcurrentHashMap<>();
        final Map<Long, Integer> soError = new ConcurrentHashMap<>();
        final List<Call> calls = new ArrayList<>();
        final AtomicInteger wakes = new AtomicInteger();
        final AtomicInteger drains = new AtomicInteger();
        volatile CountDownLatch polling = new CountDownLatch(1);
        private final Object lock = new Object();

        @Override
        public int poll(long fds, int n, int timeoutMillis) {
            ByteBuffer a = new Pointer(fds).getByteBuffer(0, (long) n * SIZEOF_WSAPOLLFD).order(ByteOrder.nativeOrder());
            Map<Long, Integer> asked = new ConcurrentHashMap<>();
            for (int i = 0; i < n; i++) {
                asked.put(a.getLong(i * SIZEOF_WSAPOLLFD + OFF_WSAPOLLFD_FD),
                        a.getShort(i * SIZEOF_WSAPOLLFD + OFF_WSAPOLLFD_EVENTS) & 0xFFFF);
            }
            synchronized (calls) {
                calls.add(new Call(asked, timeoutMillis));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (;;) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    long fd = a.getLong(i * SIZEOF_WSAPOLLFD + OFF_WSAPOLLFD_FD);
                    int want = a.getShort(i * SIZEOF_WSAPOLLFD + OFF_WSAPOLLFD_EVENTS);
                    int got = fd == WAKE ? (wakes.get() > drains.get() ? POLLRDNORM : 0)
                            : revents.getOrDefault(fd, 0) & (want | POLLHUP | POLLERR | POLLNVAL);
                    a.putShort(i * SIZEOF_WSAPOLLFD + OFF_WSAPOLLFD_REVENTS, (short) got);
                    count += got != 0 ? 1 : 0;
                }
                if (count > 0 || timeoutMillis == 0 || timeoutMillis > 0 && timeoutMillis <= 100 || System.nanoTime() > end) {
                    return count;
                }
                polling.countDown();
                synchronized (lock) {
                    try {
                        lock.wait(10);
                    } catch (InterruptedException e) {
                        return -10004;
                    }
                }
            }
        }

        @Override
        public int soError(long fd) {
            return soError.getOrDefault(fd, 0);
        }

        @Override
        public long openWake() {
            return WAKE;
        }

        @Override
        public void wake(long wakeFd) {
            wakes.incrementAndGet();
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public void drain(long wakeFd) {
            drains.set(wakes.get());
        }

        @Override
        public void close(long wakeFd) {}

        Call last() {
            synchronized (calls) {
                return calls.get(calls.size() - 1);
            }
        }
    }

    private int poll(int timeout) {
        return m.wait(WAKE, events, view, 0, 64, timeout);
    }

    @Test
    void asksForNormalDataAndSendRoomOnlyNeverPollPri() throws IOException {
        long inst = m.open();
        m.add(inst, 8, 1, Poller.READ);
        m.add(inst, 12, 2, Poller.READ | Poller.WRITE);
        assertEquals(0, poll(0));
        Call c = fake.last();
        assertEquals(POLLRDNORM, c.events().get(8L));
        assertEquals(POLLRDNORM | POLLWRNORM, c.events().get(12L));
        assertFalse(c.events().containsKey(WAKE), "a non-blocking poll must leave the wake-up byte to the blocked waiter");
    }

    @Test
    void aReadinessIsReportedOnceUntilAThreadParksForItAgain() throws IOException {
        long inst = m.open();
        m.add(inst, 8, 0x0000_0007_0000_0008L, Poller.READ);
        fake.revents.put(8L, POLLRDNORM); // level-triggered: unread data stays reported by WSAPoll
        assertEquals(1, poll(0));
        assertEquals(0x0000_0007_0000_0008L, m.data(view, 0));
        assertEquals(Poller.READ, m.ready(view, 0));
        assertEquals(0, poll(0), "reported again without a re-arm: drainers would spin on unread data");
        m.rearm(8, Poller.READ);
        assertEquals(1, poll(0));
        m.rearm(8, Poller.WRITE); // not asked for: stays unwatched
        assertEquals(0, poll(0));
    }

    @Test
    void modifyArmsAfreshAsEpollCtlModDoes() throws IOException {
        long inst = m.open();
        m.add(inst, 8, 1, Poller.READ);
        fake.revents.put(8L, POLLRDNORM | POLLWRNORM);
        assertEquals(1, poll(0));
        assertEquals(Poller.READ, m.ready(view, 0));
        m.modify(inst, 8, 1, Poller.READ | Poller.WRITE);
        assertEquals(1, poll(0));
        assertEquals(Poller.READ | Poller.WRITE, m.ready(view, 0));
        m.delete(inst, 8);
        m.rearm(8, Poller.READ);
        assertEquals(0, poll(0));
    }

    @Test
    void hangUpErrorAndInvalidAreAllThreeBits() throws IOException {
        long inst = m.open();
        int all = Poller.READ | Poller.WRITE | Poller.STATE_CHANGE;
        for (int rev : new int[] {POLLHUP, POLLERR, POLLNVAL, POLLHUP | POLLRDNORM}) {
            m.add(inst, 8, 1, Poller.READ);
            fake.revents.put(8L, rev);
            assertEquals(1, poll(0));
            assertEquals(all, m.ready(view, 0), "revents " + rev);
        }
        assertEquals(Poller.READ, WsaPollMechanism.ready(POLLRDNORM));
        assertEquals(Poller.WRITE, WsaPollMechanism.ready(POLLWRNORM));
    }

    @Test
    void aFailedConnectThatWsaPollDoesNotReportIsFoundThroughSoError() throws IOException {
        long inst = m.open();
        m.add(inst, 8, 1, Poller.READ | Poller.WRITE);
        m.connecting(8, true);
        assertEquals(0, poll(0), "no error yet: still in flight");
        fake.soError.put(8L, 10061); // WSAECONNREFUSED, and WSAPoll says nothing (Windows before 10 2004)
        assertEquals(1, poll(0));
        assertEquals(Poller.READ | Poller.WRITE | Poller.STATE_CHANGE, m.ready(view, 0));
        fake.soError.remove(8L); // as BSD's getsockopt clears it: the provider must still learn the error
        assertEquals(10061, m.takeConnectError(8));
        assertEquals(0, m.takeConnectError(8));
    }

    @Test
    void aWaitWithAConnectInFlightIsBoundedSoTheReCheckRuns() throws IOException {
        long inst = m.open();
        m.add(inst, 8, 1, Poller.READ | Poller.WRITE);
        m.connecting(8, true);
        poll(-1);
        assertEquals(WsaPollMechanism.CONNECT_RECHECK_MILLIS, fake.last().timeout());
        poll(5_000);
        assertEquals(WsaPollMechanism.CONNECT_RECHECK_MILLIS, fake.last().timeout());
        m.connecting(8, false);
        fake.revents.put(8L, POLLWRNORM);
        poll(-1);
        assertEquals(-1, fake.last().timeout());
    }

    @Test
    void aChangeWakesABlockedWaitWhichThenWatchesTheSocket() throws Exception {
        long inst = m.open();
        m.add(inst, 8, 1, Poller.READ);
        assertEquals(0, fake.wakes.get(), "nobody blocked: no wake-up byte");
        fake.revents.put(12L, POLLRDNORM);
        int[] got = new int[1];
        Thread t = new Thread(() -> got[0] = poll(-1));
        t.start();
        assertTrue(fake.polling.await(10, TimeUnit.SECONDS));
        assertTrue(fake.last().events().containsKey(WAKE));
        assertFalse(fake.last().events().containsKey(12L));
        m.add(inst, 12, 2, Poller.READ); // from another thread, while WSAPoll blocks
        t.join(10_000);
        assertFalse(t.isAlive(), "the blocked WSAPoll was not woken by the change");
        assertEquals(1, fake.wakes.get());
        assertEquals(1, fake.drains.get());
        assertEquals(0, got[0], "the wake-up byte itself is no report");
        assertEquals(1, poll(-1), "the next wait's array holds the new socket");
        assertEquals(2, m.data(view, 0));
    }

    @Test
    void noMoreReportsThanRoomAndTheRestStayArmed() throws IOException {
        long inst = m.open();
        for (long fd = 4; fd <= 12; fd += 4) {
            m.add(inst, fd, fd, Poller.READ);
            fake.revents.put(fd, POLLRDNORM);
        }
        assertEquals(2, m.wait(inst, events, view, 0, 2, 0));
        assertEquals(1, m.wait(inst, events, view, 0, 2, 0));
        assertEquals(0, m.wait(inst, events, view, 0, 2, 0));
    }
}
