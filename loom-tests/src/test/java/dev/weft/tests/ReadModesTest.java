package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Python's three modes ({@link TestKit#readModes}: timeout, non-blocking, blocking parked in
 * the poller until data comes) on the protocols this kernel has beyond TCP, UDP and AF_UNIX:
 * UDP-Lite, MPTCP and AF_PACKET on loopback. (NETLINK's are {@code NetlinkTrafficTest}'s, raw
 * IP's {@code RawIpTest}'s, ICMP ping sockets' {@code PingMain}'s; the kernel lane's families
 * have theirs in their own tests.)
 */
class ReadModesTest {
    private static Socket open(Family f, SocketType type, int proto, String what) throws IOException {
        Assumptions.assumeTrue(proto >= 0, "this OS has no " + what);
        try {
            return Socket.open(f, type, proto);
        } catch (IOException e) {
            if (!(e instanceof OsError)) {
                throw e;
            }
            Assumptions.abort("this kernel or this process may not open " + what + ": " + e.getMessage());
            return null;
        }
    }

    @Test
    void udpLiteReadsInEveryMode() throws Exception {
        int udplite = Sockets.constant("IPPROTO_UDPLITE", -1);
        try (Socket rx = open(Family.INET, SocketType.DGRAM, udplite, "UDP-Lite");
                Socket tx = open(Family.INET, SocketType.DGRAM, udplite, "UDP-Lite")) {
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            SockAddr to = rx.getSockName();
            assertArrayEquals("lite".getBytes(), TestKit.readModes(rx, () -> tx.sendTo("lite".getBytes(), to)));
        }
    }

    @Test
    void mptcpReadsInEveryMode() throws Exception {
        int mptcp = Sockets.constant("IPPROTO_MPTCP", -1);
        try (Socket srv = open(Family.INET, SocketType.STREAM, mptcp, "MPTCP");
                Socket cli = open(Family.INET, SocketType.STREAM, mptcp, "MPTCP")) {
            srv.bind(SockAddr.inet("127.0.0.1", 0));
            srv.listen();
            srv.setTimeout(TestKit.BOUND);
            cli.setTimeout(TestKit.BOUND);
            cli.connect(srv.getSockName());
            try (Socket conn = srv.accept().socket()) {
                assertArrayEquals("mptcp".getBytes(), TestKit.readModes(conn, () -> cli.sendAll("mptcp".getBytes())));
            }
        }
    }

    /** A SOCK_DGRAM packet socket on {@code lo} for a local experimental EtherType, fed by another. */
    @Test
    void packetReadsInEveryMode() throws Exception {
        int etherType = 0x88B5; // IEEE 802 local experimental: nothing else on lo carries it
        try (Socket rx = open(Family.PACKET, SocketType.DGRAM, 0, "AF_PACKET (CAP_NET_RAW)");
                Socket tx = open(Family.PACKET, SocketType.DGRAM, 0, "AF_PACKET (CAP_NET_RAW)")) {
            rx.bind(new SockAddr.Packet("lo", etherType));
            SockAddr.Packet to = new SockAddr.Packet("lo", etherType, 0, 0, new byte[6]);
            byte[] got = TestKit.readModes(rx, () -> tx.sendTo("frame".getBytes(), to));
            assertArrayEquals("frame".getBytes(), java.util.Arrays.copyOf(got, 5), "the payload (lo pads nothing)");
        }
    }
}
