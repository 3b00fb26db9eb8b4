package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Capability;
import dev.weft.OsError;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.Family;
import dev.weft.common.Scratch;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The socket's type goes down to the provider with every data call, so that a heap buffer
 * larger than the scratch area ({@link Scratch#DATA_SIZE}) is cut to it only on a stream,
 * without a {@code getsockopt(SO_TYPE)} per call. Proved on an AF_UNIX datagram pair by
 * calling the provider with another type than the kernel's: the provider follows the type it
 * is given (a "stream" is cut, as the kernel, asked, would never have said), so it asked
 * nothing. Through {@link Socket}, which passes the true type, a datagram still goes whole.
 */
class SocketKindTest {
    private static final int SIZE = 400 * 1024;

    /** A datagram pair with room for a {@link #SIZE} datagram, or a skip saying why not. */
    private static Sockets.SocketPair bigDatagramPair() throws IOException {
        Assumptions.assumeTrue(Sockets.supports(Capability.UNIX_DGRAM), "needs AF_UNIX SOCK_DGRAM");
        Assumptions.assumeTrue(SIZE > Scratch.DATA_SIZE, "-Dweft.scratchBytes makes the scratch area larger than the test's datagram");
        Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0);
        p.first().setOption(SockOpt.SO_SNDBUF, 2 * SIZE);
        p.second().setOption(SockOpt.SO_RCVBUF, 2 * SIZE);
        if (p.first().getOption(SockOpt.SO_SNDBUF) <= SIZE + 4096) {
            p.close();
            Assumptions.abort("the kernel caps SO_SNDBUF (net.core.wmem_max) below " + SIZE);
        }
        return p;
    }

    @Test
    void aHeapSendAboveTheScratchSizeIsCutByTheTypeGivenNotByAskingTheKernel() throws Exception {
        try (Sockets.SocketPair p = bigDatagramPair()) {
            SocketProvider sp = Sockets.provider();
            Socket a = p.first();
            byte[] msg = TestKit.randomBytes(SIZE, 7);
            long n = sp.send(a.fileno(), a.nativeFamily(), sp.nativeType(SocketType.STREAM), ByteBuffer.wrap(msg), 0, null);
            assertEquals(Scratch.DATA_SIZE, n, "told it is a stream, the provider cuts the heap buffer to the scratch size");
            n = sp.send(a.fileno(), a.nativeFamily(), a.nativeType(), ByteBuffer.wrap(msg), 0, null);
            assertEquals(SIZE, n, "told it is a datagram socket, the provider sends it whole");
            assertArrayEquals(Arrays.copyOf(msg, Scratch.DATA_SIZE), TestKit.inVirtualThread(() -> p.second().recv(SIZE + 1)));
            assertArrayEquals(msg, TestKit.inVirtualThread(() -> p.second().recv(SIZE + 1)));
        }
    }

    @Test
    void aHeapRecvAboveTheScratchSizeIsCutByTheTypeGivenNotByAskingTheKernel() throws Exception {
        try (Sockets.SocketPair p = bigDatagramPair()) {
            SocketProvider sp = Sockets.provider();
            Socket b = p.second();
            byte[] msg = TestKit.randomBytes(SIZE, 8);
            assertEquals(SIZE, p.first().send(msg));
            assertEquals(SIZE, p.first().send(msg));
            ByteBuffer dst = ByteBuffer.allocate(SIZE);
            long n = sp.recv(b.fileno(), b.nativeFamily(), sp.nativeType(SocketType.STREAM), dst, 0, null);
            assertEquals(Scratch.DATA_SIZE, n, "told it is a stream, the provider reads at most the scratch size (the rest of the datagram is lost)");
            assertArrayEquals(Arrays.copyOf(msg, Scratch.DATA_SIZE), Arrays.copyOf(dst.array(), Scratch.DATA_SIZE));
            n = sp.recv(b.fileno(), b.nativeFamily(), b.nativeType(), dst.clear(), 0, null);
            assertEquals(SIZE, n, "told it is a datagram socket, the provider reads it whole");
            assertArrayEquals(msg, dst.array());
        }
    }

    @Test
    void anAdoptedDatagramSocketStillSendsAndReceivesAHeapDatagramWhole() throws Exception {
        try (Sockets.SocketPair p = bigDatagramPair(); Socket a = Sockets.fromFd(p.first().fileno());
                Socket b = Sockets.fromFd(p.second().fileno())) {
            byte[] msg = TestKit.randomBytes(SIZE, 9);
            assertEquals(SIZE, TestKit.inVirtualThread(() -> a.send(msg)), "fromfd read SOCK_DGRAM from the kernel: whole");
            assertArrayEquals(msg, TestKit.inVirtualThread(() -> b.recv(SIZE + 1)));
        }
    }

    @Test
    void aDatagramTooBigForTheDefaultBufferFailsAsPythonsDoes() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.UNIX_DGRAM), "needs AF_UNIX SOCK_DGRAM");
        String script = """
                import socket
                a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
                try:
                    print(a.send(bytes(%d)), flush=True)
                except OSError as e:
                    print(e.errno, flush=True)
                """.formatted(SIZE);
        String weft;
        try (Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
            try {
                weft = Integer.toString(TestKit.inVirtualThread(() -> p.first().send(new byte[SIZE])));
            } catch (IOException e) {
                weft = Integer.toString(Sockets.provider().nativeErrno(((OsError) e).errno()));
            }
        }
        try (TestKit.Python py = TestKit.python(script)) {
            assertEquals(py.firstLine, weft, "python3's send of the same datagram: its byte count or errno (EMSGSIZE when the buffer is smaller)");
            assertEquals(0, py.waitFor(), py.stderr());
        }
    }
}
