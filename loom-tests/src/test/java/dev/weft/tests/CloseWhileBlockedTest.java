package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.function.Executable;

/**
 * The close contract: {@code close()} from another thread wakes every thread blocked in the
 * socket (virtual and platform, in recv, accept and a full send, several at once) with
 * {@link SocketClosedException}; afterwards {@code fileno()} is -1, close is idempotent,
 * every call throws {@link SocketClosedException}, and no descriptor is left behind.
 */
class CloseWhileBlockedTest {

    /** Starts {@code body} and waits until it is parked inside weft. */
    private static <T> TestKit.Started<T> blocked(boolean virtual, String name, TestKit.Body<T> body) throws Exception {
        TestKit.Started<T> s = TestKit.start(virtual, name, body);
        TestKit.awaitParkedInWeft(s.thread());
        return s;
    }

    private static void assertClosedError(TestKit.Started<?> s) throws Exception {
        Throwable t = s.failure();
        assertInstanceOf(SocketClosedException.class, t, () -> s.thread() + " failed with " + t);
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void closeWakesABlockedRecv(boolean virtual) throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            TestKit.Started<byte[]> r = blocked(virtual, "recv", () -> a.recv(100));
            a.close();
            assertClosedError(r);
            assertEquals(-1, a.fileno());
        }
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void closeWakesABlockedAccept(boolean virtual) throws Exception {
        Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
        try {
            TestKit.Started<Socket.Accepted> r = blocked(virtual, "accept", server::accept);
            server.close();
            assertClosedError(r);
            assertEquals(-1, server.fileno());
        } finally {
            server.close();
        }
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void closeWakesABlockedSendOnAFullBuffer(boolean virtual) throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            TestKit.fillSendBuffer(a);
            TestKit.Started<Void> r = blocked(virtual, "sendAll", () -> {
                a.sendAll(new byte[1 << 20]);
                return null;
            });
            a.close();
            assertClosedError(r);
        }
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void closeWakesABlockedRecvFromOnADatagramSocket(boolean virtual) throws Exception {
        try (Socket u = Socket.open(Family.INET, SocketType.DGRAM)) {
            u.bind(SockAddr.inet("127.0.0.1", 0));
            TestKit.Started<Socket.Received> r = blocked(virtual, "recvfrom", () -> u.recvFrom(100));
            u.close();
            assertClosedError(r);
        }
    }

    /** Several readers and writers, virtual and platform mixed, all in one socket: close wakes them all. */
    @Test
    void closeWakesEveryThreadBlockedInOneSocket() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            TestKit.fillSendBuffer(a);
            List<TestKit.Started<?>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean virtual = i % 2 == 0;
                all.add(blocked(virtual, "reader-" + i, () -> a.recv(10)));
                all.add(blocked(virtual, "reader-into-" + i, () -> a.recvInto(ByteBuffer.allocateDirect(10))));
                all.add(blocked(virtual, "writer-" + i, () -> a.send(new byte[64 * 1024])));
            }
            for (TestKit.Started<?> s : all) {
                assertTrue(s.thread().isAlive(), s.thread() + " should still be blocked");
            }
            a.close();
            for (TestKit.Started<?> s : all) {
                assertClosedError(s);
            }
            assertFalse(a.isOpen());
        }
    }

    @Test
    void closeIsIdempotentAndEveryCallAfterItThrowsSocketClosed() throws Exception {
        Socket s = Socket.open(Family.INET, SocketType.STREAM);
        int fd = s.fileno();
        assertNotEquals(-1, fd);
        assertTrue(s.isOpen());
        s.close();
        s.close();
        s.close();
        assertEquals(-1, s.fileno());
        assertFalse(s.isOpen());
        SockAddr local = SockAddr.inet("127.0.0.1", 0);
        List<Executable> calls = List.of(
                () -> s.bind(local),
                () -> s.listen(),
                s::accept,
                () -> s.connect(local),
                () -> s.connectEx(local),
                () -> s.recv(10),
                () -> s.recvInto(ByteBuffer.allocate(10)),
                () -> s.recvFrom(10),
                () -> s.recvFromInto(ByteBuffer.allocate(10)),
                () -> s.send(new byte[1]),
                () -> s.sendAll(new byte[1]),
                () -> s.sendTo(new byte[1], local),
                () -> s.shutdown(Socket.SHUT_RDWR),
                s::getSockName,
                s::getPeerName,
                () -> s.setOption(SockOpt.TCP_NODELAY, true),
                () -> s.getOption(SockOpt.SO_TYPE),
                () -> s.setSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_REUSEADDR, 1),
                () -> s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE),
                () -> s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE, 4));
        for (int i = 0; i < calls.size(); i++) {
            Executable c = calls.get(i);
            assertThrows(SocketClosedException.class, c, "call #" + i + " after close");
        }
        // Modes are plain fields: they still read and write without touching the descriptor.
        s.setTimeout(null);
        assertTrue(s.getBlocking());
    }

    /**
     * No descriptor survives: sockets closed while threads are blocked in them (and the
     * accepted sockets of a server) all release their descriptors once the threads have left.
     */
    @Test
    void noDescriptorLeaksWhenClosingUnderBlockedThreads() throws Exception {
        Assumptions.assumeTrue(TestKit.canCountFds(), "needs /proc/self/fd or /dev/fd to count descriptors");
        runScenario(2); // warm-up: the poller, thread pools and classes exist before counting
        TestKit.FdCounts before = TestKit.FdCounts.now();
        runScenario(20);
        TestKit.assertNoFdLeak(before);
    }

    private static void runScenario(int n) throws Exception {
        List<TestKit.Started<?>> blocked = new ArrayList<>();
        // The sockets threads block in are closed first: closing a peer first would end
        // their recv with end-of-stream instead.
        List<Socket> toClose = new ArrayList<>();
        List<Socket> peers = new ArrayList<>();
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            for (int i = 0; i < n; i++) {
                Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0);
                toClose.add(p.first());
                peers.add(p.second());
                Socket c = Socket.open(Family.INET, SocketType.STREAM);
                peers.add(c);
                c.connect(server.getSockName());
                Socket accepted = server.accept().socket();
                toClose.add(accepted);
                blocked.add(blocked(i % 2 == 0, "recv-pair-" + i, () -> p.first().recv(10)));
                blocked.add(blocked(i % 2 == 1, "recv-tcp-" + i, () -> accepted.recv(10)));
            }
            blocked.add(blocked(true, "accept", server::accept));
            for (Socket s : toClose) {
                s.close();
            }
            server.close();
            for (TestKit.Started<?> s : blocked) {
                assertClosedError(s);
            }
            for (Socket s : peers) {
                s.close();
            }
        }
    }
}
