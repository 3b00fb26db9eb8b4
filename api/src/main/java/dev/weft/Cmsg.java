package dev.weft;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Typed views of the common control messages, over the raw {@link Ancillary} form: packet
 * info, TOS/traffic class, receive timestamps and queued extended errors. The bytes are
 * laid out as the OS lays them out, so the provider of this OS decodes and encodes them
 * ({@link dev.weft.spi.SocketProvider#decodePacketInfo} and the rest); this class is the
 * typed face.
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

    /** Decodes {@code struct in_pktinfo} or {@code struct in6_pktinfo} (in the provider: the layout is the OS's). */
    public static PacketInfo packetInfo(Ancillary a) {
        return Sockets.provider().decodePacketInfo(a);
    }

    /** An {@code IP_PKTINFO} item to send: the source address and/or interface for one datagram. */
    public static Ancillary packetInfo(int interfaceIndex, Inet4Address source) {
        return Sockets.provider().encodePacketInfo(interfaceIndex, source);
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
        return Sockets.provider().decodeTimestamp(a);
    }

    /** True for a queued error ({@code IP_RECVERR} / {@code IPV6_RECVERR}). */
    public static boolean isExtendedError(Ancillary a) {
        return a.level() == SocketConstants.IPPROTO_IP && a.type() == SocketConstants.IP_RECVERR
                || a.level() == SocketConstants.IPPROTO_IPV6 && a.type() == SocketConstants.IPV6_RECVERR;
    }

    /** Decodes {@code struct sock_extended_err} and the offender address after it (Linux). */
    public static ExtendedError extendedError(Ancillary a) {
        return Sockets.provider().decodeExtendedError(a);
    }
}
