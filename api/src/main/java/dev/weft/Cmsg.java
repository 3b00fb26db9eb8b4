package dev.weft;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Typed views of the common control messages, over the raw {@link Ancillary} form: packet
 * info, TOS/traffic class, receive timestamps and queued extended errors. Layouts are the
 * LP64 POSIX ones (Linux; macOS shares {@code in_pktinfo} and {@code timeval}).
 *
 * <pre>{@code
 * udp.setOption(SockOpt.IP_PKTINFO, true);
 * Socket.Message m = udp.recvMsg(2048, 256, 0);
 * for (Ancillary a : m.ancillary()) {
 *     if (Cmsg.isPacketInfo(a)) System.out.println("arrived for " + Cmsg.packetInfo(a).destination());
 * }
 * }</pre>
 */
public final class Cmsg {
    private Cmsg() {}

    /** Where a datagram arrived ({@code IP_PKTINFO} / {@code IPV6_PKTINFO}). */
    public record PacketInfo(int interfaceIndex, InetAddress destination, InetAddress localAddress) {}

    /**
     * A queued error read with {@code MSG_ERRQUEUE} ({@code IP_RECVERR} / {@code IPV6_RECVERR}):
     * Linux's {@code struct sock_extended_err} and the offender's address, if any.
     */
    public record ExtendedError(Errno errno, int nativeErrno, int origin, int type, int code, int info, int data,
            SockAddr offender) {}

    private static ByteBuffer le(byte[] d) {
        return ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
    }

    /** True for {@code IP_PKTINFO} or {@code IPV6_PKTINFO}. */
    public static boolean isPacketInfo(Ancillary a) {
        return a.level() == SocketConstants.IPPROTO_IP && a.type() == SocketConstants.IP_PKTINFO
                || a.level() == SocketConstants.IPPROTO_IPV6 && a.type() == SocketConstants.IPV6_PKTINFO;
    }

    /** Decodes {@code struct in_pktinfo} or {@code struct in6_pktinfo}. */
    public static PacketInfo packetInfo(Ancillary a) {
        byte[] d = a.data();
        try {
            if (a.level() == SocketConstants.IPPROTO_IPV6) {
                require(d, 20, "in6_pktinfo");
                byte[] addr = java.util.Arrays.copyOf(d, 16);
                Inet6Address dst = Inet6Address.getByAddress(null, addr, null);
                return new PacketInfo(le(d).getInt(16), dst, null);
            }
            require(d, 12, "in_pktinfo");
            return new PacketInfo(le(d).getInt(0), InetAddress.getByAddress(java.util.Arrays.copyOfRange(d, 8, 12)),
                    InetAddress.getByAddress(java.util.Arrays.copyOfRange(d, 4, 8)));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** An {@code IP_PKTINFO} item to send: the source address and/or interface for one datagram. */
    public static Ancillary packetInfo(int interfaceIndex, Inet4Address source) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(interfaceIndex);
        b.put(source == null ? new byte[4] : source.getAddress()).put(new byte[4]);
        return new Ancillary(SocketConstants.IPPROTO_IP, SocketConstants.IP_PKTINFO, b.array());
    }

    /** True for a received TOS byte ({@code IP_TOS}) or traffic class ({@code IPV6_TCLASS}). */
    public static boolean isTrafficClass(Ancillary a) {
        return a.level() == SocketConstants.IPPROTO_IP && a.type() == SocketConstants.IP_TOS
                || a.level() == SocketConstants.IPPROTO_IPV6 && a.type() == SocketConstants.IPV6_TCLASS;
    }

    /** The TOS byte or traffic class (IPv4 sends one byte, IPv6 an int). */
    public static int trafficClass(Ancillary a) {
        byte[] d = a.data();
        return d.length >= 4 ? le(d).getInt(0) : d.length == 1 ? d[0] & 0xFF : -1;
    }

    /** True for {@code SCM_TIMESTAMP} or {@code SCM_TIMESTAMPNS}. */
    public static boolean isTimestamp(Ancillary a) {
        return a.level() == SocketConstants.SOL_SOCKET
                && (a.type() == SocketConstants.SCM_TIMESTAMP || a.type() == SocketConstants.SCM_TIMESTAMPNS);
    }

    /** The receive time of {@code SCM_TIMESTAMP} (microseconds) or {@code SCM_TIMESTAMPNS}. */
    public static Instant timestamp(Ancillary a) {
        byte[] d = a.data();
        require(d, 16, "timeval/timespec");
        long sec = le(d).getLong(0);
        long frac = le(d).getLong(8);
        return a.type() == SocketConstants.SCM_TIMESTAMPNS ? Instant.ofEpochSecond(sec, frac) : Instant.ofEpochSecond(sec, frac * 1000);
    }

    /** True for a queued error ({@code IP_RECVERR} / {@code IPV6_RECVERR}). */
    public static boolean isExtendedError(Ancillary a) {
        return a.level() == SocketConstants.IPPROTO_IP && a.type() == SocketConstants.IP_RECVERR
                || a.level() == SocketConstants.IPPROTO_IPV6 && a.type() == SocketConstants.IPV6_RECVERR;
    }

    /** Decodes {@code struct sock_extended_err} and the offender address after it. */
    public static ExtendedError extendedError(Ancillary a) {
        byte[] d = a.data();
        require(d, 16, "sock_extended_err");
        ByteBuffer b = le(d);
        int errno = b.getInt(0);
        SockAddr offender = null;
        if (d.length >= 16 + 16 && (b.get(4) & 0xFF) != 0) { // SO_EE_ORIGIN_NONE has no offender
            offender = decodeInet(java.util.Arrays.copyOfRange(d, 16, d.length));
        }
        return new ExtendedError(Sockets.provider().errno(errno), errno, b.get(4) & 0xFF, b.get(5) & 0xFF, b.get(6) & 0xFF,
                b.getInt(8), b.getInt(12), offender);
    }

    /** A Linux-layout sockaddr_in/sockaddr_in6 (family first, native 16-bit). */
    private static SockAddr decodeInet(byte[] s) {
        int family = le(s).getShort(0) & 0xFFFF;
        int port = ((s[2] & 0xFF) << 8) | (s[3] & 0xFF);
        try {
            if (family == SocketConstants.AF_INET && s.length >= 8) {
                return new SockAddr.Inet4((Inet4Address) InetAddress.getByAddress(java.util.Arrays.copyOfRange(s, 4, 8)), port);
            }
            if (family == SocketConstants.AF_INET6 && s.length >= 24) {
                return new SockAddr.Inet6(Inet6Address.getByAddress(null, java.util.Arrays.copyOfRange(s, 8, 24), null), port);
            }
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        return null;
    }

    private static void require(byte[] d, int n, String what) {
        if (d.length < n) {
            throw new IllegalArgumentException(what + " needs " + n + " bytes, got " + d.length);
        }
    }
}
