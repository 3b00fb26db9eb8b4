package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input fails with a clear Java exception before any native call (or with the OS's
 * errno when only the kernel can tell), never with a JVM crash, and leaves the socket usable.
 */
class BadInputTest {

    /** Asserts {@code call} throws {@code type} with a message, and returns it. */
    private static <T extends Throwable> T rejects(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), () -> type.getSimpleName() + " without a message");
        return e;
    }

    /** An {@link OsError} IOException carrying {@code errno}. */
    private static void failsWithErrno(Errno errno, Executable call) {
        IOException e = assertThrows(IOException.class, call);
        OsError os = assertInstanceOf(OsError.class, e);
        assertEquals(errno, os.errno(), e.getMessage());
        assertEquals(Sockets.provider().nativeErrno(errno), os.nativeErrno(), e.getMessage());
        assertTrue(e.getMessage().contains("[Errno " + os.nativeErrno() + "]"), e.getMessage());
    }

    private static void stillWorks(Sockets.SocketPair p) throws Exception {
        p.first().sendAll("ok".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), TestKit.inVirtualThread(() -> TestKit.recvExactly(p.second(), 2)));
    }

    @Test
    void nullArgumentsThrowNullPointerException() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.DGRAM);
             Sockets.SocketPair p = Sockets.socketPair()) {
            SockAddr to = SockAddr.inet("127.0.0.1", 9);
            Socket a = p.first();
            rejects(NullPointerException.class, () -> s.bind(null));
            rejects(NullPointerException.class, () -> s.connect((SockAddr) null));
            rejects(NullPointerException.class, () -> s.connectEx(null));
            rejects(NullPointerException.class, () -> s.sendTo(new byte[1], null));
            assertThrows(NullPointerException.class, () -> s.sendTo((byte[]) null, to));
            assertThrows(NullPointerException.class, () -> a.send((byte[]) null));
            rejects(NullPointerException.class, () -> a.send((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> a.sendAll((byte[]) null));
            rejects(NullPointerException.class, () -> a.sendAll((ByteBuffer) null));
            rejects(NullPointerException.class, () -> a.recvInto((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> a.recvInto(null, 0, 1));
            rejects(NullPointerException.class, () -> a.recvFromInto(null));
            rejects(NullPointerException.class, () -> a.setOption(SockOpt.TCP_NODELAY, null));
            rejects(NullPointerException.class, () -> a.setSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUF, (byte[]) null));
            rejects(NullPointerException.class, () -> Socket.open(null, SocketType.STREAM));
            rejects(NullPointerException.class, () -> Socket.open(Family.INET, null));
            rejects(NullPointerException.class, () -> Sockets.socketPair(null, SocketType.STREAM, 0));
            rejects(NullPointerException.class, () -> Sockets.createServer(null));
            rejects(NullPointerException.class, () -> SockAddr.inet((String) null, 80));
            assertThrows(NullPointerException.class, () -> SockAddr.inet((byte[]) null, 80));
            rejects(NullPointerException.class, () -> SockAddr.inet6(null, 80));
            rejects(NullPointerException.class, () -> SockAddr.unix((String) null));
            rejects(NullPointerException.class, () -> new SockAddr.Unix(null));
            rejects(NullPointerException.class, () -> new SockAddr.Inet4(null, 80));
            stillWorks(p);
        }
    }

    @Test
    void negativeAndOutOfRangeSizesAreRejected() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            rejects(IllegalArgumentException.class, () -> a.recv(-1));
            rejects(IllegalArgumentException.class, () -> a.recv(-1, 0));
            rejects(IllegalArgumentException.class, () -> a.recvFrom(-5));
            assertThrows(IndexOutOfBoundsException.class, () -> a.recvInto(new byte[8], 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> a.recvInto(new byte[8], 5, 10));
            assertThrows(IndexOutOfBoundsException.class, () -> a.recvInto(new byte[8], -1, 2));
            rejects(IllegalArgumentException.class, () -> a.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE, 0));
            rejects(IllegalArgumentException.class, () -> a.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE, -1));
            rejects(IllegalArgumentException.class, () -> a.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE, 2000));
            rejects(IllegalArgumentException.class, () -> a.setSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUF, new byte[2000]));
            rejects(IllegalArgumentException.class, () -> a.shutdown(7));
            rejects(IllegalArgumentException.class, () -> a.shutdown(-1));
            rejects(IllegalArgumentException.class, () -> a.setTimeout(Duration.ofMillis(-1)));
            // The boundaries themselves are fine.
            assertEquals(4, a.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE, 1024).length);
            // A zero-length receive is not an error: as in CPython it returns at once with
            // nothing, in blocking mode too, and consumes nothing.
            assertEquals(0, TestKit.inVirtualThread(() -> a.recv(0).length));
            assertEquals(0, TestKit.inVirtualThread(() -> a.recvInto(ByteBuffer.allocate(0))));
            assertEquals(0, TestKit.inVirtualThread(() -> a.recvInto(new byte[4], 2, 0)));
            stillWorks(p);
        }
    }

    @Test
    void portsOutsideZeroTo65535AreRejected() throws Exception {
        for (int port : new int[] {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            rejects(IllegalArgumentException.class, () -> SockAddr.inet("127.0.0.1", port));
            rejects(IllegalArgumentException.class, () -> SockAddr.inet6("::1", port));
            rejects(IllegalArgumentException.class, () -> new SockAddr.Inet4((Inet4Address) InetAddress.getByName("127.0.0.1"), port));
            rejects(IllegalArgumentException.class, () -> new SockAddr.Inet6((Inet6Address) InetAddress.getByName("::1"), port));
            rejects(IllegalArgumentException.class, () -> Sockets.getAddrInfo("127.0.0.1", port, Family.INET, SocketType.STREAM));
            try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
                rejects(IllegalArgumentException.class, () -> s.bind("127.0.0.1", port));
                rejects(IllegalArgumentException.class, () -> s.connect("127.0.0.1", port));
            }
        }
        assertEquals(65535, SockAddr.inet("127.0.0.1", 65535).port());
        assertEquals(0, SockAddr.inet("127.0.0.1", 0).port());
        rejects(IllegalArgumentException.class, () -> new SockAddr.Inet6((Inet6Address) InetAddress.getByName("::1"), 1, 1 << 20, 0));
    }

    @Test
    void unixPathsLongerThanSunPathAreRejected() throws Exception {
        String p107 = "/" + "a".repeat(106);
        assertEquals(107, new SockAddr.Unix(p107.getBytes(StandardCharsets.UTF_8)).bytes().length);
        rejects(IllegalArgumentException.class, () -> SockAddr.unix(p107 + "b"));
        rejects(IllegalArgumentException.class, () -> SockAddr.unix("/" + "x".repeat(4000)));
        // Multi-byte characters count as their UTF-8 bytes.
        rejects(IllegalArgumentException.class, () -> SockAddr.unix("/" + "é".repeat(54)));
        // An abstract name may use all 108 bytes (no terminating NUL), not one more.
        assertEquals(108, SockAddr.unixAbstract("n".repeat(107)).bytes().length);
        rejects(IllegalArgumentException.class, () -> SockAddr.unixAbstract("n".repeat(108)));
        rejects(IllegalArgumentException.class, () -> SockAddr.unix("/tmp/with\0nul"));
    }

    @Test
    void addressOfAnotherFamilyIsRejectedBeforeTheKernelSeesIt() throws Exception {
        try (Socket v4 = Socket.open(Family.INET, SocketType.DGRAM);
             // Winsock's AF_UNIX has stream sockets only.
             Socket unix = Socket.open(Family.UNIX, Sockets.supports(Capability.UNIX_DGRAM) ? SocketType.DGRAM : SocketType.STREAM)) {
            SockAddr six = SockAddr.inet6("::1", 5000);
            rejects(IllegalArgumentException.class, () -> v4.bind(six));
            rejects(IllegalArgumentException.class, () -> v4.connect(six));
            rejects(IllegalArgumentException.class, () -> v4.connectEx(six));
            rejects(IllegalArgumentException.class, () -> v4.sendTo(new byte[1], six));
            rejects(IllegalArgumentException.class, () -> v4.bind(SockAddr.unix("/tmp/x")));
            rejects(IllegalArgumentException.class, () -> unix.bind(SockAddr.inet("127.0.0.1", 0)));
            rejects(IllegalArgumentException.class, () -> unix.bind("127.0.0.1", 0));
            // The socket is untouched: it still binds to a right address.
            v4.bind(SockAddr.inet("127.0.0.1", 0));
            assertInstanceOf(SockAddr.Inet4.class, v4.getSockName());
        }
    }

    @Test
    void readOnlyBufferCannotBeReceivedInto() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            p.second().sendAll(new byte[] {1, 2, 3});
            ByteBuffer ro = ByteBuffer.allocate(10).asReadOnlyBuffer();
            rejects(IllegalArgumentException.class, () -> p.first().recvInto(ro));
            rejects(IllegalArgumentException.class, () -> p.first().recvFromInto(ro));
            rejects(IllegalArgumentException.class, () -> p.first().recvInto(ByteBuffer.allocateDirect(10).asReadOnlyBuffer()));
            // Nothing was consumed by the rejected calls.
            assertArrayEquals(new byte[] {1, 2, 3}, TestKit.inVirtualThread(() -> TestKit.recvExactly(p.first(), 3)));
            // Sending from a read-only buffer is fine.
            ByteBuffer src = ByteBuffer.wrap(new byte[] {4, 5}).asReadOnlyBuffer();
            assertEquals(2, p.first().send(src));
            assertEquals(2, src.position());
            assertArrayEquals(new byte[] {4, 5}, TestKit.inVirtualThread(() -> TestKit.recvExactly(p.second(), 2)));
        }
    }

    @Test
    void kernelOnlyErrorsCarryTheirErrno() throws Exception {
        try (Socket tcp = Socket.open(Family.INET, SocketType.STREAM);
             Socket udp = Socket.open(Family.INET, SocketType.DGRAM)) {
            failsWithErrno(Errno.ENOTCONN, tcp::getPeerName);
            failsWithErrno(Errno.ENOTCONN, () -> tcp.recv(10));
            failsWithErrno(Errno.ENOTCONN, () -> tcp.shutdown(Socket.SHUT_RDWR));
            // Linux names 95 both EOPNOTSUPP and ENOTSUP (weft's Errno says ENOTSUP, the first);
            // Darwin and Winsock have a number for EOPNOTSUPP of its own, and listen(2) gives that.
            failsWithErrno(Sockets.provider().nativeErrno(Errno.EOPNOTSUPP) == Sockets.provider().nativeErrno(Errno.ENOTSUP)
                    ? Errno.ENOTSUP : Errno.EOPNOTSUPP, () -> udp.listen());
            failsWithErrno(Errno.EADDRNOTAVAIL, () -> udp.bind(SockAddr.inet("192.0.2.1", 0)));
            failsWithErrno(Errno.ENOPROTOOPT, () -> tcp.getSockOpt(SocketConstants.SOL_SOCKET, 9999));
            failsWithErrno(Errno.ENOPROTOOPT, () -> tcp.setSockOpt(SocketConstants.IPPROTO_TCP, 9999, 1));
            failsWithErrno(Errno.EDESTADDRREQ, () -> udp.send(new byte[1]));
        }
        failsWithErrno(Errno.EAFNOSUPPORT, () -> Socket.open(9999, SocketConstants.SOCK_STREAM, 0).close());
        failsWithErrno(Errno.EPROTONOSUPPORT, () -> Socket.open(Family.INET, SocketType.STREAM, 200).close());
    }

    @Test
    void useAfterCloseThrowsSocketClosedNotACrash() throws Exception {
        Sockets.SocketPair p = Sockets.socketPair();
        p.close();
        for (Socket s : new Socket[] {p.first(), p.second()}) {
            rejects(SocketClosedException.class, () -> s.recv(1));
            rejects(SocketClosedException.class, () -> s.recvInto(ByteBuffer.allocateDirect(4)));
            rejects(SocketClosedException.class, () -> s.send(ByteBuffer.allocateDirect(4)));
            rejects(SocketClosedException.class, () -> s.sendAll(new byte[4]));
            rejects(SocketClosedException.class, s::getSockName);
            rejects(SocketClosedException.class, () -> s.getOption(SockOpt.SO_RCVBUF));
            assertEquals(-1, s.fileno());
        }
        // The closed descriptor numbers may be reused by new sockets; the old objects never touch them.
        try (Sockets.SocketPair q = Sockets.socketPair()) {
            rejects(SocketClosedException.class, () -> p.first().send(new byte[] {9}));
            stillWorks(q);
        }
    }
}
