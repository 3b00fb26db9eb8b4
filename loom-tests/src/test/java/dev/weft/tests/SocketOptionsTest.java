package dev.weft.tests;

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
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Socket options round-trip through the kernel: each set value reads back (Linux doubles
 * buffer sizes), read-only options report the kernel's state, and the raw int form works.
 */
class SocketOptionsTest {

    private static boolean linux() {
        return Sockets.provider().name().equals("linux");
    }

    @Test
    void soReuseAddrTypedAndRawForms() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            assertFalse(s.getOption(SockOpt.SO_REUSEADDR));
            s.setOption(SockOpt.SO_REUSEADDR, true);
            assertTrue(s.getOption(SockOpt.SO_REUSEADDR));
            assertEquals(on(SocketConstants.SO_REUSEADDR), s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_REUSEADDR));
            s.setSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_REUSEADDR, 0);
            assertFalse(s.getOption(SockOpt.SO_REUSEADDR));
            assertEquals(0, s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_REUSEADDR));
            // Python's raw form: setsockopt(SOL_SOCKET, SO_REUSEADDR, 1).
            s.setSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_REUSEADDR, 1);
            assertTrue(s.getOption(SockOpt.SO_REUSEADDR));
            byte[] raw = s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_REUSEADDR, 4);
            assertEquals(on(SocketConstants.SO_REUSEADDR), ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getInt());
        }
    }

    /**
     * What the raw getsockopt of a SOL_SOCKET flag that is on reads: 1 on Linux, the
     * option's own bit on the BSDs (XNU's sogetopt returns {@code so_options & name}:
     * SO_REUSEADDR reads 4 on macOS), as CPython's getsockopt then returns too.
     */
    private static int on(int solSocketFlag) {
        return bsdFlags() ? solSocketFlag : 1;
    }

    private static boolean bsdFlags() {
        return Sockets.provider().name().equals("macos");
    }

    /** SO_REUSEPORT does what it says: two sockets with it bind one UDP port; without it the second fails. */
    @Test
    void soReusePortLetsTwoSocketsBindOnePort() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.REUSEPORT), "SO_REUSEPORT is not offered here");
        try (Socket a = Socket.open(Family.INET, SocketType.DGRAM);
             Socket b = Socket.open(Family.INET, SocketType.DGRAM);
             Socket c = Socket.open(Family.INET, SocketType.DGRAM)) {
            a.setOption(SockOpt.SO_REUSEPORT, true);
            b.setOption(SockOpt.SO_REUSEPORT, true);
            assertTrue(a.getOption(SockOpt.SO_REUSEPORT));
            assertFalse(c.getOption(SockOpt.SO_REUSEPORT));
            a.bind(SockAddr.inet("127.0.0.1", 0));
            SockAddr taken = a.getSockName();
            b.bind(taken);
            assertEquals(taken, b.getSockName());
            BindException e = assertThrows(BindException.class, () -> c.bind(taken));
            assertEquals(Errno.EADDRINUSE, ((OsError) e).errno());
        }
    }

    @Test
    void booleanOptionsRoundTrip() throws Exception {
        try (Socket tcp = Socket.open(Family.INET, SocketType.STREAM);
             Socket udp = Socket.open(Family.INET, SocketType.DGRAM)) {
            for (boolean v : new boolean[] {true, false, true}) {
                tcp.setOption(SockOpt.SO_KEEPALIVE, v);
                assertEquals(v, tcp.getOption(SockOpt.SO_KEEPALIVE));
                assertEquals(v ? on(SocketConstants.SO_KEEPALIVE) : 0, tcp.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_KEEPALIVE));
                tcp.setOption(SockOpt.TCP_NODELAY, v);
                assertEquals(v, tcp.getOption(SockOpt.TCP_NODELAY));
                // XNU's TCP_NODELAY reads its t_flags bit (TF_NODELAY, 4: bsd/netinet/tcp_usrreq.c), Linux 1.
                int nodelay = tcp.getSockOpt(SocketConstants.IPPROTO_TCP, SocketConstants.TCP_NODELAY);
                assertTrue(v ? nodelay == 1 || bsdFlags() && nodelay != 0 : nodelay == 0, "TCP_NODELAY reads " + nodelay);
                udp.setOption(SockOpt.SO_BROADCAST, v);
                assertEquals(v, udp.getOption(SockOpt.SO_BROADCAST));
            }
        }
    }

    @Test
    void ipv6OnlyRoundTrips() throws Exception {
        Assumptions.assumeTrue(Sockets.supports(Capability.INET6), "no IPv6 here");
        try (Socket s = Socket.open(Family.INET6, SocketType.STREAM)) {
            s.setOption(SockOpt.IPV6_V6ONLY, true);
            assertTrue(s.getOption(SockOpt.IPV6_V6ONLY));
            s.setOption(SockOpt.IPV6_V6ONLY, false);
            assertFalse(s.getOption(SockOpt.IPV6_V6ONLY));
            assertEquals(0, s.getSockOpt(SocketConstants.IPPROTO_IPV6, SocketConstants.IPV6_V6ONLY));
        }
    }

    @Test
    void bufferSizesRoundTripLinuxDoublesThem() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            s.setOption(SockOpt.SO_RCVBUF, 65536);
            s.setOption(SockOpt.SO_SNDBUF, 32768);
            int rcv = s.getOption(SockOpt.SO_RCVBUF);
            int snd = s.getOption(SockOpt.SO_SNDBUF);
            if (linux()) {
                assertEquals(2 * 65536, rcv, "Linux stores twice the requested size");
                assertEquals(2 * 32768, snd, "Linux stores twice the requested size");
            } else {
                assertTrue(rcv >= 65536 && snd >= 32768, rcv + " / " + snd);
            }
            assertEquals(rcv, s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUF));
        }
    }

    @Test
    void soTypeIsTheNativeType() throws Exception {
        try (Socket tcp = Socket.open(Family.INET, SocketType.STREAM);
             Socket udp = Socket.open(Family.INET, SocketType.DGRAM)) {
            assertEquals(SocketConstants.SOCK_STREAM, tcp.getOption(SockOpt.SO_TYPE));
            assertEquals(SocketConstants.SOCK_DGRAM, udp.getOption(SockOpt.SO_TYPE));
            assertEquals(tcp.nativeType(), tcp.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_TYPE));
        }
    }

    /** SO_ERROR reports a failed non-blocking connect once (ECONNREFUSED), then reads 0: it is the kernel's. */
    @Test
    void soErrorReportsAFailedNonBlockingConnectOnce() throws Exception {
        SockAddr closed;
        try (Socket probe = Socket.open(Family.INET, SocketType.STREAM)) {
            probe.bind(SockAddr.inet("127.0.0.1", 0));
            closed = probe.getSockName(); // bound, never listening: connecting to it is refused
            try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                assertEquals(0, c.getOption(SockOpt.SO_ERROR));
                c.setTimeout(Duration.ZERO);
                try {
                    c.connect(closed);
                } catch (WouldBlockException inProgress) {
                    // expected on most kernels; the refusal comes asynchronously
                } catch (java.net.ConnectException refusedAtOnce) {
                    Assumptions.abort("the kernel refused synchronously; SO_ERROR has nothing to report");
                }
                long deadline = System.nanoTime() + TestKit.BOUND.toNanos();
                int err = 0;
                while (err == 0 && System.nanoTime() < deadline) {
                    err = c.getOption(SockOpt.SO_ERROR);
                    if (err == 0) {
                        Thread.sleep(5);
                    }
                }
                assertEquals(Sockets.provider().nativeErrno(Errno.ECONNREFUSED), err);
                assertEquals(0, c.getOption(SockOpt.SO_ERROR), "reading SO_ERROR clears it");
            }
        }
    }

    @Test
    void soLingerOffAndOnRoundTrip() throws Exception {
        try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
            assertEquals(-1, s.getOption(SockOpt.SO_LINGER), "off by default");
            s.setOption(SockOpt.SO_LINGER, 7);
            assertEquals(7, s.getOption(SockOpt.SO_LINGER));
            ByteBuffer raw = ByteBuffer.wrap(s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_LINGER, 8))
                    .order(ByteOrder.nativeOrder());
            assertEquals(1, raw.getInt(0), "l_onoff");
            assertEquals(7, raw.getInt(4), "l_linger");
            s.setOption(SockOpt.SO_LINGER, 0);
            assertEquals(0, s.getOption(SockOpt.SO_LINGER));
            s.setOption(SockOpt.SO_LINGER, -1);
            assertEquals(-1, s.getOption(SockOpt.SO_LINGER));
            raw = ByteBuffer.wrap(s.getSockOpt(SocketConstants.SOL_SOCKET, SocketConstants.SO_LINGER, 8)).order(ByteOrder.nativeOrder());
            assertEquals(0, raw.getInt(0), "l_onoff");
        }
    }

    /**
     * IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP on a 224.0.0.x group over the loopback interface,
     * by address and by index. The kernel's own bookkeeping proves each call took effect:
     * joining twice is EADDRINUSE, leaving a group not joined is EADDRNOTAVAIL.
     */
    @Test
    void multicastMembershipJoinAndLeave() throws Exception {
        Inet4Address group = (Inet4Address) InetAddress.getByName("224.0.0.199");
        Inet4Address lo = (Inet4Address) InetAddress.getByName("127.0.0.1");
        int loIndex = loopbackIndex();
        try (Socket s = Socket.open(Family.INET, SocketType.DGRAM)) {
            s.bind(SockAddr.inet("0.0.0.0", 0));
            for (SockOpt.Membership m : new SockOpt.Membership[] {SockOpt.Membership.of(group, lo), SockOpt.Membership.of(group, loIndex)}) {
                if (!encodes(m)) {
                    // Darwin's IP_ADD_MEMBERSHIP reads struct ip_mreq only (XNU in_mcast.c): no join
                    // by index there, and the provider says so before any system call.
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> s.setOption(SockOpt.IP_ADD_MEMBERSHIP, m));
                    System.out.println("IPv4 membership " + m + " is not offered here: " + e.getMessage());
                    continue;
                }
                try {
                    s.setOption(SockOpt.IP_ADD_MEMBERSHIP, m);
                } catch (IOException e) {
                    Assumptions.assumeFalse(((OsError) e).errno() == Errno.ENODEV, "the kernel has no multicast on loopback: " + e.getMessage());
                    throw e;
                }
                IOException twice = assertThrows(IOException.class, () -> s.setOption(SockOpt.IP_ADD_MEMBERSHIP, m));
                assertEquals(Errno.EADDRINUSE, ((OsError) twice).errno(), twice.getMessage());
                s.setOption(SockOpt.IP_DROP_MEMBERSHIP, m);
                IOException notJoined = assertThrows(IOException.class, () -> s.setOption(SockOpt.IP_DROP_MEMBERSHIP, m));
                assertEquals(Errno.EADDRNOTAVAIL, ((OsError) notJoined).errno(), notJoined.getMessage());
            }
            assertInstanceOf(Boolean.class, s.getOption(SockOpt.IP_MULTICAST_LOOP));
        }
    }

    /** True if this OS's IP_ADD_MEMBERSHIP layout can say {@code m} (Linux's ip_mreqn joins by index too). */
    private static boolean encodes(SockOpt.Membership m) {
        try {
            Sockets.provider().encodeOption("IP_ADD_MEMBERSHIP", m);
            return true;
        } catch (IllegalArgumentException notOnThisOs) {
            return false;
        }
    }

    private static int loopbackIndex() throws IOException {
        Path p = Path.of("/sys/class/net/lo/ifindex");
        if (Files.exists(p)) {
            return Integer.parseInt(Files.readString(p).strip());
        }
        java.net.NetworkInterface ni = java.net.NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        Assumptions.assumeTrue(ni != null, "no loopback interface found");
        return ni.getIndex();
    }
}
