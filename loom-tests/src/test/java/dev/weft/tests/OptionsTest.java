package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Credentials;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.TcpInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Every typed option round-trips (or, read-only, reads), and the raw form reaches the rest. */
class OptionsTest {
    /** How to try one option: on which socket, what to set (null: read-only), what reading back must give. */
    record Case(Family family, SocketType type, Object set, Predicate<Object> readBack) {}

    private static Case rw(Family f, SocketType t, Object v) {
        return new Case(f, t, v, v::equals);
    }

    private static Case rw(Family f, SocketType t, Object v, Predicate<Object> back) {
        return new Case(f, t, v, back);
    }

    private static Case ro(Family f, SocketType t, Predicate<Object> back) {
        return new Case(f, t, null, back);
    }

    private static final Family IN = Family.INET;
    private static final Family IN6 = Family.INET6;
    private static final SocketType ST = SocketType.STREAM;
    private static final SocketType DG = SocketType.DGRAM;

    static Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        m.put("SO_REUSEADDR", rw(IN, ST, true));
        m.put("SO_REUSEPORT", rw(IN, ST, true));
        m.put("SO_KEEPALIVE", rw(IN, ST, true));
        m.put("SO_BROADCAST", rw(IN, DG, true));
        // Linux doubles a buffer size for its bookkeeping; other kernels keep what was set.
        int buffer = Sockets.provider().name().equals("linux") ? 131072 : 65536;
        m.put("SO_RCVBUF", rw(IN, ST, 65536, v -> (Integer) v == buffer));
        m.put("SO_SNDBUF", rw(IN, ST, 65536, v -> (Integer) v == buffer));
        m.put("SO_ERROR", ro(IN, ST, v -> (Integer) v == 0));
        m.put("SO_TYPE", ro(IN, DG, v -> (Integer) v == SocketConstants.SOCK_DGRAM));
        m.put("SO_LINGER", rw(IN, ST, 5));
        m.put("TCP_NODELAY", rw(IN, ST, true));
        m.put("TCP_KEEPIDLE", rw(IN, ST, 77));
        m.put("TCP_KEEPINTVL", rw(IN, ST, 9));
        m.put("TCP_KEEPCNT", rw(IN, ST, 4));
        m.put("IPV6_V6ONLY", rw(IN6, ST, true));
        m.put("IP_TTL", rw(IN, DG, 17));
        m.put("IP_TOS", rw(IN, DG, 0x10));
        m.put("IP_MULTICAST_TTL", rw(IN, DG, 3));
        m.put("IP_MULTICAST_LOOP", rw(IN, DG, false));
        m.put("IPV6_MULTICAST_HOPS", rw(IN6, DG, 5));
        m.put("IPV6_MULTICAST_LOOP", rw(IN6, DG, false));
        m.put("SO_PEERCRED", ro(Family.UNIX, ST, v -> ((Credentials) v).pid() == 0)); // unconnected: zeros
        m.put("SO_PASSCRED", rw(Family.UNIX, DG, true));
        m.put("TCP_KEEPALIVE", rw(IN, ST, 77));
        m.put("SO_NOSIGPIPE", ro(IN, ST, Boolean.TRUE::equals)); // weft sets it on every socket where it exists
        m.put("IP_BOUND_IF", rw(IN, DG, TestKit.loopback().index()));
        m.put("IPV6_BOUND_IF", rw(IN6, DG, TestKit.loopback().index()));
        // Unconnected: ENOTCONN (XNU uipc_usrreq.c); FilesAndDescriptorsTest reads them from a pair.
        m.put("LOCAL_PEERCRED", ro(Family.UNIX, ST, v -> v instanceof Credentials));
        m.put("LOCAL_PEERPID", ro(Family.UNIX, ST, v -> v instanceof Integer));
        m.put("SO_OOBINLINE", rw(IN, ST, true));
        m.put("SO_DONTROUTE", rw(IN, ST, true));
        m.put("SO_ACCEPTCONN", ro(IN, ST, Boolean.FALSE::equals));
        m.put("SO_DOMAIN", ro(IN6, DG, v -> (Integer) v == SocketConstants.AF_INET6));
        m.put("SO_PROTOCOL", ro(IN, ST, v -> (Integer) v == SocketConstants.IPPROTO_TCP));
        m.put("SO_RCVLOWAT", rw(IN, ST, 10));
        m.put("SO_PRIORITY", rw(IN, ST, 3));
        m.put("SO_MARK", rw(IN, ST, 42));
        m.put("SO_BUSY_POLL", rw(IN, ST, 0));
        m.put("SO_BINDTODEVICE", rw(IN, ST, "lo"));
        m.put("SO_TIMESTAMP", rw(IN, DG, true));
        m.put("SO_TIMESTAMPNS", rw(IN, DG, true));
        m.put("TCP_CORK", rw(IN, ST, true));
        m.put("TCP_QUICKACK", rw(IN, ST, true, v -> v instanceof Boolean));
        m.put("TCP_USER_TIMEOUT", rw(IN, ST, 12345));
        // XNU's TCP_FASTOPEN is 0/1 on a listener only (EINVAL here, an allowed errno; tcp_usrreq.c).
        m.put("TCP_FASTOPEN", rw(IN, ST, 5));
        m.put("TCP_CONGESTION", rw(IN, ST, "reno"));
        m.put("TCP_NOTSENT_LOWAT", rw(IN, ST, 16384));
        m.put("TCP_MAXSEG", rw(IN, ST, 1000));
        m.put("TCP_DEFER_ACCEPT", rw(IN, ST, 1, v -> (Integer) v >= 1)); // rounded up to whole retransmits
        m.put("TCP_INFO", ro(IN, ST, v -> ((TcpInfo) v).raw().length > 100));
        m.put("IP_FREEBIND", rw(IN, DG, true));
        m.put("IP_TRANSPARENT", rw(IN, DG, true));
        m.put("IP_PKTINFO", rw(IN, DG, true));
        m.put("IP_RECVTOS", rw(IN, DG, true));
        m.put("IP_RECVERR", rw(IN, DG, true));
        m.put("IP_MTU_DISCOVER", rw(IN, DG, 2));
        m.put("IP_BIND_ADDRESS_NO_PORT", rw(IN, ST, true));
        m.put("IP_MULTICAST_ALL", rw(IN, DG, false));
        m.put("IPV6_UNICAST_HOPS", rw(IN6, DG, 9));
        m.put("IPV6_MULTICAST_IF", rw(IN6, DG, TestKit.loopback().index()));
        m.put("IPV6_RECVPKTINFO", rw(IN6, DG, true));
        m.put("IPV6_TCLASS", rw(IN6, DG, 0x20));
        m.put("IPV6_RECVTCLASS", rw(IN6, DG, true));
        m.put("IPV6_RECVERR", rw(IN6, DG, true));
        // Set-only in the kernel: getsockopt answers ENOPROTOOPT; FamiliesTest proves they act.
        m.put("NETLINK_ADD_MEMBERSHIP", rw(Family.NETLINK, SocketType.RAW, 1));
        m.put("NETLINK_DROP_MEMBERSHIP", rw(Family.NETLINK, SocketType.RAW, 1));
        // Opening INET RAW with protocol 0 is refused (EPROTONOSUPPORT); RawIpTest sets it on a raw socket.
        m.put("IP_HDRINCL", rw(IN, SocketType.RAW, true));
        // A UDP socket refuses UDP-Lite's level; UdpLiteTest sets them on a UDP-Lite socket.
        m.put("UDPLITE_SEND_CSCOV", rw(IN, DG, 20));
        m.put("UDPLITE_RECV_CSCOV", rw(IN, DG, 20));
        // Protocol 0 is no CAN protocol (CAN_RAW is 1): the open fails with an errno here and in
        // the kernel lane alike; CanFamilyTest sets them on CAN_RAW sockets in the lane.
        m.put("CAN_RAW_FILTER", rw(Family.CAN, SocketType.RAW, new dev.weft.CanFilter[] {new dev.weft.CanFilter(1, 0x7FF)},
                v -> ((dev.weft.CanFilter[]) v).length == 1));
        m.put("CAN_RAW_FD_FRAMES", rw(Family.CAN, SocketType.RAW, true));
        m.put("CAN_RAW_LOOPBACK", rw(Family.CAN, SocketType.RAW, false));
        m.put("CAN_RAW_ERR_FILTER", rw(Family.CAN, SocketType.RAW, 0x1FFF_FFFF));
        m.put("CAN_RAW_RECV_OWN_MSGS", rw(Family.CAN, SocketType.RAW, true));
        m.put("CAN_RAW_JOIN_FILTERS", rw(Family.CAN, SocketType.RAW, true));
        // CAN_ISOTP and CAN_J1939 are protocols 6 and 7, not 0, so the open fails here too;
        // CanProtocolOptionsTest sets them on sockets of those protocols in the lane.
        m.put("CAN_ISOTP_OPTS", rw(Family.CAN, DG, dev.weft.CanIsotp.Options.DEFAULT.withTxPadding(0xAA)));
        m.put("CAN_ISOTP_RECV_FC", rw(Family.CAN, DG, new dev.weft.CanIsotp.FlowControl(8, 5, 3)));
        m.put("CAN_ISOTP_TX_STMIN", rw(Family.CAN, DG, 500_000));
        m.put("CAN_ISOTP_RX_STMIN", rw(Family.CAN, DG, 500_000));
        m.put("CAN_ISOTP_LL_OPTS", rw(Family.CAN, DG, dev.weft.CanIsotp.LinkLayer.CLASSIC));
        m.put("SO_J1939_PROMISC", rw(Family.CAN, DG, true));
        m.put("SO_J1939_SEND_PRIO", rw(Family.CAN, DG, 3));
        m.put("SO_J1939_ERRQUEUE", rw(Family.CAN, DG, true));
        // An HCI socket is BTPROTO_HCI (1) on SOCK_RAW; protocol 0 is L2CAP, which has no SOL_HCI:
        // an errno here and in the lane; BluetoothFamilyTest sets them on an HCI socket there.
        m.put("HCI_FILTER", rw(Family.BLUETOOTH, SocketType.RAW, dev.weft.HciFilter.ALL));
        m.put("HCI_DATA_DIR", rw(Family.BLUETOOTH, SocketType.RAW, true));
        m.put("HCI_TIME_STAMP", rw(Family.BLUETOOTH, SocketType.RAW, true));
        // A VSOCK socket opens here without a transport and keeps its sizes; VsockFamilyTest compares python3's in the lane.
        m.put("SO_VM_SOCKETS_BUFFER_SIZE", rw(Family.VSOCK, ST, 65536L));
        m.put("SO_VM_SOCKETS_BUFFER_MIN_SIZE", rw(Family.VSOCK, ST, 4096L));
        m.put("SO_VM_SOCKETS_BUFFER_MAX_SIZE", rw(Family.VSOCK, ST, 1L << 20));
        return m;
    }

    @Test
    void everyTypedOptionRoundTripsOrFailsWithAnErrno() throws Exception {
        Map<String, Case> cases = cases();
        StringBuilder problems = new StringBuilder();
        for (SockOpt<?> o : SockOpt.all()) {
            if (o.type() == SockOpt.Membership.class || o.type() == dev.weft.PacketMembership.class) {
                continue; // write-only; proven by multicastMembershipJoinsAndLeaves
            }
            if (o.type() == dev.weft.J1939Filter[].class) {
                continue; // write-only in the kernel; CanProtocolOptionsTest proves it in the lane
            }
            if (!Sockets.hasConstant(o.name()) || !Sockets.hasConstant(o.level())) {
                System.out.println("option " + o.name() + " does not exist on " + Sockets.provider().name());
                continue;
            }
            Case c = cases.get(o.name());
            if (c == null) {
                problems.append("\n  no case for ").append(o.name());
                continue;
            }
            try (Socket s = Socket.open(c.family(), c.type())) {
                if (c.set() != null) {
                    set(s, o, c.set());
                }
                Object back = s.getOption(o);
                assertNotNull(back, o.name());
                if (!c.readBack().test(back)) {
                    problems.append("\n  ").append(o.name()).append(" read back ").append(back);
                }
            } catch (IOException e) {
                // Allowed only as a clear OS error that carries its errno.
                OsError err = assertInstanceOf(OsError.class, e, o.name() + ": " + e);
                assertTrue(err.errno() != Errno.UNKNOWN, o.name() + ": " + e);
                System.out.println("option " + o.name() + " refused by this kernel: " + e.getMessage());
            }
        }
        if (problems.length() > 0) {
            fail("typed options:" + problems);
        }
    }

    /**
     * A typed option this OS lacks (macOS's LOCAL_PEERCRED on Linux, Linux's SO_PEERCRED or
     * TCP_KEEPIDLE on macOS) fails before any system call, in an exception naming the option
     * and the provider, never as an OS error about some other number.
     */
    @Test
    void optionsThisOsLacksFailNamingThemselves() throws Exception {
        int lacking = 0;
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            for (SockOpt<?> o : SockOpt.all()) {
                if (Sockets.hasConstant(o.name())) {
                    continue;
                }
                lacking++;
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> s.getOption(o),
                        o.name());
                assertTrue(e.getMessage().contains(o.name()) && e.getMessage().contains(Sockets.provider().name()),
                        e.getMessage());
                Object v = o.type() == Boolean.class ? Boolean.TRUE : o.type() == Integer.class ? (Object) 1 : null;
                if (v != null) {
                    e = assertThrows(UnsupportedOperationException.class, () -> set(s, o, v), o.name());
                    assertTrue(e.getMessage().contains(o.name()), e.getMessage());
                }
            }
        }
        assertTrue(lacking > 0, "every OS lacks some other OS's options");
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Socket s, SockOpt<T> o, Object v) throws IOException {
        s.setOption(o, (T) v);
    }

    @Test
    void optionsOutsideTheSetWorkThroughTheRawForm() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            if (Sockets.hasConstant("TCP_SYNCNT")) { // Linux's
                s.setSockOpt(SocketConstants.IPPROTO_TCP, SocketConstants.TCP_SYNCNT, 3);
                assertEquals(3, s.getSockOpt(SocketConstants.IPPROTO_TCP, SocketConstants.TCP_SYNCNT));
                s.setSockOpt(SocketConstants.IPPROTO_TCP, SocketConstants.TCP_WINDOW_CLAMP, 40000);
                assertEquals(40000, s.getSockOpt(SocketConstants.IPPROTO_TCP, SocketConstants.TCP_WINDOW_CLAMP));
            }
            if (Sockets.hasConstant("TCP_CONNECTIONTIMEOUT")) { // macOS's: seconds to establish a connection
                int n = Sockets.constant("TCP_CONNECTIONTIMEOUT", -1);
                s.setSockOpt(SocketConstants.IPPROTO_TCP, n, 7);
                assertEquals(7, s.getSockOpt(SocketConstants.IPPROTO_TCP, n));
            }
            byte[] linger = s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_LINGER, 8);
            assertEquals(8, linger.length, "struct linger as bytes, as Python's buflen form");
            // A name the kernel does not know is an OS error with its errno, not a crash.
            IOException e = assertThrows(IOException.class, () -> s.getSockOpt(SocketConstants.IPPROTO_TCP, 9999));
            assertEquals(Errno.ENOPROTOOPT, ((OsError) e).errno());
        }
    }

    @Test
    void multicastMembershipJoinsAndLeaves() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.DGRAM)) {
            var group = (java.net.Inet4Address) java.net.InetAddress.getByName("239.1.2.3");
            var lo = (java.net.Inet4Address) java.net.InetAddress.getByName("127.0.0.1");
            s.setOption(SockOpt.IP_ADD_MEMBERSHIP, SockOpt.Membership.of(group, lo));
            IOException again = assertThrows(IOException.class,
                    () -> s.setOption(SockOpt.IP_ADD_MEMBERSHIP, SockOpt.Membership.of(group, lo)));
            assertEquals(Errno.EADDRINUSE, ((OsError) again).errno(), "already a member");
            s.setOption(SockOpt.IP_DROP_MEMBERSHIP, SockOpt.Membership.of(group, lo));
            assertThrows(IllegalArgumentException.class, () -> SockOpt.Membership.of(lo, 0), "not a group");
        }
        try (Socket s = Socket.open(Family.INET6, SocketType.DGRAM)) {
            var group = java.net.InetAddress.getByName("ff02::123");
            s.setOption(SockOpt.IPV6_JOIN_GROUP, SockOpt.Membership.of(group, 1));
            s.setOption(SockOpt.IPV6_LEAVE_GROUP, SockOpt.Membership.of(group, 1));
        } catch (IOException e) {
            // Loopback may lack IPv6 multicast on some kernels: then the error must be a named errno.
            assertTrue(((OsError) e).errno() != Errno.UNKNOWN, e.toString());
        }
    }

    @Test
    void tcpInfoOfAConnectionShowsItEstablished() throws Exception {
        assumeTrue(Sockets.hasConstant("TCP_INFO"), "TCP_INFO is Linux's");
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            c.connect(server.getSockName());
            TcpInfo info = c.getOption(SockOpt.TCP_INFO);
            assertEquals(1, info.state(), "TCP_ESTABLISHED");
            assertTrue(info.sndMss() > 0);
        }
    }
}
