package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_QIPCRTR} on the local node: a datagram reaches a socket bound to
 * {@code (node, port)} with the sender's address, and python3 as the peer reads the same
 * address from the same bytes.
 */
@Tag(KernelLane.TAG)
class QipcrtrFamilyTest {
    @BeforeEach
    void needsQipcrtr() throws IOException {
        KernelLane.assumeSocket(Family.QIPCRTR, SocketType.DGRAM, 0, "AF_QIPCRTR");
    }

    @Test
    void aDatagramOnTheLocalNodeNamesItsSender() throws Exception {
        try (Socket a = Socket.open(Family.QIPCRTR, SocketType.DGRAM); Socket b = Socket.open(Family.QIPCRTR, SocketType.DGRAM)) {
            SockAddr.Qipcrtr unbound = (SockAddr.Qipcrtr) b.getSockName();
            b.bind(new SockAddr.Qipcrtr(unbound.node(), 0));
            b.setTimeout(TestKit.BOUND);
            SockAddr.Qipcrtr to = (SockAddr.Qipcrtr) b.getSockName();
            assertEquals(unbound.node(), to.node(), "bound on the local node");
            a.sendTo("qrtr".getBytes(), to);
            Socket.Received r = b.recvFrom(64);
            assertArrayEquals("qrtr".getBytes(), r.data());
            assertEquals(a.getSockName(), r.address(), "from the sender's (node, port)");
            assertArrayEquals("more".getBytes(), TestKit.readModes(b, () -> a.sendTo("more".getBytes(), to)));
        }
    }

    /**
     * AF_QIPCRTR's sendmsg refuses MSG_NOSIGNAL (EINVAL): a family rule, so a socket adopted
     * with fromfd, which the provider did not open, sends without it too.
     */
    @Test
    void anAdoptedSocketSendsToo() throws Exception {
        try (Socket opened = Socket.open(Family.QIPCRTR, SocketType.DGRAM); Socket a = Sockets.fromFd(opened.fileno());
                Socket b = Socket.open(Family.QIPCRTR, SocketType.DGRAM)) {
            SockAddr.Qipcrtr unbound = (SockAddr.Qipcrtr) b.getSockName();
            b.bind(new SockAddr.Qipcrtr(unbound.node(), 0));
            b.setTimeout(TestKit.BOUND);
            a.sendTo("adopted".getBytes(), b.getSockName());
            assertArrayEquals("adopted".getBytes(), b.recv(64));
        }
    }

    @Test
    void pythonReadsTheSameAddress() throws Exception {
        String script = """
                import socket, sys
                s = socket.socket(socket.AF_QIPCRTR, socket.SOCK_DGRAM); s.settimeout(float(sys.argv[1]))
                node, _ = s.getsockname(); s.bind((node, 0))
                print("%d %d" % s.getsockname(), flush=True)
                data, addr = s.recvfrom(64)
                print("%d %d" % addr, flush=True)
                s.sendto(data.upper(), addr)
                """;
        try (Socket a = Socket.open(Family.QIPCRTR, SocketType.DGRAM);
                TestKit.Python py = TestKit.python(script, Long.toString(TestKit.BOUND.toSeconds()))) {
            String[] at = py.firstLine.split(" ");
            a.setTimeout(TestKit.BOUND);
            a.sendTo("qrtr".getBytes(), new SockAddr.Qipcrtr(Integer.parseUnsignedInt(at[0]), Integer.parseUnsignedInt(at[1])));
            SockAddr.Qipcrtr me = (SockAddr.Qipcrtr) a.getSockName();
            assertEquals(Integer.toUnsignedString(me.node()) + " " + Integer.toUnsignedString(me.port()), py.nextLine(),
                    "python3's recvfrom address is weft's getsockname");
            assertArrayEquals("QRTR".getBytes(), a.recv(64));
            assertEquals(0, py.waitFor(), py.stderr());
        }
    }
}
