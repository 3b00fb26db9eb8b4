package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.common.poll.PollMechanism;
import dev.weft.common.poll.PollMechanism.Op;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * epoll keeps {@link PollMechanism}'s contract: edge-triggered reports decoded into
 * weft's bits, write readiness only when asked, an instance nested in another reported
 * there, a one-shot watch silent until re-armed, and a failed wait's errno.
 */
class EpollMechanismTest {
    private final LinuxProvider provider = new LinuxProvider();
    private final EpollMechanism mech = new EpollMechanism(provider);
    private final List<Long> instances = new ArrayList<>();
    private long mem;
    private ByteBuffer view;
    private Sockets.SocketPair pair;

    @BeforeEach
    void setUp() throws IOException {
        mem = Native.malloc(64L * mech.eventSize());
        view = new Pointer(mem).getByteBuffer(0, 64L * mech.eventSize()).order(ByteOrder.nativeOrder());
        pair = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0);
    }

    @AfterEach
    void tearDown() throws IOException {
        pair.close();
        instances.forEach(mech::close);
        Native.free(mem);
    }

    private long open() throws IOException {
        long i = mech.open();
        instances.add(i);
        return i;
    }

    /** The events one non-blocking wait collects, as {data, ready} pairs. */
    private List<long[]> poll(long instance) {
        int n = mech.wait(instance, mem, view, 0, 64, 0);
        assertTrue(n >= 0, "wait failed: " + n);
        List<long[]> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            got.add(new long[] {mech.data(view, i * mech.eventSize()), mech.ready(view, i * mech.eventSize())});
        }
        return got;
    }

    private static void assertReports(List<long[]> got, long... dataAndReady) {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < dataAndReady.length; i += 2) {
            want.add(dataAndReady[i] + ":" + dataAndReady[i + 1]);
        }
        assertEquals(want, got.stream().map(e -> e[0] + ":" + e[1]).toList());
    }

    @Test
    void eachArrivalIsReportedOnceAndUnreadDataIsNotReportedAgain() throws Exception {
        long ep = open();
        long data = (42L << 32) | pair.first().fileno();
        assertEquals(0, mech.add(ep, pair.first().fileno(), data, Poller.READ));
        assertReports(poll(ep)); // writable, but write readiness was not asked for
        pair.second().sendAll(new byte[] {1});
        assertReports(poll(ep), data, Poller.READ);
        assertReports(poll(ep)); // the byte is still unread: edge-triggered, no second report
        pair.second().sendAll(new byte[] {2});
        assertReports(poll(ep), data, Poller.READ);
    }

    @Test
    void aPeersShutdownIsAStateChangeAndWriteReadinessComesOnlyWhenAsked() throws Exception {
        long ep = open();
        assertEquals(0, mech.add(ep, pair.first().fileno(), 7, Poller.READ));
        assertEquals(0, mech.modify(ep, pair.first().fileno(), 7, Poller.READ | Poller.WRITE));
        assertReports(poll(ep), 7, Poller.WRITE);
        pair.second().shutdown(Socket.SHUT_WR);
        assertReports(poll(ep), 7, Poller.READ | Poller.WRITE | Poller.STATE_CHANGE);
        assertEquals(0, mech.delete(ep, pair.first().fileno()));
        pair.second().close();
        assertReports(poll(ep));
    }

    /**
     * A TCP socket not yet connected polls as "hang-up"; that wakes waiters but is no state
     * change (no end of stream, no error), so the drained-read skip stays on once it
     * connects. A reset later is one.
     */
    @Test
    void anUnconnectedSocketsHangUpIsNoStateChangeButAResetIs() throws Exception {
        long ep = open();
        try (Socket listener = Socket.open(Family.INET, SocketType.STREAM);
             Socket client = Socket.open(Family.INET, SocketType.STREAM)) {
            assertEquals(0, mech.add(ep, client.fileno(), 9, Poller.READ));
            assertReports(poll(ep), 9, Poller.READ | Poller.WRITE);
            listener.bind(dev.weft.SockAddr.inet("127.0.0.1", 0));
            listener.listen(1);
            client.connect(listener.getSockName());
            poll(ep); // whatever the connection's arrival reported
            try (Socket server = listener.accept().socket()) {
                server.setOption(dev.weft.SockOpt.SO_LINGER, 0);
            } // closed with linger 0: a reset
            List<long[]> got = poll(ep);
            for (int i = 0; i < 100 && got.isEmpty(); i++) {
                Thread.sleep(10);
                got = poll(ep);
            }
            assertEquals(1, got.size(), "one report for the reset");
            assertTrue((got.get(0)[1] & Poller.STATE_CHANGE) != 0, "a reset is a state change");
            assertEquals(0, mech.delete(ep, client.fileno()));
        }
    }

    @Test
    void aNestedInstanceIsReportedInTheOuterOneAndAOneShotWatchOnlyOnceArmed() throws Exception {
        assertTrue(mech.canNest());
        long inner = open();
        long outer = open();
        long watch = open();
        assertEquals(0, mech.add(inner, pair.first().fileno(), 1, Poller.READ));
        assertEquals(0, mech.add(outer, inner, 2, Poller.READ));
        assertEquals(0, mech.add(watch, inner, 3, PollMechanism.ONE_SHOT)); // disarmed
        pair.second().sendAll(new byte[] {1});
        assertReports(poll(outer), 2, Poller.READ);
        assertReports(poll(watch));
        assertEquals(0, mech.modify(watch, inner, 3, Poller.READ | PollMechanism.ONE_SHOT));
        assertReports(poll(watch), 3, Poller.READ); // the inner instance has an event now
        pair.second().sendAll(new byte[] {2});
        assertReports(poll(watch)); // fired once: silent until armed again
        assertReports(poll(outer), 2, Poller.READ); // edge-triggered: each new event once
        assertReports(poll(inner), 1, Poller.READ);
    }

    @Test
    void aFailedWaitGivesItsErrnoAndTheErrorNamesTheCall() {
        int ebadf = provider.nativeErrno(Errno.EBADF);
        assertEquals(-ebadf, mech.wait(-1, mem, view, 0, 64, 0));
        IOException e = mech.error(ebadf, Op.WAIT, "the poller stopped");
        assertEquals(Errno.EBADF, ((OsError) e).errno());
        assertTrue(e.getMessage().contains("epoll_wait: the poller stopped"), e.getMessage());
    }
}
