package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code create_server(("::", 0), dualstack_ipv6=True)}: one IPv6 socket takes
 * clients over 127.0.0.1 and ::1 and reports each peer correctly, the IPv4 one as an
 * IPv4-mapped IPv6 address.
 */
class DualStackTest {

    @Test
    void dualStackServerTakesIpv4AndIpv6Clients() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.INET6), "no IPv6 loopback here");
        Assumptions.assumeTrue(Sockets.hasDualStackIpv6(), "IPv6 sockets cannot take IPv4 here");
        try (Socket server = Sockets.createServer(SockAddr.inet6("::", 0), -1, false, true)) {
            assertEquals(Family.INET6, server.family());
            assertFalse(server.getOption(SockOpt.IPV6_V6ONLY), "dual-stack turns IPV6_V6ONLY off");
            int port = ((SockAddr.Inet6) server.getSockName()).port();

            try (Socket v4 = Socket.open(Family.INET, SocketType.STREAM)) {
                v4.connect(SockAddr.inet("127.0.0.1", port));
                try (Socket.Accepted a = TestKit.inVirtualThread(server::accept)) {
                    SockAddr.Inet6 peer = assertInstanceOf(SockAddr.Inet6.class, a.address());
                    assertEquals("::ffff:127.0.0.1", peer.host());
                    int clientPort = ((SockAddr.Inet4) v4.getSockName()).port();
                    assertEquals(clientPort, peer.port());
                    assertEquals(peer, a.socket().getPeerName());
                    SockAddr.Inet4 seen = assertInstanceOf(SockAddr.Inet4.class, v4.getPeerName());
                    assertEquals("127.0.0.1", seen.host());
                    assertEquals(port, seen.port());
                    echoOnce(v4, a.socket(), "over v4");
                }
            }

            try (Socket v6 = Socket.open(Family.INET6, SocketType.STREAM)) {
                v6.connect(SockAddr.inet6("::1", port));
                try (Socket.Accepted a = TestKit.inVirtualThread(server::accept)) {
                    SockAddr.Inet6 peer = assertInstanceOf(SockAddr.Inet6.class, a.address());
                    assertEquals("::1", peer.host());
                    assertEquals(((SockAddr.Inet6) v6.getSockName()).port(), peer.port());
                    assertEquals("::1", ((SockAddr.Inet6) a.socket().getSockName()).host());
                    echoOnce(v6, a.socket(), "over v6");
                }
            }
        }
    }

    /** The counter-test: with IPV6_V6ONLY on (dualstack off) the same IPv4 client is refused. */
    @Test
    void ipv6OnlyServerRefusesIpv4Clients() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.INET6), "no IPv6 loopback here");
        try (Socket server = Sockets.createServer(SockAddr.inet6("::", 0), -1, false, false)) {
            assertTrue(server.getOption(SockOpt.IPV6_V6ONLY));
            int port = ((SockAddr.Inet6) server.getSockName()).port();
            try (Socket v4 = Socket.open(Family.INET, SocketType.STREAM)) {
                ConnectException e = assertThrows(ConnectException.class, () -> v4.connect(SockAddr.inet("127.0.0.1", port)));
                assertEquals(Errno.ECONNREFUSED, ((OsError) e).errno());
            }
        }
    }

    @Test
    void dualStackNeedsAnInet6Address() {
        Assumptions.assumeTrue(Sockets.hasDualStackIpv6(), "IPv6 sockets cannot take IPv4 here");
        assertThrows(IllegalArgumentException.class, () -> Sockets.createServer(SockAddr.inet("127.0.0.1", 0), -1, false, true));
    }

    private static void echoOnce(Socket client, Socket served, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        client.sendAll(b);
        byte[] got = TestKit.inVirtualThread(() -> TestKit.recvExactly(served, b.length));
        served.sendAll(got);
        assertArrayEquals(b, TestKit.inVirtualThread(() -> TestKit.recvExactly(client, b.length)));
    }
}
