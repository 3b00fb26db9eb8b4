package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.weft.kit.FaultInjector;
import dev.weft.kit.FaultInjector.Call;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Error paths leave the socket and the poller consistent: no lost bytes, no leaked descriptors. */
class FaultInjectionTest {
    private static long openFds() throws IOException {
        return TestKit.openFds();
    }

    private static RandomGenerator seeded(long seed) {
        System.out.println("fault seed " + seed);
        return new Random(seed);
    }

    /** Sends {@code data} from one socket of {@code p} to another over TCP, returns what arrived. */
    private static byte[] transfer(FaultInjector p, byte[] data) throws Exception {
        try (Socket server = Socket.open(p, Family.INET, SocketType.STREAM, 0);
             var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            server.bind(SockAddr.inet("127.0.0.1", 0));
            server.listen(8);
            Future<byte[]> got = vt.submit(() -> {
                try (var conn = server.accept()) {
                    var out = new java.io.ByteArrayOutputStream();
                    ByteBuffer b = ByteBuffer.allocate(7919); // an odd size, so chunks never align
                    for (int n; (n = conn.socket().recvInto(b.clear())) > 0; ) {
                        out.write(b.array(), 0, n);
                    }
                    return out.toByteArray();
                }
            });
            try (Socket c = Socket.open(p, Family.INET, SocketType.STREAM, 0)) {
                c.connect(server.getSockName());
                c.sendAll(data);
            }
            return got.get();
        }
    }

    @Test
    void eintrAndEagainStormsLoseNoBytes() throws Exception {
        long seed = System.nanoTime();
        FaultInjector p = new FaultInjector(Sockets.provider())
                .storm(Call.RECV, Errno.EINTR, 0.2, seeded(seed))
                .storm(Call.SEND, Errno.EINTR, 0.2, seeded(seed + 1))
                .storm(Call.RECV, Errno.EAGAIN, 0.2, seeded(seed + 2))
                .storm(Call.SEND, Errno.EAGAIN, 0.2, seeded(seed + 3))
                .storm(Call.ACCEPT, Errno.EINTR, 0.5, seeded(seed + 4))
                .storm(Call.CONNECT, Errno.EINTR, 0.5, seeded(seed + 5))
                // A 3 MiB sendall can take a dozen calls, which all miss the storms one run in 200.
                .failNext(Call.SEND, Errno.EINTR, 1)
                .failNext(Call.RECV, Errno.EAGAIN, 1);
        byte[] data = new byte[3 << 20];
        new Random(seed).nextBytes(data);
        long before = openFds();
        assertArrayEquals(data, transfer(p, data));
        assertTrue(p.injected(Call.RECV) > 0 && p.injected(Call.SEND) > 0, "faults were injected");
        assertEquals(before, openFds(), "no descriptor leaked");
    }

    @Test
    void enobufsOnSendIsAClearErrorAndTheSocketStaysUsable() throws Exception {
        FaultInjector p = new FaultInjector(Sockets.provider()).failNext(Call.SEND, Errno.ENOBUFS, 1);
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0)) {
            IOException e = assertThrows(IOException.class, () -> pair.first().sendAll(new byte[] {1, 2, 3}));
            assertEquals(Errno.ENOBUFS, assertInstanceOf(OsError.class, e).errno());
            pair.first().sendAll(new byte[] {4, 5});
            assertArrayEquals(new byte[] {4, 5}, pair.second().recv(8));
        }
    }

    @Test
    void resetMidTransferReportsTheErrorAndLeaksNothing() throws Exception {
        long before = openFds();
        FaultInjector p = new FaultInjector(Sockets.provider()).failAfter(Call.SEND, 100_000, Errno.ECONNRESET);
        try (var pair = Sockets.socketPair(p, Family.UNIX, SocketType.STREAM, 0);
             var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> drained = vt.submit(() -> {
                long n = 0;
                for (byte[] b; (b = pair.second().recv(65536)).length > 0; ) {
                    n += b.length;
                }
                return n;
            });
            ConnectionResetException e = assertThrows(ConnectionResetException.class, () -> pair.first().sendAll(new byte[1 << 20]));
            assertTrue(e.getSuppressed().length > 0 && e.getSuppressed()[0].getMessage().contains("bytes had been sent"), "progress kept");
            pair.first().close();
            assertTrue(drained.get() >= 100_000);
        }
        assertEquals(before, openFds());
    }

    @Test
    void emfileOnAcceptLeavesTheConnectionForTheNextAccept() throws Exception {
        FaultInjector p = new FaultInjector(Sockets.provider()).failNext(Call.ACCEPT, Errno.EMFILE, 1);
        try (Socket server = Socket.open(p, Family.INET, SocketType.STREAM, 0);
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            server.bind(SockAddr.inet("127.0.0.1", 0));
            server.listen(8);
            c.connect(server.getSockName());
            IOException e = assertThrows(IOException.class, server::accept);
            assertEquals(Errno.EMFILE, ((OsError) e).errno());
            server.setTimeout(Duration.ofSeconds(5));
            try (var conn = server.accept()) {
                c.sendAll("still here".getBytes());
                assertEquals("still here", new String(conn.socket().recv(32)));
            }
        }
        // The shared poller still serves ordinary sockets.
        try (var pair = Sockets.socketPair()) {
            pair.second().setTimeout(Duration.ofSeconds(5));
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50);
                    pair.first().send(new byte[] {42});
                } catch (Exception ex) {
                    throw new RuntimeException(ex);
                }
            });
            assertArrayEquals(new byte[] {42}, pair.second().recv(1));
        }
    }
}
