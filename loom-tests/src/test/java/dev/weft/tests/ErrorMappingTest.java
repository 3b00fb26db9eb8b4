package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.BrokenPipeException;
import dev.weft.ConnectionResetException;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/**
 * OS errors become the {@code java.net} exceptions existing code catches, each carrying its
 * errno ({@link OsError}); a broken pipe is an exception, never a SIGPIPE.
 */
class ErrorMappingTest {

    /** A loopback TCP address nobody listens on: bound (so no one else takes it) but not listening. */
    private static Socket reservedPort() throws IOException {
        Socket s = Socket.open(Family.INET, SocketType.STREAM);
        s.bind(SockAddr.inet("127.0.0.1", 0));
        return s;
    }

    private static void assertErrno(Errno expected, Throwable e) {
        OsError os = assertInstanceOf(OsError.class, e);
        assertEquals(expected, os.errno(), e.getMessage());
        assertEquals(Sockets.provider().nativeErrno(expected), os.nativeErrno(), e.getMessage());
        assertTrue(e.getMessage().startsWith("[Errno " + os.nativeErrno() + "]"), e.getMessage());
    }

    @Test
    void connectToAClosedPortIsConnectExceptionWithEconnrefused() throws Exception {
        try (Socket reserved = reservedPort();
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            ConnectException e = assertThrows(ConnectException.class, () -> TestKit.inVirtualThread(() -> {
                c.connect(reserved.getSockName());
                return null;
            }));
            assertErrno(Errno.ECONNREFUSED, e);
        }
    }

    @Test
    void connectExReturnsTheErrnoNumber() throws Exception {
        try (Socket reserved = reservedPort();
             Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket refused = Socket.open(Family.INET, SocketType.STREAM);
             Socket ok = Socket.open(Family.INET, SocketType.STREAM)) {
            assertEquals(Sockets.provider().nativeErrno(Errno.ECONNREFUSED),
                    TestKit.inVirtualThread(() -> refused.connectEx(reserved.getSockName())));
            assertEquals(0, TestKit.inVirtualThread(() -> ok.connectEx(server.getSockName())));
            // Connecting again: EISCONN as a number too.
            assertEquals(Sockets.provider().nativeErrno(Errno.EISCONN), ok.connectEx(server.getSockName()));
        }
    }

    @Test
    void bindToAPortInUseIsBindExceptionWithEaddrinuse() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket other = Socket.open(Family.INET, SocketType.STREAM)) {
            BindException e = assertThrows(BindException.class, () -> other.bind(server.getSockName()));
            assertErrno(Errno.EADDRINUSE, e);
            assertTrue(e.getMessage().contains(server.getSockName().toString()), "the message names the address: " + e.getMessage());
        }
    }

    /** A peer that closes with SO_LINGER 0 sends RST: the blocked reader gets ConnectionResetException. */
    @Test
    void peerResetIsConnectionResetException() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            c.connect(server.getSockName());
            Socket.Accepted a = TestKit.inVirtualThread(server::accept);
            TestKit.Started<byte[]> reader = TestKit.start(true, "reader", () -> c.recv(100));
            TestKit.awaitParkedInWeft(reader.thread());
            a.socket().setOption(SockOpt.SO_LINGER, 0);
            a.close();
            Throwable e = reader.failure();
            ConnectionResetException reset = assertInstanceOf(ConnectionResetException.class, e);
            assertInstanceOf(SocketException.class, reset, "fits java.net's hierarchy");
            assertErrno(Errno.ECONNRESET, reset);
        }
    }

    /**
     * Sending to a peer that has gone: the first send may still be accepted, the RST then
     * comes back, and a later send fails with EPIPE as BrokenPipeException. Without
     * MSG_NOSIGNAL the kernel would raise SIGPIPE and kill the JVM instead.
     */
    @Test
    void sendAfterPeerClosedIsBrokenPipeAndTheJvmSurvives() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            c.connect(server.getSockName());
            TestKit.inVirtualThread(server::accept).close();
            IOException e = TestKit.inVirtualThread(() -> {
                for (int i = 0; i < 1000; i++) {
                    try {
                        c.send(new byte[1024]);
                    } catch (IOException x) {
                        return x;
                    }
                    Thread.sleep(2);
                }
                return fail("send to a closed peer never failed");
            });
            if (e instanceof ConnectionResetException) {
                if (Sockets.provider().name().equals("windows")) {
                    // Winsock has no EPIPE: a send after the RST is WSAECONNRESET or
                    // WSAECONNABORTED again (CPython raises ConnectionResetError there too).
                    return;
                }
                // The RST may be reported first; the next send is then the broken pipe.
                e = assertThrows(IOException.class, () -> c.send(new byte[1]));
            }
            BrokenPipeException bp = assertInstanceOf(BrokenPipeException.class, e);
            assertErrno(Errno.EPIPE, bp);
        }
        if (!Sockets.supports(dev.weft.Capability.SOCKETPAIR)) {
            return; // no socketpair (Winsock): the TCP case above is the whole test
        }
        // Same on a socket pair whose other end is closed: EPIPE at once.
        Sockets.SocketPair p = Sockets.socketPair();
        p.second().close();
        BrokenPipeException bp = assertThrows(BrokenPipeException.class, () -> p.first().sendAll(new byte[10]));
        assertErrno(Errno.EPIPE, bp);
        p.first().close();
        assertTrue(ProcessHandle.current().isAlive());
    }
}
