package dev.weft.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * java.net.Socket and ServerSocket over weft keep the JDK's contract: connect with a
 * timeout, SO_TIMEOUT on reads and accepts only, shutdown, options as StandardSocketOptions,
 * close and interrupt; for TCP, AF_UNIX paths and abstract names; and the factories.
 */
@Timeout(60)
class JavaNetAdapterTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    /** Runs {@code body} in a virtual or platform thread; the future has its result or failure. */
    private static <T> CompletableFuture<T> start(boolean virtual, Thread[] thread, Body<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(body.run());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        };
        thread[0] = virtual ? Thread.ofVirtual().start(r) : Thread.ofPlatform().daemon().start(r);
        return f;
    }

    interface Body<T> {
        T run() throws Exception;
    }

    /** Waits until {@code t} waits inside weft (parked in a socket call). */
    private static void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (;;) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                for (StackTraceElement e : t.getStackTrace()) {
                    if (e.getClassName().startsWith("dev.weft.Waiters")) {
                        return;
                    }
                }
            }
            assertTrue(System.nanoTime() < deadline, "thread did not block in weft");
            Thread.sleep(2);
        }
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            Object v = f.get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + v);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    /** A connected TCP pair: [client, accepted]. */
    private static Socket[] tcpPair(ServerSocket server) throws Exception {
        Socket c = new WeftSocketFactory().createSocket(LOOPBACK, server.getLocalPort());
        return new Socket[] {c, server.accept()};
    }

    @Test
    void tcpFactoriesConnectAcceptAndEcho() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            assertInstanceOf(WeftNetServerSocket.class, server);
            assertTrue(server.getReuseAddress(), "SO_REUSEADDR on, as the JDK's ServerSocket");
            Socket[] p = tcpPair(server);
            try (Socket c = p[0]; Socket a = p[1]) {
                assertInstanceOf(WeftNetSocket.class, a);
                assertTrue(c.isConnected() && c.isBound());
                assertEquals(new InetSocketAddress(LOOPBACK, server.getLocalPort()), c.getRemoteSocketAddress());
                assertEquals(c.getLocalSocketAddress(), a.getRemoteSocketAddress());
                assertEquals(LOOPBACK, c.getInetAddress());
                assertEquals(server.getLocalPort(), c.getPort());
                assertEquals(c.getLocalPort(), a.getPort());
                c.getOutputStream().write("ping".getBytes());
                assertArrayEquals("ping".getBytes(), a.getInputStream().readNBytes(4));
                assertNull(c.getChannel(), "no SocketChannel behind a weft socket");
                assertEquals(dev.weft.Family.INET, ((WeftNetSocket) c).unwrap().family());
            }
        }
    }

    @Test
    void unixPathsConnectAcceptAndReportTheirAddresses() throws Exception {
        UnixDomainSocketAddress path = UnixDomainSocketAddress.of(dir.resolve("s.sock"));
        try (WeftNetServerSocket server = WeftSockets.serverSocket(Family.UNIX)) {
            server.bind(path);
            assertEquals(path, server.getLocalSocketAddress());
            try (WeftNetSocket c = WeftSockets.socket(Family.UNIX)) {
                c.connect(path, 5_000);
                try (Socket a = server.accept()) {
                    assertEquals(path, c.getRemoteSocketAddress());
                    c.getOutputStream().write(new byte[] {1, 2, 3});
                    c.shutdownOutput();
                    assertArrayEquals(new byte[] {1, 2, 3}, a.getInputStream().readAllBytes(), "shutdownOutput is the peer's EOF");
                    assertTrue(c.isOutputShutdown());
                    // JDBC drivers set these on any socket: remembered, not an error.
                    c.setTcpNoDelay(true);
                    assertTrue(c.getTcpNoDelay());
                    assertThrows(UnsupportedOperationException.class, () -> c.setOption(StandardSocketOptions.TCP_NODELAY, true));
                    c.setOption(StandardSocketOptions.SO_SNDBUF, 32 << 10);
                    assertTrue(c.unwrap().getOption(SockOpt.SO_SNDBUF) >= 32 << 10);
                }
            }
        }
    }

    @Test
    void anyStreamFamilyThroughWeftSocketAddress() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "abstract AF_UNIX names are Linux's");
        var name = new WeftSocketAddress(SockAddr.unixAbstract("weft-interop-" + ProcessHandle.current().pid()));
        try (WeftNetServerSocket server = WeftSockets.serverSocket(Family.UNIX)) {
            server.bind(name);
            assertEquals(name, server.getLocalSocketAddress());
            try (WeftNetSocket c = WeftSockets.socket(Family.UNIX)) {
                c.connect(name);
                try (Socket a = server.accept()) {
                    a.getOutputStream().write(42);
                    assertEquals(42, c.getInputStream().read());
                }
            }
        }
    }

    @Test
    void soTimeoutBoundsReadsButNotWrites() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            Socket[] p = tcpPair(server);
            try (Socket c = p[0]; Socket a = p[1]) {
                c.setSoTimeout(100);
                assertEquals(100, c.getSoTimeout());
                assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read());
                assertFalse(c.isClosed(), "a read timeout leaves the socket usable");
                a.getOutputStream().write(9);
                assertEquals(9, c.getInputStream().read());

                // A write that waits far longer than SO_TIMEOUT for the peer to read still completes.
                c.setSoTimeout(20);
                byte[] big = new byte[16 << 20];
                Thread[] t = new Thread[1];
                CompletableFuture<Void> w = start(true, t, () -> {
                    c.getOutputStream().write(big);
                    return null;
                });
                awaitBlocked(t[0]);
                Thread.sleep(200); // ten SO_TIMEOUTs
                assertFalse(w.isDone(), "the write is not bounded by SO_TIMEOUT: " + w);
                InputStream in = a.getInputStream();
                assertEquals(big.length, in.readNBytes(big.length).length);
                w.get(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void connectTimeoutClosesTheSocket() throws Exception {
        // A listener that never accepts: once its backlog is full, connects wait for the timeout.
        try (dev.weft.Socket l = dev.weft.Socket.open(Family.INET, SocketType.STREAM)) {
            l.bind(SockAddr.inet("127.0.0.1", 0));
            l.listen(0);
            int port = ((SockAddr.Inet4) l.getSockName()).port();
            List<Socket> filled = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    Socket s = new WeftSocketFactory().createSocket();
                    try {
                        s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                        filled.add(s);
                    } catch (SocketTimeoutException e) {
                        assertTrue(s.isClosed(), "a connect that timed out closed its socket");
                        return;
                    }
                }
                Assumptions.abort("the kernel accepted 16 connects into a backlog of 0");
            } finally {
                for (Socket s : filled) {
                    s.close();
                }
            }
        }
    }

    @Test
    void acceptTimeoutLeavesTheServerOpen() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            server.setSoTimeout(50);
            assertThrows(SocketTimeoutException.class, server::accept);
            assertFalse(server.isClosed());
        }
    }

    @Test
    void closeWakesThreadsBlockedInReadAndAccept() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            Socket[] p = tcpPair(server);
            try (Socket c = p[0]; Socket a = p[1]) {
                Thread[] t = new Thread[1];
                CompletableFuture<Integer> r = start(false, t, () -> c.getInputStream().read());
                awaitBlocked(t[0]);
                c.close();
                Throwable e = failure(r);
                assertInstanceOf(SocketException.class, e);
                assertTrue(c.isClosed());
            }
            Thread[] t = new Thread[1];
            CompletableFuture<Socket> acc = start(true, t, server::accept);
            awaitBlocked(t[0]);
            server.close();
            assertInstanceOf(SocketException.class, failure(acc));
        }
    }

    @Test
    void interruptingAVirtualThreadClosesTheSocketAsTheJdkDoes() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            Socket[] p = tcpPair(server);
            try (Socket c = p[0]; Socket a = p[1]) {
                Thread[] t = new Thread[1];
                CompletableFuture<Boolean> r = start(true, t, () -> {
                    try {
                        c.getInputStream().read();
                        return false;
                    } catch (SocketException e) {
                        assertEquals("Closed by interrupt", e.getMessage());
                        return Thread.currentThread().isInterrupted();
                    }
                });
                awaitBlocked(t[0]);
                t[0].interrupt();
                assertTrue(r.get(20, TimeUnit.SECONDS), "interrupt status kept");
                assertTrue(c.isClosed(), "the JDK's rule: the socket is closed");
                assertEquals(-1, a.getInputStream().read(), "the peer sees end of stream");
            }
        }
    }

    @Test
    void interruptingAPlatformThreadEndsOnlyTheCall() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            Socket[] p = tcpPair(server);
            try (Socket c = p[0]; Socket a = p[1]) {
                Thread[] t = new Thread[1];
                CompletableFuture<Integer> r = start(false, t, () -> c.getInputStream().read());
                awaitBlocked(t[0]);
                t[0].interrupt();
                assertInstanceOf(InterruptedIOException.class, failure(r));
                assertFalse(c.isClosed(), "documented difference: weft's rule for platform threads");
            }
        }
    }

    @Test
    void optionsMapToTheKernelAndThoseSetBeforeConnectAreApplied() throws Exception {
        try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
            WeftNetSocket c = (WeftNetSocket) new WeftSocketFactory().createSocket();
            try (c) {
                c.setTcpNoDelay(true);
                c.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                c.setSoLinger(true, 3);
                assertTrue(c.getTcpNoDelay(), "kept before the descriptor exists");
                assertThrows(IllegalStateException.class, c::unwrap);
                c.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 5_000);
                try (Socket a = server.accept()) {
                    dev.weft.Socket w = c.unwrap();
                    assertTrue(w.getOption(SockOpt.TCP_NODELAY));
                    assertTrue(w.getOption(SockOpt.SO_KEEPALIVE));
                    assertEquals(3, w.getOption(SockOpt.SO_LINGER));
                    assertEquals(3, c.getSoLinger());
                    c.setSoLinger(false, 0);
                    assertEquals(-1, c.getSoLinger());
                    c.setOption(StandardSocketOptions.TCP_NODELAY, false);
                    assertFalse(w.getOption(SockOpt.TCP_NODELAY));
                    c.setReceiveBufferSize(64 << 10);
                    assertEquals((int) w.getOption(SockOpt.SO_RCVBUF), c.getReceiveBufferSize());
                    c.setTrafficClass(0x10);
                    assertEquals(0x10, c.getTrafficClass());
                    assertTrue(c.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY));
                    assertThrows(IllegalArgumentException.class, () -> c.setReceiveBufferSize(-1));
                    InputStream in = c.getInputStream();
                    c.shutdownInput();
                    assertTrue(c.isInputShutdown());
                    assertEquals(-1, in.read(), "after shutdownInput a read is end of stream");
                }
            }
        }
    }

    @Test
    void javaNetSocketWrapsAConnectedWeftSocket() throws Exception {
        Sockets.SocketPair pair = Sockets.socketPair();
        try (Socket j = WeftSockets.javaNetSocket(pair.first()); dev.weft.Socket peer = pair.second()) {
            assertTrue(j.isConnected());
            assertTrue(WeftSockets.unwrap(j).isPresent());
            j.getOutputStream().write(7);
            assertEquals(7, peer.recv(1)[0]);
            peer.sendAll(new byte[] {8});
            assertEquals(8, j.getInputStream().read());
            j.close();
            assertFalse(pair.first().isOpen(), "closing the java.net socket closes the weft socket");
        }
        Sockets.SocketPair nb = Sockets.socketPair();
        nb.first().setTimeout(Duration.ZERO);
        try (Socket j = WeftSockets.javaNetSocket(nb.first()); dev.weft.Socket peer = nb.second()) {
            assertEquals(0, j.getSoTimeout(), "adopted non-blocking becomes blocking: java.net has no such mode");
            ((WeftNetSocket) j).unwrap().setTimeout(Duration.ofMillis(250));
            assertEquals(250, j.getSoTimeout(), "SO_TIMEOUT is the weft socket's timeout");
            assertThrows(SocketTimeoutException.class, () -> j.getInputStream().read());
        }
        try (dev.weft.Socket unconnected = dev.weft.Socket.open(Family.INET, SocketType.STREAM)) {
            assertThrows(IOException.class, () -> WeftSockets.javaNetSocket(unconnected));
        }
    }

    @Test
    void twoThousandSocketsWithStreamsTakenAndOnlyTheSocketClosedLeaveNoDescriptor() throws Exception {
        Assumptions.assumeTrue(Fds.available(), "counts descriptors in /proc/self/fd");
        WeftSockets.javaNetSocket(Sockets.socketPair().first()).close(); // warm up before the baseline
        int before = Fds.open();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                Sockets.SocketPair p = Sockets.socketPair();
                sockets.add(WeftSockets.javaNetSocket(p.first()));
                sockets.add(WeftSockets.javaNetSocket(p.second()));
            }
            for (Socket s : sockets) {
                s.getInputStream();
                s.getOutputStream();
            }
        } finally {
            for (Socket s : sockets) {
                s.close(); // never the streams: the JDK's rule closes them with the socket
            }
        }
        assertNoneLeft(before, "descriptors back to the baseline, no GC");
    }

    @Test
    void addressConversionsRoundTrip() throws Exception {
        SockAddr v4 = SockAddr.inet("127.0.0.1", 80);
        assertEquals(new InetSocketAddress(LOOPBACK, 80), WeftSockets.socketAddress(v4));
        assertEquals(v4, WeftSockets.sockAddr(WeftSockets.socketAddress(v4)));
        SockAddr mapped = SockAddr.inet6("::ffff:127.0.0.1", 80);
        assertEquals(new InetSocketAddress(LOOPBACK, 80), WeftSockets.socketAddress(mapped), "mapped becomes IPv4, as the JDK reports it");
        SockAddr path = SockAddr.unix("/tmp/x.sock");
        assertEquals(UnixDomainSocketAddress.of("/tmp/x.sock"), WeftSockets.socketAddress(path));
        assertEquals(path, WeftSockets.sockAddr(UnixDomainSocketAddress.of("/tmp/x.sock")));
        SockAddr vsock = new SockAddr.Vsock(3, 1024);
        assertEquals(vsock, WeftSockets.sockAddr(WeftSockets.socketAddress(vsock)));
    }

    @Test
    void unixFactoryConnectsToItsPathWhateverHostItIsGiven() throws Exception {
        Path p = dir.resolve("db.sock");
        try (WeftNetServerSocket server = WeftSockets.serverSocket(Family.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(p));
            UnixSocketFactory f = new UnixSocketFactory(p.toString());
            try (Socket viaHost = f.createSocket("db.example", 5432); Socket a = server.accept()) {
                viaHost.getOutputStream().write(1);
                assertEquals(1, a.getInputStream().read());
            }
            try (Socket unconnected = f.createSocket()) {
                unconnected.connect(new InetSocketAddress("localhost", 5432), 1_000); // a driver's own connect
                try (Socket a = server.accept()) {
                    assertEquals(UnixDomainSocketAddress.of(p), unconnected.getRemoteSocketAddress());
                }
            }
        }
    }

    /**
     * No more descriptors open than {@code before}. Fewer is no leak: something else in this
     * JVM closed one meanwhile (a CI run saw 38 before and 37 after).
     */
    private static void assertNoneLeft(int before, String what) throws java.io.IOException {
        int after = Fds.open();
        assertTrue(after <= before, what + ": " + before + " open before, " + after + " after");
    }

    @Test
    void unixFactoryWithAMissingPathFailsClearlyAndLeaksNothing() throws Exception {
        String missing = dir.resolve("no-such.sock").toString();
        UnixSocketFactory f = new UnixSocketFactory(missing);
        f.createSocket().close(); // warm up the provider and poller before the baseline
        int before = Fds.available() ? Fds.open() : -1;
        for (int i = 0; i < 50; i++) {
            ConnectException e = assertThrows(ConnectException.class, () -> f.createSocket("localhost", 5432));
            assertTrue(e.getMessage().contains(missing), e.getMessage());
            Socket s = f.createSocket();
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("localhost", 5432)));
            assertTrue(s.isClosed(), "a failed connect closes the socket");
        }
        if (before >= 0) {
            assertNoneLeft(before, "no descriptor left behind");
        }
        assertTrue(Files.notExists(Path.of(missing)));
    }

    @Test
    void unixFactoryRejectsAMissingArgument() {
        assertThrows(IllegalArgumentException.class, () -> new UnixSocketFactory(""));
        assertThrows(IllegalArgumentException.class, () -> new UnixSocketFactory((String) null));
        Assumptions.assumeTrue(System.getProperty(UnixSocketFactory.PATH_PROPERTY) == null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, UnixSocketFactory::new);
        assertTrue(e.getMessage().contains(UnixSocketFactory.PATH_PROPERTY), e.getMessage());
        System.setProperty(UnixSocketFactory.PATH_PROPERTY, "/tmp/from-property.sock");
        try {
            assertEquals(SockAddr.unix("/tmp/from-property.sock"), new UnixSocketFactory().target());
        } finally {
            System.clearProperty(UnixSocketFactory.PATH_PROPERTY);
        }
    }
}
