package dev.weft.tests;

import static dev.weft.tests.TestKit.awaitParkedInWeft;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.spi.ForwardingSocketProvider;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TCP reader whose last read emptied the socket (fewer bytes than asked for) parks
 * without another system call when it would park anyway, and still sees every later
 * arrival, end of stream and timeout. The provider below counts the receive calls that
 * reach the kernel. Whether a given read skips depends on the poller having reported the
 * data it read before the read returned (a report that comes later makes the next read
 * ask the kernel, which is always allowed), so the tests let the poller settle first and
 * the skip itself is asserted over several tries.
 */
class DrainedReadTest {
    /** Counts receive calls; otherwise the default provider. */
    static final class Counting extends ForwardingSocketProvider {
        final AtomicInteger recvs = new AtomicInteger();

        Counting() {
            super(Sockets.provider());
        }

        @Override
        public long recv(long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from) {
            recvs.incrementAndGet();
            return super.recv(fd, family, type, dst, flags, from);
        }
    }

    private Counting p;

    @BeforeEach
    void provider() {
        p = new Counting();
        assumeTrue(p.poller().reportsEveryArrival(), "this provider's poller does not report every arrival: no skipping here");
        assumeTrue(Long.getLong("weft.spinMicros", 0) == 0, "-Dweft.spinMicros is set: reads spin instead of skipping");
    }

    /** A connected loopback TCP pair whose sockets use the counting provider. */
    private Sockets.SocketPair tcpPair() throws Exception {
        return tcpPair(0);
    }

    /** ... the client connecting {@code pauseMillis} after it was opened. */
    private Sockets.SocketPair tcpPair(int pauseMillis) throws Exception {
        try (Socket listener = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
            listener.bind(SockAddr.inet("127.0.0.1", 0));
            listener.listen(1);
            Socket c = Socket.open(p, Family.INET, SocketType.STREAM, 0);
            Thread.sleep(pauseMillis);
            c.connect(listener.getSockName());
            return new Sockets.SocketPair(listener.accept().socket(), c);
        }
    }

    /** Sends {@code data}, gives the poller time to report it, and reads it with room to spare. */
    private static void drain(Socket reader, Socket writer, byte[] data) throws Exception {
        writer.sendAll(data);
        Thread.sleep(10);
        assertArrayEquals(data, reader.recv(4096)); // fewer than asked for: emptied
    }

    @Test
    void aReaderThatEmptiedTheSocketParksWithoutAskingTheKernelAndWakesForNewData() throws Exception {
        try (var pair = tcpPair()) {
            Socket reader = pair.first();
            int skipped = 0;
            for (int i = 0; i < 10; i++) {
                drain(reader, pair.second(), new byte[] {1, 2, 3});
                int before = p.recvs.get();
                TestKit.Started<byte[]> next = TestKit.start(true, "reader", () -> reader.recv(4096));
                awaitParkedInWeft(next.thread());
                if (p.recvs.get() == before) {
                    skipped++;
                }
                pair.second().sendAll(new byte[] {4, 5});
                assertArrayEquals(new byte[] {4, 5}, next.get());
            }
            assertTrue(skipped > 0, "every read that could only say EAGAIN was made anyway");
        }
    }

    /**
     * The connecting side skips too. Its socket was registered with the poller before it
     * was connected, when a TCP socket reports a hang-up (the kernel's poll of an
     * unconnected socket); that report said nothing about the connection, and must not
     * keep the connected socket from skipping for the rest of its life. The pause between
     * open and connect gives the poller time to report that hang-up first (without it the
     * report is often still unread when the socket connects, and then never made).
     */
    @Test
    void aClientThatConnectedSkipsAsAnAcceptedSocketDoes() throws Exception {
        int skipped = 0;
        for (int round = 0; round < 5 && skipped == 0; round++) {
            try (var pair = tcpPair(20)) {
                Socket reader = pair.second(); // the client
                for (int i = 0; i < 5; i++) {
                    drain(reader, pair.first(), new byte[] {1, 2, 3});
                    int before = p.recvs.get();
                    TestKit.Started<byte[]> next = TestKit.start(true, "reader", () -> reader.recv(4096));
                    awaitParkedInWeft(next.thread());
                    if (p.recvs.get() == before) {
                        skipped++;
                    }
                    pair.first().sendAll(new byte[] {4, 5});
                    assertArrayEquals(new byte[] {4, 5}, next.get());
                }
            }
        }
        assertTrue(skipped > 0, "a connected client made every read that could only say EAGAIN");
    }

    @Test
    void endOfStreamWakesAReaderParkedOnAnEmptiedSocket() throws Exception {
        try (var pair = tcpPair()) {
            Socket reader = pair.first();
            drain(reader, pair.second(), new byte[] {1});
            TestKit.Started<byte[]> next = TestKit.start(true, "reader", () -> reader.recv(16));
            awaitParkedInWeft(next.thread());
            pair.second().shutdown(Socket.SHUT_WR);
            assertEquals(0, next.get().length);
        }
    }

    @Test
    void aTimedReadOnAnEmptiedSocketAsksTheKernelOnceBeforeItTimesOut() throws Exception {
        try (var pair = tcpPair()) {
            Socket reader = pair.first();
            drain(reader, pair.second(), new byte[] {1});
            reader.setTimeout(Duration.ofMillis(50));
            int before = p.recvs.get();
            assertThrows(SocketTimeoutException.class, () -> reader.recv(16));
            assertTrue(p.recvs.get() > before, "a timeout reported without asking the kernel after the wait");
        }
    }

    @Test
    @Timeout(30) // the read would otherwise wait for a report that never comes; this interrupts it
    void anEndOfStreamReportedBeforeTheReadThatEmptiedTheSocketIsStillSeen() throws Exception {
        try (var pair = tcpPair()) {
            Socket reader = pair.first();
            pair.second().sendAll(new byte[] {1, 2, 3});
            pair.second().shutdown(Socket.SHUT_WR);
            Thread.sleep(10); // the poller reports data and end of stream in one event
            assertArrayEquals(new byte[] {1, 2, 3}, reader.recv(4096));
            assertEquals(0, reader.recv(4096).length);
        }
    }

    @Test
    void anAfUnixReaderAlwaysAsksTheKernel() throws Exception {
        // Its reads also stop short at a message carrying descriptors or other credentials.
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0)) {
            drain(pair.first(), pair.second(), new byte[] {1});
            pair.first().setTimeout(Duration.ofMillis(500));
            int before = p.recvs.get();
            TestKit.Started<byte[]> r = TestKit.start(true, "reader", () -> pair.first().recv(16));
            awaitParkedInWeft(r.thread());
            assertEquals(before + 1, p.recvs.get(), "asked once before parking");
            assertThrows(SocketTimeoutException.class, r::get);
        }
    }

    @Test
    void aNonBlockingReadAlwaysAsksTheKernel() throws Exception {
        try (var pair = tcpPair()) {
            Socket reader = pair.first();
            drain(reader, pair.second(), new byte[] {1});
            reader.setBlocking(false);
            pair.second().sendAll(new byte[] {2}); // perhaps not yet reported by the poller
            assertArrayEquals(new byte[] {2}, reader.recv(16));
        }
    }

    @Test
    void aReadThatFilledItsBufferOrShutItsReadSideAsksTheKernelNextTime() throws Exception {
        try (var pair = tcpPair()) {
            Socket reader = pair.first();
            pair.second().sendAll(new byte[] {1, 2, 3, 4});
            assertArrayEquals(new byte[] {1, 2}, reader.recv(2)); // full: more may be there
            int before = p.recvs.get();
            assertArrayEquals(new byte[] {3, 4}, reader.recv(2));
            assertEquals(before + 1, p.recvs.get());
            drain(reader, pair.second(), new byte[] {5});
            reader.shutdown(Socket.SHUT_RD);
            assertEquals(0, reader.recv(16).length, "own SHUT_RD ends the stream at once");
        }
    }
}
