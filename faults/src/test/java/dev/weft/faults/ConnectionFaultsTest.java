package dev.weft.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.ConnectionResetException;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Each kind of fault, scripted with a {@link FaultSource}, does what it says and leaves the socket and the poller consistent. */
class ConnectionFaultsTest {
    /** A listener on loopback with a client connected to it by the real provider. */
    private static Socket listener() throws IOException {
        Socket l = Socket.open(Real.provider(), Family.INET, SocketType.STREAM, 0);
        l.bind(SockAddr.inet("127.0.0.1", 0));
        l.listen(8);
        l.setTimeout(Duration.ofSeconds(10));
        return l;
    }

    private static FaultSource on(Call call, long seq, Fault f) {
        return (s, c, q, want) -> c.direction() == call && q == seq ? f : null;
    }

    @Test
    void aRefusedConnectIsAConnectErrorWithItsErrno() throws Exception {
        FaultProvider p = Faults.wrap(Real.provider(), on(Call.CONNECT, 0, new Fault.Fail(Errno.ECONNREFUSED)));
        try (Socket l = listener(); Socket c = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
            IOException e = assertThrows(java.net.ConnectException.class, () -> c.connect(l.getSockName()));
            assertEquals(Errno.ECONNREFUSED, ((OsError) e).errno());
        }
        assertEquals("s0 connect#0 fail ECONNREFUSED", p.session().log().events().get(0).toString());
    }

    @Test
    void aHangingConnectTimesOutWithinTheCallersTimeoutOrEndsInEtimedout() throws Exception {
        FaultProvider p = Faults.wrap(Real.provider(), on(Call.CONNECT, 0, new Fault.Hang(400)));
        try (Socket l = listener()) {
            try (Socket c = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
                c.setTimeout(Duration.ofMillis(50));
                assertThrows(WeftTimeoutException.class, () -> c.connect(l.getSockName()));
            }
            try (Socket c = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
                IOException e = assertThrows(IOException.class, () -> c.connect(l.getSockName()));
                assertEquals(Errno.ETIMEDOUT, assertInstanceOf(OsError.class, e).errno());
            }
        }
    }

    @Test
    void slowAndInterruptedConnectsStillConnect() throws Exception {
        for (Fault f : new Fault[] {new Fault.Delay(30_000), new Fault.Fail(Errno.EINTR), new Fault.Fail(Errno.EAGAIN)}) {
            FaultProvider p = Faults.wrap(Real.provider(), on(Call.CONNECT, 0, f));
            try (Socket l = listener(); Socket c = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
                c.setTimeout(Duration.ofSeconds(10));
                c.connect(l.getSockName());
                try (var a = l.accept()) {
                    c.sendAll("hi".getBytes());
                    assertEquals("hi", new String(a.socket().recv(8)), f.toString());
                }
            }
        }
    }

    @Test
    void failedAcceptsLoseNoConnection() throws Exception {
        FaultSource twoFailures = (s, c, q, want) -> c == Call.ACCEPT && q < 2
                ? new Fault.Fail(q == 0 ? Errno.EMFILE : Errno.ECONNABORTED) : null;
        FaultProvider p = Faults.wrap(Real.provider(), twoFailures);
        try (Socket l = Socket.open(p, Family.INET, SocketType.STREAM, 0);
             Socket c = Socket.open(Real.provider(), Family.INET, SocketType.STREAM, 0)) {
            l.bind(SockAddr.inet("127.0.0.1", 0));
            l.listen(8);
            l.setTimeout(Duration.ofSeconds(10));
            c.connect(l.getSockName());
            assertEquals(Errno.EMFILE, ((OsError) assertThrows(IOException.class, l::accept)).errno());
            assertEquals(Errno.ECONNABORTED, ((OsError) assertThrows(IOException.class, l::accept)).errno());
            try (var a = l.accept()) {
                c.sendAll("still here".getBytes());
                assertEquals("still here", new String(a.socket().recv(32)));
            }
        }
    }

    @Test
    void delayedReadinessAndSpuriousWakeupsNeverLoseAWakeup() throws Exception {
        // Every other receive and send waits 0-3 ms before it is reported ready, the others wake up for nothing first.
        FaultSource f = (s, c, q, want) -> (c.direction() == Call.RECV || c.direction() == Call.SEND)
                ? (q % 2 == 0 ? new Fault.Delay(q % 3000) : new Fault.Fail(Errno.EAGAIN)) : null;
        FaultProvider p = Faults.wrap(Real.provider(), f);
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            pair.first().setTimeout(Duration.ofSeconds(10));
            pair.second().setTimeout(Duration.ofSeconds(10));
            Future<?> echo = vt.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    byte[] b = pair.second().recv(1);
                    pair.second().sendAll(b);
                }
                return null;
            });
            for (int i = 0; i < 200; i++) {
                pair.first().sendAll(new byte[] {(byte) i});
                assertArrayEquals(new byte[] {(byte) i}, pair.first().recv(1));
            }
            echo.get(10, TimeUnit.SECONDS);
        }
        assertTrue(p.session().log().size() >= 400);
    }

    @Test
    void aHalfClosedPeerEndsTheStreamButTakesWhatIsSent() throws Exception {
        FaultProvider p = Faults.wrap(Real.provider(), (s, c, q, want) -> c == Call.CONNECTION && s.label().equals("s0") ? new Fault.HalfClose(5) : null);
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0)) {
            pair.second().sendAll("0123456789".getBytes());
            pair.first().setTimeout(Duration.ofSeconds(5));
            assertEquals("01234", new String(pair.first().recv(64)));
            assertEquals(0, pair.first().recv(64).length, "end of stream");
            pair.first().sendAll("back".getBytes());
            assertEquals("back", new String(pair.second().recv(64)));
        }
        assertEquals("s0 connection#0 half-close 5", p.session().log().events().get(0).toString());
    }

    @Test
    void aResetMidStreamFailsBothWaysAndThePeerHearsOfIt() throws Exception {
        FaultProvider p = Faults.wrap(Real.provider(), (s, c, q, want) -> c == Call.CONNECTION && s.label().equals("s0") ? new Fault.Reset(10) : null);
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0)) {
            pair.second().sendAll("0123456789abcdef".getBytes());
            pair.first().setTimeout(Duration.ofSeconds(5));
            pair.second().setTimeout(Duration.ofSeconds(5));
            assertEquals("0123456789", new String(pair.first().recv(10, dev.weft.SocketConstants.MSG_WAITALL)));
            assertThrows(ConnectionResetException.class, () -> pair.first().recv(64));
            assertThrows(ConnectionResetException.class, () -> pair.first().sendAll("x".getBytes()));
            assertEquals(0, pair.second().recv(64).length, "the peer sees the connection end");
        }
    }

    @Test
    void everyWrapperKeepsTheSkippedReadsOfTheProviderItWraps() {
        boolean real = Real.provider().poller().reportsEveryArrival();
        for (String profile : new String[] {"none", "slow-dns", "short-reads", "chaos"}) {
            assertEquals(real, Faults.wrap(Real.provider(), FaultPlan.profile(profile)).poller().reportsEveryArrival(), profile);
        }
        assertEquals(real, Sockets.provider().poller().reportsEveryArrival(), "the installed provider, whose source may change per test");
    }

    @Test
    void aShortenedTcpReadLetsTheNextReadAskAgainInsteadOfParking() throws Exception {
        // Every receive returns at most 3 bytes. With the drained-read skip on (the wrapped
        // poller's reportsEveryArrival), a read that returned less than asked parks until the
        // poller reports a new arrival; 10 bytes sent once are one arrival, so only the
        // provider's own report after each shortened read lets the reader get the other 7.
        // Without it the second read parked for good. The reader is the accepted side (a
        // socket that connected has seen a state change and never skips).
        FaultProvider p = Faults.wrap(Real.provider(), (s, c, q, want) -> c == Call.RECV ? new Fault.Short(3) : null);
        try (Socket l = Socket.open(p, Family.INET, SocketType.STREAM, 0);
                Socket c = Socket.open(Real.provider(), Family.INET, SocketType.STREAM, 0)) {
            l.bind(SockAddr.inet("127.0.0.1", 0));
            l.listen(1);
            c.connect(l.getSockName());
            try (Socket a = l.accept().socket()) {
                c.sendAll("0123456789".getBytes());
                StringBuilder got = new StringBuilder();
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        while (got.length() < 10) {
                            // A virtual thread's sleep leaves a park permit, and so may an earlier wake-up:
                            // take it here, so that a skipped read really parks.
                            LockSupport.parkNanos(1_000_000);
                            byte[] b = a.recv(64);
                            assertTrue(b.length > 0 && b.length <= 3, "a short read: " + b.length);
                            got.append(new String(b));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                reader.join(Duration.ofSeconds(20));
                assertFalse(reader.isAlive(), "the reader parked after a short read with bytes left: " + got);
                assertEquals("0123456789", got.toString());
            }
        }
    }
}
