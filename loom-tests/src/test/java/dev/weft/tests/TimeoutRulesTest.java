package dev.weft.tests;

import static dev.weft.tests.TestKit.inVirtualThread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's timeout rules (MISSION.md section 5): three modes, non-blocking fails at once,
 * a timeout covers the whole call and never fires early, connect obeys it, and the default
 * timeout and accept inheritance rule.
 */
class TimeoutRulesTest {
    @AfterEach
    void resetDefault() {
        Sockets.setDefaultTimeout(null);
    }

    // ---- modes -------------------------------------------------------------------------

    @Test
    void newSocketsAreBlocking() throws Exception {
        assertNull(Sockets.getDefaultTimeout());
        try (Socket tcp = Socket.open(Family.INET, SocketType.STREAM);
             Socket udp = Socket.open(Family.INET, SocketType.DGRAM);
             Sockets.SocketPair pair = Sockets.socketPair();
             Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            for (Socket s : List.of(tcp, udp, pair.first(), pair.second(), server)) {
                assertNull(s.getTimeout(), s + " timeout");
                assertTrue(s.getBlocking(), s + " blocking");
            }
        }
    }

    @Test
    void getBlockingGetTimeoutAndSetBlockingAgree() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.setTimeout(Duration.ZERO);
            assertFalse(s.getBlocking());
            assertEquals(Duration.ZERO, s.getTimeout());

            s.setTimeout(Duration.ofMillis(1500));
            assertTrue(s.getBlocking(), "a timeout counts as blocking, as in Python");
            assertEquals(Duration.ofMillis(1500), s.getTimeout());

            s.setBlocking(false);
            assertFalse(s.getBlocking());
            assertEquals(Duration.ZERO, s.getTimeout());

            s.setBlocking(true);
            assertTrue(s.getBlocking());
            assertNull(s.getTimeout());

            s.setTimeout(Duration.ofSeconds(3));
            s.setTimeout(null);
            assertTrue(s.getBlocking());
            assertNull(s.getTimeout());
        }
    }

    @Test
    void negativeTimeoutIsIllegalAndChangesNothing() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.setTimeout(Duration.ofSeconds(2));
            assertThrows(IllegalArgumentException.class, () -> s.setTimeout(Duration.ofNanos(-1)));
            assertThrows(IllegalArgumentException.class, () -> s.setTimeout(Duration.ofSeconds(-5)));
            assertEquals(Duration.ofSeconds(2), s.getTimeout());
        }
        assertThrows(IllegalArgumentException.class, () -> Sockets.setDefaultTimeout(Duration.ofMillis(-1)));
        assertNull(Sockets.getDefaultTimeout());
    }

    // ---- non-blocking: fails at once -------------------------------------------------

    @Test
    void zeroTimeoutRecvThrowsWouldBlockAtOnce() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            a.setTimeout(Duration.ZERO);
            inVirtualThread(() -> {
                assertWouldBlock(Errno.EAGAIN, () -> a.recv(10));
                assertWouldBlock(Errno.EAGAIN, () -> a.recvInto(ByteBuffer.allocate(10)));
                assertWouldBlock(Errno.EAGAIN, () -> a.recvFrom(10));
                return null;
            });
            // Still usable: data that is there is returned.
            p.second().sendAll(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, inVirtualThread(() -> {
                for (;;) {
                    try {
                        return a.recv(10);
                    } catch (WouldBlockException notYet) {
                        Thread.sleep(1);
                    }
                }
            }));
        }
    }

    @Test
    void zeroTimeoutAcceptThrowsWouldBlockAtOnce() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            server.setTimeout(Duration.ZERO);
            inVirtualThread(() -> assertWouldBlock(Errno.EAGAIN, server::accept));
        }
    }

    @Test
    void zeroTimeoutSendOnFullBufferThrowsWouldBlockAtOnce() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            TestKit.fillSendBuffer(a);
            a.setTimeout(Duration.ZERO);
            inVirtualThread(() -> {
                assertWouldBlock(Errno.EAGAIN, () -> a.send(new byte[1000]));
                assertWouldBlock(Errno.EAGAIN, () -> {
                    a.sendAll(new byte[1000]);
                    return null;
                });
                return null;
            });
        }
    }

    @Test
    void zeroTimeoutConnectThrowsWouldBlockWithEinprogress() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            c.setTimeout(Duration.ZERO);
            WouldBlockException e = inVirtualThread(() -> assertThrows(WouldBlockException.class, () -> c.connect(server.getSockName())));
            assertTrue(connectInProgress(e.nativeErrno()), e.getMessage());
            // The connection still completes in the background, as a non-blocking connect does.
            server.setTimeout(TestKit.BOUND);
            try (Socket.Accepted a = inVirtualThread(server::accept)) {
                assertEquals(c.getSockName(), a.address());
                assertEquals(0, c.getOption(SockOpt.SO_ERROR));
            }
        }
    }

    /** Python's connect_ex in non-blocking mode returns EINPROGRESS rather than raising. */
    @Test
    void zeroTimeoutConnectExReturnsEinprogress() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            c.setTimeout(Duration.ZERO);
            int r = inVirtualThread(() -> c.connectEx(server.getSockName()));
            assertTrue(connectInProgress(r), "connectEx returned " + r);
        }
    }

    /**
     * The errno of a non-blocking connect still in progress: EINPROGRESS on POSIX systems;
     * Winsock says WSAEWOULDBLOCK instead (CPython's connect_ex returns 10035 there).
     */
    private static boolean connectInProgress(int nativeErrno) {
        var p = Sockets.provider();
        return nativeErrno == p.nativeErrno(Errno.EINPROGRESS) || p.name().equals("windows")
                && (nativeErrno == p.nativeErrno(Errno.EWOULDBLOCK) || nativeErrno == p.nativeErrno(Errno.EAGAIN));
    }

    private static WouldBlockException assertWouldBlock(Errno expected, TestKit.Body<?> call) {
        WouldBlockException e = assertThrows(WouldBlockException.class, call::run);
        assertTrue(e.errno() == expected || e.errno() == Errno.EWOULDBLOCK, e.errno() + ": " + e.getMessage());
        assertTrue(e.nativeErrno() > 0, e.getMessage());
        return e;
    }

    // ---- timeout: never early ---------------------------------------------------------

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void recvTimeoutFiresNeverEarly(boolean virtual) throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            Duration timeout = Duration.ofMillis(150);
            a.setTimeout(timeout);
            TestKit.Started<Long> t = TestKit.start(virtual, "recv-timeout", () -> {
                long start = System.nanoTime();
                try {
                    a.recv(10);
                    return fail("recv returned with no data");
                } catch (WeftTimeoutException e) {
                    assertEquals(0, e.bytesTransferred);
                    return System.nanoTime() - start;
                }
            });
            long elapsed = t.get();
            assertTrue(elapsed >= timeout.toNanos(), "timed out early: after " + elapsed + " ns of " + timeout);
            // The socket stays usable after a timeout.
            p.second().sendAll(new byte[] {42});
            assertArrayEquals(new byte[] {42}, a.recv(10));
        }
    }

    @Test
    void timeoutIsAJavaNetSocketTimeoutException() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            server.setTimeout(Duration.ofMillis(50));
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, server::accept);
            long elapsed = System.nanoTime() - start;
            assertInstanceOf(SocketTimeoutException.class, e);
            assertInstanceOf(WeftTimeoutException.class, e);
            assertInstanceOf(OsError.class, e);
            assertEquals(Errno.ETIMEDOUT, ((OsError) e).errno());
            assertTrue(elapsed >= Duration.ofMillis(50).toNanos(), "accept timed out early: " + elapsed + " ns");
        }
    }

    /** Property: whatever the timeout, recv, accept and a blocked send never give up before it. */
    @Test
    void timeoutsNeverFireEarlyProperty() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair();
             Sockets.SocketPair q = Sockets.socketPair();
             Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            Socket reader = p.first();
            Socket writer = q.first();
            TestKit.fillSendBuffer(writer);
            qt().withExamples(24).withShrinkCycles(5).forAll(integers().between(1, 60_000), integers().between(0, 2))
                    .checkAssert((micros, op) -> {
                        Duration timeout = Duration.ofNanos(micros * 1000L);
                        Socket s = op == 0 ? reader : op == 1 ? server : writer;
                        s.setTimeout(timeout);
                        long start = System.nanoTime();
                        try {
                            switch (op) {
                                case 0 -> reader.recv(1);
                                case 1 -> server.accept().close();
                                default -> writer.send(new byte[4096]);
                            }
                            fail("op " + op + " completed with nothing to complete it");
                        } catch (WeftTimeoutException e) {
                            long elapsed = System.nanoTime() - start;
                            assertTrue(elapsed >= timeout.toNanos(), "op " + op + " timed out after " + elapsed + " ns of " + timeout);
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    });
        }
    }

    // ---- sendAll under a timeout --------------------------------------------------------

    @Test
    void sendAllTimeoutOverTcpReportsExactlyWhatThePeerReceives() throws Exception {
        try (Socket server = Socket.open(Family.INET, SocketType.STREAM)) {
            server.setOption(SockOpt.SO_RCVBUF, 32 * 1024); // inherited by the accepted socket
            server.bind(SockAddr.inet("127.0.0.1", 0));
            server.listen();
            try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                c.setOption(SockOpt.SO_SNDBUF, 32 * 1024);
                c.connect(server.getSockName());
                try (Socket.Accepted peer = server.accept()) {
                    sendAllTimeoutThenCompare(c, peer.socket());
                }
            }
        }
    }

    @Test
    void sendAllTimeoutOverSocketPairReportsExactlyWhatThePeerReceives() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            sendAllTimeoutThenCompare(p.first(), p.second());
        }
    }

    private static void sendAllTimeoutThenCompare(Socket sender, Socket receiver) throws Exception {
        byte[] data = TestKit.randomBytes(8 << 20, 7);
        Duration timeout = Duration.ofMillis(300);
        sender.setTimeout(timeout);
        long start = System.nanoTime();
        WeftTimeoutException e = inVirtualThread(() -> assertThrows(WeftTimeoutException.class, () -> sender.sendAll(data)));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= timeout.toNanos(), "sendAll timed out early: " + elapsed + " ns");
        int sent = e.bytesTransferred;
        assertTrue(sent > 0 && sent < data.length, "bytesTransferred " + sent);
        sender.shutdown(Socket.SHUT_WR);
        byte[] got = inVirtualThread(() -> TestKit.readToEof(receiver));
        assertEquals(sent, got.length, "the peer must receive exactly bytesTransferred bytes");
        assertArrayEquals(Arrays.copyOf(data, sent), got);
    }

    // ---- connect obeys the timeout ------------------------------------------------------

    /**
     * Connects new sockets to {@code target} with {@code timeout} until one times out (the
     * listener's backlog has filled); returns how long that one waited, or -1 if none did.
     */
    private static long timedConnect(Family family, SockAddr target, Duration timeout, int attempts, List<Socket> clients)
            throws Exception {
        for (int i = 0; i < attempts; i++) {
            Socket c = Socket.open(family, SocketType.STREAM);
            clients.add(c);
            c.setTimeout(timeout);
            long start = System.nanoTime();
            try {
                inVirtualThread(() -> {
                    c.connect(target);
                    return null;
                });
            } catch (WeftTimeoutException e) {
                return System.nanoTime() - start;
            } catch (java.net.ConnectException refused) {
                // Winsock answers a SYN to a full backlog with RST (WSAECONNREFUSED); Linux and
                // XNU drop it, so that the connect waits: only those can show the timeout here.
                Assumptions.abort("this OS refuses a connect to a full backlog at once instead of dropping the SYN: "
                        + refused.getMessage());
            }
        }
        return -1;
    }

    /**
     * A TCP listener whose accept queue is full drops new SYNs (Linux, tcp_abort_on_overflow
     * off), so a connect to it stays in SYN_SENT: a timed connect must end with a timeout,
     * never early. No external network is needed.
     */
    @Test
    void tcpConnectObeysTimeoutAgainstAFullBacklog() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), 0, false, false)) {
            SockAddr target = server.getSockName();
            List<Socket> clients = new ArrayList<>();
            try {
                Duration timeout = Duration.ofMillis(250);
                long elapsed = timedConnect(Family.INET, target, timeout, 32, clients);
                assertTrue(elapsed >= 0, "no connect waited on the full backlog; cannot test the connect timeout here");
                assertTrue(elapsed >= timeout.toNanos(), "connect timed out early: " + elapsed + " ns");

                // connect_ex reports the timeout as EAGAIN, as CPython does. (A connect that
                // still got in, on a machine slow enough to time out above early, returns 0.)
                int eagain = Sockets.provider().nativeErrno(Errno.EAGAIN);
                int r = 0;
                for (int i = 0; i < 32 && r != eagain; i++) {
                    Socket c = Socket.open(Family.INET, SocketType.STREAM);
                    clients.add(c);
                    c.setTimeout(Duration.ofMillis(100));
                    r = inVirtualThread(() -> c.connectEx(target));
                    assertTrue(r == 0 || r == eagain, "connectEx returned errno " + r);
                }
                assertEquals(eagain, r);
            } finally {
                for (Socket c : clients) {
                    c.close();
                }
            }
        }
    }

    /** An AF_UNIX listener with a full backlog makes connect wait (EAGAIN underneath): the timeout bounds it. */
    @Test
    void unixConnectObeysTimeoutAgainstAFullBacklog() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.UNIX_ABSTRACT), "needs Linux's abstract AF_UNIX namespace");
        try (Socket server = Socket.open(Family.UNIX, SocketType.STREAM)) {
            SockAddr target = SockAddr.unixAbstract(TestKit.uniqueName("backlog"));
            server.bind(target);
            server.listen(0);
            List<Socket> clients = new ArrayList<>();
            try {
                Duration timeout = Duration.ofMillis(200);
                long elapsed = timedConnect(Family.UNIX, target, timeout, 16, clients);
                assertTrue(elapsed >= 0, "no AF_UNIX connect waited on the full backlog");
                assertTrue(elapsed >= timeout.toNanos(), "connect timed out early: " + elapsed + " ns");
                // Non-blocking, the same connect fails at once.
                Socket c = Socket.open(Family.UNIX, SocketType.STREAM);
                clients.add(c);
                c.setTimeout(Duration.ZERO);
                inVirtualThread(() -> assertWouldBlock(Errno.EAGAIN, () -> {
                    c.connect(target);
                    return null;
                }));
                // Room appears when the listener accepts: a blocking connect then completes.
                Socket d = Socket.open(Family.UNIX, SocketType.STREAM);
                clients.add(d);
                TestKit.Started<Void> waiting = TestKit.start(true, "connect", () -> {
                    d.connect(target);
                    return null;
                });
                TestKit.awaitParkedInWeft(waiting.thread());
                server.setTimeout(TestKit.BOUND);
                clients.add(server.accept().socket());
                waiting.get();
            } finally {
                for (Socket c : clients) {
                    c.close();
                }
            }
        }
    }

    // ---- the default timeout and accept inheritance ------------------------------------

    @Test
    void defaultTimeoutAppliesToNewSockets() throws Exception {
        try {
            Sockets.setDefaultTimeout(Duration.ofMillis(1500));
            assertEquals(Duration.ofMillis(1500), Sockets.getDefaultTimeout());
            try (Socket s = Socket.open(Family.INET, SocketType.STREAM);
                 Sockets.SocketPair p = Sockets.socketPair()) {
                assertEquals(Duration.ofMillis(1500), s.getTimeout());
                assertEquals(Duration.ofMillis(1500), p.first().getTimeout());
                assertEquals(Duration.ofMillis(1500), p.second().getTimeout());
                assertTrue(s.getBlocking());
            }
            Sockets.setDefaultTimeout(Duration.ZERO);
            try (Socket s = Socket.open(Family.INET, SocketType.DGRAM)) {
                assertFalse(s.getBlocking());
                assertEquals(Duration.ZERO, s.getTimeout());
            }
            Sockets.setDefaultTimeout(null);
            try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
                assertNull(s.getTimeout());
            }
            // The default is a real timeout: a recv on a fresh pair times out under it.
            Sockets.setDefaultTimeout(Duration.ofMillis(100));
            try (Sockets.SocketPair p = Sockets.socketPair()) {
                Sockets.setDefaultTimeout(null);
                inVirtualThread(() -> assertThrows(WeftTimeoutException.class, () -> p.first().recv(1)));
            }
        } finally {
            Sockets.setDefaultTimeout(null);
        }
    }

    /** Without a default timeout an accepted socket is blocking, whatever the listener's mode. */
    @ParameterizedTest(name = "listener timeout {0} ms (-1 blocking)")
    @ValueSource(ints = {-1, 0, 2000})
    void acceptedSocketIsBlockingWithoutADefault(int listenerMillis) throws Exception {
        Sockets.setDefaultTimeout(null);
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            server.setTimeout(listenerMillis < 0 ? null : Duration.ofMillis(listenerMillis));
            c.connect(server.getSockName());
            try (Socket.Accepted a = acceptEventually(server)) {
                assertNull(a.socket().getTimeout(), "accepted socket must be blocking");
                assertTrue(a.socket().getBlocking());
            }
            assertEquals(listenerMillis < 0 ? null : Duration.ofMillis(listenerMillis), server.getTimeout(),
                    "accept must not change the listener's mode");
        }
    }

    /** With a default timeout set, an accepted socket gets it, whatever the listener's mode. */
    @ParameterizedTest(name = "listener timeout {0} ms (-1 blocking)")
    @ValueSource(ints = {-1, 0, 2000})
    void acceptedSocketGetsTheDefaultTimeout(int listenerMillis) throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            server.setTimeout(listenerMillis < 0 ? null : Duration.ofMillis(listenerMillis));
            c.connect(server.getSockName());
            try {
                Sockets.setDefaultTimeout(Duration.ofMillis(750));
                try (Socket.Accepted a = acceptEventually(server)) {
                    assertEquals(Duration.ofMillis(750), a.socket().getTimeout());
                }
            } finally {
                Sockets.setDefaultTimeout(null);
            }
        }
    }

    /** accept that tolerates a non-blocking listener (the connection may not be queued yet). */
    private static Socket.Accepted acceptEventually(Socket server) throws Exception {
        return inVirtualThread(() -> {
            for (;;) {
                try {
                    Socket.Accepted a = server.accept();
                    assertNotNull(a.address());
                    return a;
                } catch (WouldBlockException notYet) {
                    Thread.sleep(2);
                }
            }
        });
    }
}
