package dev.weft.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLHandshakeException;
import dev.weft.tlstest.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft TLS on both ends, in this process, over socket pairs and loopback TCP. */
class TlsSocketTest {
    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(dir);
    }

    /** A connected client/server pair over an AF_UNIX socket pair; the server presents {@code cert}. */
    private static TlsSocket[] pair(String cert, String hostname) throws Exception {
        var sp = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0);
        return new TlsSocket[] {
            TlsSocket.client(sp.first(), pki.clientContext(), hostname),
            TlsSocket.server(sp.second(), pki.serverContext(cert))
        };
    }

    @Test
    void fullDuplexOverUnixStreamWithOneReaderAndOneWriterEachSide() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        byte[] a = new byte[3 << 20];
        byte[] b = new byte[2 << 20];
        new SplittableRandom(1).nextBytes(a);
        new SplittableRandom(2).nextBytes(b);
        try (TlsSocket c = p[0]; TlsSocket s = p[1]; var ex = Executors.newVirtualThreadPerTaskExecutor()) {
            // Each side writes while it reads: neither can finish unless both directions flow at once.
            Future<?> cw = ex.submit(() -> { c.sendAll(a); return null; });
            Future<?> sw = ex.submit(() -> { s.sendAll(b); return null; });
            Future<byte[]> cr = ex.submit(() -> readN(c, b.length));
            Future<byte[]> sr = ex.submit(() -> readN(s, a.length));
            assertArrayEquals(a, sr.get());
            assertArrayEquals(b, cr.get());
            cw.get();
            sw.get();
            assertTrue(c.isHandshakeDone() && s.isHandshakeDone());
            assertEquals("TLSv1.3", c.session().getProtocol());
        }
    }

    static byte[] readN(TlsSocket t, int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(40_000);
        while (out.size() < n) {
            buf.clear();
            int k = t.recvInto(buf);
            if (k == 0) {
                break;
            }
            out.write(buf.array(), 0, k);
        }
        return out.toByteArray();
    }

    @Test
    void closeSendsCloseNotifySoThePeerReadsEndOfStream() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            CompletableFuture<Void> hs = CompletableFuture.runAsync(() -> {
                try { s.handshake(); } catch (Exception e) { throw new RuntimeException(e); }
            });
            c.handshake();
            hs.get();
            c.sendAll("bye".getBytes());
            c.close();
            assertEquals("bye", new String(s.recv(100)));
            assertEquals(0, s.recv(100).length);
            assertFalse(c.plain().isOpen(), "close() closes the plain socket");
        }
    }

    @Test
    void closeWakesAReaderBlockedInRecv() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            Thread.ofVirtual().start(() -> { try { s.handshake(); } catch (Exception e) { } });
            c.handshake();
            CompletableFuture<Throwable> reader = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try { c.recv(10); reader.complete(null); } catch (Throwable e) { reader.complete(e); }
            });
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            c.close();
            assertTrue(reader.get() instanceof SocketClosedException, String.valueOf(reader.get()));
        }
    }

    @Test
    void unwrapHandsBackThePlainSocketAfterTheTlsShutdown() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            CompletableFuture<Socket> sp = CompletableFuture.supplyAsync(() -> {
                try { s.sendAll("secret".getBytes()); return s.unwrap(); } catch (Exception e) { throw new RuntimeException(e); }
            });
            assertEquals("secret", new String(c.recv(100)));
            try (Socket cp = c.unwrap(); Socket spl = sp.get()) {
                assertFalse(c.isOpen());
                assertThrows(SocketClosedException.class, () -> c.recv(1));
                cp.sendAll("plain".getBytes());
                assertEquals("plain", new String(spl.recv(100)));
            }
        }
    }

    @Test
    void theTimeoutCoversTheHandshakeWithASilentPeer() throws Exception {
        var sp = Sockets.socketPair(Family.UNIX, SocketType.STREAM, 0);
        try (Socket silent = sp.second(); TlsSocket c = TlsSocket.client(sp.first(), pki.clientContext(), "localhost")) {
            c.setTimeout(Duration.ofMillis(200));
            assertThrows(SocketTimeoutException.class, c::handshake);
            assertThrows(SocketTimeoutException.class, () -> c.sendAll("x".getBytes()));
            assertTrue(silent.recv(10_000).length > 0, "the ClientHello went out");
        }
    }

    @Test
    void aRecvTimeoutKeepsTheConnectionUsable() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            Thread hs = Thread.ofVirtual().start(() -> { try { s.handshake(); } catch (Exception e) { } });
            c.handshake();
            hs.join();
            c.setTimeout(Duration.ofMillis(100));
            assertThrows(SocketTimeoutException.class, () -> c.recv(10));
            s.sendAll("late".getBytes());
            assertEquals("late", new String(c.recv(10)));
        }
    }

    @Test
    void nonBlockingRecvSaysWouldBlockUntilARecordIsThere() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            Thread.ofVirtual().start(() -> { try { s.handshake(); } catch (Exception e) { } });
            c.handshake();
            c.setTimeout(Duration.ZERO);
            assertThrows(dev.weft.WouldBlockException.class, () -> c.recv(10));
            s.sendAll("now".getBytes());
            byte[] got = null;
            for (int i = 0; i < 2000 && got == null; i++) {
                try { got = c.recv(10); } catch (dev.weft.WouldBlockException e) { Thread.sleep(1); }
            }
            assertEquals("now", new String(got));
        }
    }

    @Test
    void aCertificateForAnotherNameFailsTheHandshakeAndClosesBoth() throws Exception {
        int before = TestPki.openSockets();
        TlsSocket[] p = pair("other", "localhost");
        Thread server = Thread.ofVirtual().start(() -> { try { p[1].handshake(); } catch (Exception e) { } });
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> p[0].sendAll("x".getBytes()));
        server.join(); // the client's alert ends the server's handshake too
        assertTrue(e.getMessage().contains("localhost"), e.getMessage());
        assertFalse(p[0].isOpen());
        assertFalse(p[0].plain().isOpen());
        p[1].close();
        assertEquals(before, TestPki.openSockets(), "no socket left open");
    }

    @Test
    void overLoopbackTcpTheClientChecksAnIpAddressAgainstTheCertificate() throws Exception {
        try (Socket l = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            CompletableFuture<String> srv = CompletableFuture.supplyAsync(() -> {
                try (TlsSocket s = TlsSocket.server(l.accept().socket(), pki.serverContext("localhost"))) {
                    String got = new String(s.recv(100), StandardCharsets.UTF_8);
                    s.sendAll(("echo " + got).getBytes(StandardCharsets.UTF_8));
                    return got;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Socket plain = Sockets.createConnection(l.getSockName(), Duration.ofSeconds(5), null);
            try (TlsSocket c = TlsSocket.client(plain, pki.clientContext(), "127.0.0.1")) {
                c.sendAll("hi".getBytes());
                assertEquals("echo hi", new String(c.recv(100)));
            }
            assertEquals("hi", srv.get());
        }
    }

    @Test
    void aDatagramSocketIsRefused() throws Exception {
        try (Socket u = Socket.open(Family.INET, SocketType.DGRAM)) {
            assertThrows(IllegalArgumentException.class, () -> TlsSocket.client(u, pki.clientContext(), "localhost"));
            assertTrue(u.isOpen(), "the caller still owns the socket");
        }
    }

    @Test
    void anInterruptEndsABlockedRecvAndTheConnectionGoesOn() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            Thread hs = Thread.ofVirtual().start(() -> { try { s.handshake(); } catch (Exception e) { } });
            c.handshake();
            hs.join();
            CompletableFuture<Throwable> reader = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try { c.recv(10); reader.complete(null); } catch (Throwable e) { reader.complete(e); }
            });
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            t.interrupt();
            assertTrue(reader.get() instanceof java.io.InterruptedIOException, String.valueOf(reader.get()));
            assertTrue(c.isOpen());
            s.sendAll("after".getBytes());
            assertEquals("after", new String(c.recv(10)));
        }
    }

    @Test
    void aWriterIsNotHeldByAReaderBlockedWithItsOwnDeadline() throws Exception {
        TlsSocket[] p = pair("localhost", "localhost");
        try (TlsSocket c = p[0]; TlsSocket s = p[1]) {
            Thread hs = Thread.ofVirtual().start(() -> { try { s.handshake(); } catch (Exception e) { } });
            c.handshake();
            hs.join();
            c.setTimeout(Duration.ofSeconds(30));
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try { return c.recv(10); } catch (Exception e) { throw new RuntimeException(e); }
            }, r -> Thread.ofVirtual().start(r));
            // While the reader waits, the writer sends and the peer answers: both directions at once.
            for (int i = 0; i < 20; i++) {
                c.sendAll(("w" + i).getBytes());
                assertEquals("w" + i, new String(s.recv(10)));
            }
            assertFalse(reader.isDone());
            s.sendAll("r".getBytes());
            assertEquals("r", new String(reader.get()));
        }
    }
}
