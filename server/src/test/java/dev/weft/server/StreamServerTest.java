package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.kit.FaultInjector;
import dev.weft.tlstest.TestPki;
import dev.weft.tls.TlsSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamServerTest {
    /** Collects what the server reports. */
    static final class Reports implements ErrorHandler {
        final List<Throwable> handlerErrors = new CopyOnWriteArrayList<>();
        final List<Duration> backoffs = new CopyOnWriteArrayList<>();
        final List<IOException> acceptErrors = new CopyOnWriteArrayList<>();

        @Override
        public void handlerFailed(SockAddr peer, Throwable error) {
            handlerErrors.add(error);
        }

        @Override
        public void acceptFailed(IOException error, Duration retryIn) {
            acceptErrors.add(error);
            backoffs.add(retryIn);
        }
    }

    static void echo(Socket conn, SockAddr peer) throws IOException {
        for (byte[] b; (b = conn.recv(4096)).length > 0; ) {
            conn.sendAll(b);
        }
    }

    static Socket connect(Server s) throws IOException {
        Socket c = Sockets.createConnection(s.address(), Duration.ofSeconds(10), null);
        c.setTimeout(Duration.ofSeconds(20));
        return c;
    }

    static String roundTrip(Socket c, String msg) throws IOException {
        c.sendAll(msg.getBytes());
        return new String(c.recv(4096));
    }

    @Test
    void aHandlerThatThrowsIsReportedAndTheServerKeepsServing() throws Exception {
        Reports r = new Reports();
        Sockets.socketPair().close(); // weft's own descriptors (epoll, its wake-up) exist from here
        int before = TestPki.openSockets();
        try (var server = StreamServer.tcp("127.0.0.1", 0).errorHandler(r).build((conn, peer) -> {
            byte[] b = conn.recv(100);
            if (new String(b).equals("boom")) {
                throw new IllegalStateException("handler blew up");
            }
            conn.sendAll(b);
        })) {
            server.start();
            try (Socket c = connect(server)) {
                c.sendAll("boom".getBytes());
                assertEquals(0, c.recv(10).length, "the failed handler's connection is closed");
            }
            for (int i = 0; i < 3; i++) {
                try (Socket c = connect(server)) {
                    assertEquals("ok" + i, roundTrip(c, "ok" + i));
                }
            }
            assertEquals(1, r.handlerErrors.size());
            assertInstanceOf(IllegalStateException.class, r.handlerErrors.get(0));
            assertEquals(1, server.failedCount());
        }
        assertEquals(before, TestPki.openSockets(), "the failed handler's connection and the listener are closed");
    }

    @Test
    void shutdownStopsAcceptingAndWaitsForRunningHandlers() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        var server = StreamServer.tcp("127.0.0.1", 0).build((conn, peer) -> {
            byte[] b = conn.recv(100);
            inHandler.countDown();
            release.await();
            conn.sendAll(("done " + new String(b)).getBytes());
        });
        server.start();
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket c = connect(server);
            c.sendAll(("c" + i).getBytes());
            clients.add(c);
        }
        assertTrue(inHandler.await(20, TimeUnit.SECONDS));
        try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> drained = ex.submit(() -> server.shutdown(Duration.ofSeconds(30)));
            while (server.socket().isOpen() && !drained.isDone()) {
                // Not accepting any more: a new client is refused once the listener is closed,
                // which happens only after the handlers are done, so it cannot be asked here.
                Thread.sleep(10);
                if (server.activeCount() == 3) {
                    break;
                }
            }
            assertFalse(drained.isDone(), "shutdown waits for the handlers");
            release.countDown();
            assertTrue(drained.get(30, TimeUnit.SECONDS), "every handler returned within the grace");
        }
        for (int i = 0; i < 3; i++) {
            try (Socket c = clients.get(i)) {
                assertEquals("done c" + i, new String(c.recv(100)));
            }
        }
        assertEquals(0, server.activeCount());
        assertFalse(server.socket().isOpen());
        assertThrows(ConnectException.class, () -> Sockets.createConnection(server.address(), Duration.ofSeconds(5), null).close());
        assertThrows(IllegalStateException.class, server::serveForever);
    }

    @Test
    void pastTheGraceShutdownClosesConnectionsAndWakesTheirHandlers() throws Exception {
        Reports r = new Reports();
        CountDownLatch blocked = new CountDownLatch(1);
        var server = StreamServer.tcp("127.0.0.1", 0).errorHandler(r).build((conn, peer) -> {
            blocked.countDown();
            conn.recv(100); // the client never sends
        });
        server.start();
        try (Socket c = connect(server)) {
            assertTrue(blocked.await(20, TimeUnit.SECONDS));
            assertFalse(server.shutdown(Duration.ofMillis(50)), "the handler did not return within the grace");
            assertEquals(0, server.activeCount(), "it left once its connection was closed");
            assertInstanceOf(SocketClosedException.class, r.handlerErrors.get(0));
            assertEquals(0, c.recv(10).length, "the client sees the connection end");
        }
    }

    @Test
    void theCapHoldsBackConnectionsUntilAHandlerReturns() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        try (var server = StreamServer.tcp("127.0.0.1", 0).maxConnections(2).errorHandler(new Reports()).build((conn, peer) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                gate.await();
                echo(conn, peer);
            } finally {
                running.decrementAndGet();
            }
        })) {
            server.start();
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clients.add(connect(server)); // the 3rd to 5th wait in the backlog
            }
            while (server.activeCount() < 2) {
                Thread.sleep(5);
            }
            Thread.sleep(200); // room for a wrong third handler to start
            assertEquals(2, server.activeCount());
            gate.countDown();
            for (int i = 0; i < 5; i++) {
                try (Socket c = clients.get(i)) {
                    assertEquals("m" + i, roundTrip(c, "m" + i)); // held-back clients are served later
                }
            }
            assertEquals(2, most.get(), "never more than the cap at once");
        }
    }

    @Test
    void acceptFailingWithEmfileIsReportedAndRetriedWithBackoff() throws Exception {
        Reports r = new Reports();
        FaultInjector faults = new FaultInjector(Sockets.provider())
                .failNext(FaultInjector.Call.ACCEPT, Errno.EMFILE, 3)
                .failNext(FaultInjector.Call.ACCEPT, Errno.ECONNABORTED, 2);
        Socket l = Socket.open(faults, Family.INET, SocketType.STREAM, 0);
        l.bind(SockAddr.inet("127.0.0.1", 0));
        l.listen();
        try (var server = StreamServer.on(l).errorHandler(r).build(StreamServerTest::echo)) {
            server.start();
            try (Socket c = connect(server)) {
                assertEquals("still here", roundTrip(c, "still here"));
            }
            assertEquals(5, faults.injected(FaultInjector.Call.ACCEPT));
            assertEquals(3, r.acceptErrors.size(), "EMFILE is reported; ECONNABORTED (one client's loss) is not");
            r.acceptErrors.forEach(e -> assertEquals(Errno.EMFILE, ((dev.weft.OsError) e).errno()));
            assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20)), r.backoffs,
                    "the pause doubles while the error lasts");
        }
    }

    @Test
    void aFatalAcceptErrorEndsServeForever() throws Exception {
        FaultInjector faults = new FaultInjector(Sockets.provider()).failNext(FaultInjector.Call.ACCEPT, Errno.EINVAL, 1);
        Socket l = Socket.open(faults, Family.INET, SocketType.STREAM, 0);
        l.bind(SockAddr.inet("127.0.0.1", 0));
        l.listen();
        try (var server = StreamServer.on(l).build(StreamServerTest::echo)) {
            IOException e = assertThrows(IOException.class, server::serveForever);
            assertEquals(Errno.EINVAL, ((dev.weft.OsError) e).errno());
        }
    }

    @Test
    void unixStreamServerRemovesItsPathAtShutdown(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("echo.sock");
        var server = StreamServer.unix(p).build(StreamServerTest::echo);
        server.start();
        try (Socket c = Socket.open(Family.UNIX, SocketType.STREAM)) {
            c.setTimeout(Duration.ofSeconds(20));
            c.connect(SockAddr.unix(p));
            assertEquals("over unix", roundTrip(c, "over unix"));
        }
        assertTrue(server.shutdown(Duration.ofSeconds(10)));
        assertFalse(Files.exists(p));
    }

    @Test
    void aTlsServerServesTlsClientsAndReportsAFailedHandshake(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        Reports r = new Reports();
        try (var server = StreamServer.tcp("127.0.0.1", 0).connectionTimeout(Duration.ofSeconds(20)).errorHandler(r)
                .tls(pki.serverContext("localhost"))
                .build((TlsSocket conn, SockAddr peer) -> {
                    for (byte[] b; (b = conn.recv(4096)).length > 0; ) {
                        conn.sendAll(b);
                    }
                })) {
            server.start();
            try (Socket c = connect(server)) {
                c.sendAll("GET / HTTP/1.0\r\n\r\n".getBytes()); // not TLS
                assertEquals(0, drain(c), "the server drops it");
            }
            try (TlsSocket t = TlsSocket.client(connect(server), pki.clientContext(), "localhost")) {
                t.sendAll("secret".getBytes());
                assertEquals("secret", new String(t.recv(100)));
            }
            while (r.handlerErrors.isEmpty()) {
                Thread.sleep(5);
            }
            assertInstanceOf(SSLException.class, r.handlerErrors.get(0));
        }
    }

    /** Reads to the end of stream, ignoring what comes (an alert); returns the last count, 0. */
    private static int drain(Socket c) throws IOException {
        int n;
        while ((n = c.recv(4096).length) > 0) {
            // skip
        }
        return n;
    }
}
