package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Ancillary;
import dev.weft.Cmsg;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packet info, TOS/traffic class, timestamps and the error queue, received for real. */
class TypedAncillaryTest {
    @Test
    void ipv4PacketInfoTosAndTimestampArriveWithTheDatagram() throws Exception {
        assumeTrue(dev.weft.Sockets.hasConstant("SO_TIMESTAMPNS"), "SO_TIMESTAMPNS is Linux's");
        try (Socket rx = Socket.open(Family.INET, SocketType.DGRAM); Socket tx = Socket.open(Family.INET, SocketType.DGRAM)) {
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            rx.setOption(SockOpt.IP_PKTINFO, true);
            rx.setOption(SockOpt.IP_RECVTOS, true);
            rx.setOption(SockOpt.SO_TIMESTAMPNS, true);
            tx.setOption(SockOpt.IP_TOS, 0x28);
            Instant before = Instant.now().minusSeconds(1);
            tx.sendTo("x".getBytes(), rx.getSockName());
            rx.setTimeout(Duration.ofSeconds(5));
            Socket.Message m = rx.recvMsg(16, 512, 0);
            Cmsg.PacketInfo pi = null;
            Integer tos = null;
            Instant at = null;
            for (Ancillary a : m.ancillary()) {
                if (Cmsg.isPacketInfo(a)) {
                    pi = Cmsg.packetInfo(a);
                } else if (Cmsg.isTrafficClass(a)) {
                    tos = Cmsg.trafficClass(a);
                } else if (Cmsg.isTimestamp(a)) {
                    at = Cmsg.timestamp(a);
                }
            }
            assertNotNull(pi, m.ancillary().toString());
            assertEquals("127.0.0.1", pi.destination().getHostAddress());
            assertEquals(1, pi.interfaceIndex(), "loopback");
            assertEquals(0x28, tos);
            assertTrue(at != null && at.isAfter(before) && at.isBefore(Instant.now().plusSeconds(1)), "timestamp " + at);
        }
    }

    @Test
    void ipv6PacketInfoAndTrafficClassArrive() throws Exception {
        try (Socket rx = Socket.open(Family.INET6, SocketType.DGRAM); Socket tx = Socket.open(Family.INET6, SocketType.DGRAM)) {
            rx.bind(SockAddr.inet6("::1", 0));
            rx.setOption(SockOpt.IPV6_RECVPKTINFO, true);
            rx.setOption(SockOpt.IPV6_RECVTCLASS, true);
            tx.setOption(SockOpt.IPV6_TCLASS, 0x40);
            tx.sendTo("y".getBytes(), rx.getSockName());
            rx.setTimeout(Duration.ofSeconds(5));
            Socket.Message m = rx.recvMsg(16, 512, 0);
            Cmsg.PacketInfo pi = m.ancillary().stream().filter(Cmsg::isPacketInfo).map(Cmsg::packetInfo).findFirst().orElseThrow();
            assertEquals("0:0:0:0:0:0:0:1", pi.destination().getHostAddress());
            assertEquals(0x40, m.ancillary().stream().filter(Cmsg::isTrafficClass).mapToInt(Cmsg::trafficClass).findFirst().orElseThrow());
        }
    }

    @Test
    void aRefusedDatagramQueuesAnExtendedErrorReadWithErrqueue() throws Exception {
        assumeTrue(dev.weft.Sockets.hasConstant("IP_RECVERR"), "IP_RECVERR and MSG_ERRQUEUE are Linux's");
        int closedPort;
        try (Socket probe = Socket.open(Family.INET, SocketType.DGRAM)) {
            probe.bind(SockAddr.inet("127.0.0.1", 0));
            closedPort = ((SockAddr.Inet4) probe.getSockName()).port();
        }
        try (Socket s = Socket.open(Family.INET, SocketType.DGRAM)) {
            s.setOption(SockOpt.IP_RECVERR, true);
            s.sendTo("lost".getBytes(), SockAddr.inet("127.0.0.1", closedPort));
            s.setTimeout(Duration.ofSeconds(5));
            // The ICMP error arrives asynchronously: the call parks until the queue has it.
            Socket.Message m = s.recvMsg(64, 512, SocketConstants.MSG_ERRQUEUE);
            assertTrue((m.flags() & SocketConstants.MSG_ERRQUEUE) != 0, "flags " + m.flags());
            Cmsg.ExtendedError e = m.ancillary().stream().filter(Cmsg::isExtendedError).map(Cmsg::extendedError)
                    .findFirst().orElseThrow();
            assertEquals(Errno.ECONNREFUSED, e.errno());
            assertEquals(2, e.origin(), "SO_EE_ORIGIN_ICMP");
            assertEquals(3, e.type(), "ICMP destination unreachable");
            assertEquals(3, e.code(), "port unreachable");
            assertEquals(SockAddr.inet("127.0.0.1", 0), e.offender(), "the host that sent the ICMP error");
            assertEquals("lost", new String(m.data()), "the offending datagram comes back");
        }
    }

    @Test
    void packetInfoChoosesTheSourceOfOneDatagram() throws Exception {
        TestKit.assumeLocalAddress("127.0.0.5");
        try (Socket rx = Socket.open(Family.INET, SocketType.DGRAM); Socket tx = Socket.open(Family.INET, SocketType.DGRAM)) {
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            tx.bind(SockAddr.inet("0.0.0.0", 0));
            var src = (java.net.Inet4Address) java.net.InetAddress.getByName("127.0.0.5");
            tx.sendMsg(List.of(ByteBuffer.wrap("z".getBytes())), List.of(Cmsg.packetInfo(0, src)), 0, rx.getSockName());
            rx.setTimeout(Duration.ofSeconds(5));
            Socket.Received r = rx.recvFrom(8);
            assertEquals("127.0.0.5", ((SockAddr.Inet4) r.address()).host());
        }
    }
}
