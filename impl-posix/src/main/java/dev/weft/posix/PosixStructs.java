package dev.weft.posix;

import dev.weft.Cmsg;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The control-message structures Linux and the BSDs lay out alike: {@code struct in_pktinfo}
 * (an interface index, then two IPv4 addresses) and RFC 3542's {@code struct in6_pktinfo}
 * (the address, then the index). What differs per OS stays in its provider.
 *
 * <pre>{@code
 * Cmsg.PacketInfo pi = PosixStructs.packetInfo(item.data(), true);
 * }</pre>
 */
public final class PosixStructs {
    private PosixStructs() {}

    /** Decodes {@code in6_pktinfo} ({@code ipv6}) or {@code in_pktinfo}. */
    static Cmsg.PacketInfo packetInfo(byte[] d, boolean ipv6) {
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        if (ipv6) {
            require(d, 20, "in6_pktinfo");
            return new Cmsg.PacketInfo(b.getInt(16), address(Arrays.copyOf(d, 16)), null);
        }
        require(d, 12, "in_pktinfo");
        return new Cmsg.PacketInfo(b.getInt(0), address(Arrays.copyOfRange(d, 8, 12)), address(Arrays.copyOfRange(d, 4, 8)));
    }

    /** {@code in_pktinfo} to send: {@code ipi_ifindex}, {@code ipi_spec_dst} (the source), {@code ipi_addr} unused. */
    static byte[] packetInfo(int interfaceIndex, Inet4Address source) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(interfaceIndex);
        return b.put(source == null ? new byte[4] : source.getAddress()).put(new byte[4]).array();
    }

    /** Throws when {@code d} is shorter than the structure {@code what}: a clear error, not a wrong value. */
    public static void require(byte[] d, int n, String what) {
        if (d.length < n) {
            throw new IllegalArgumentException(what + " needs " + n + " bytes, got " + d.length);
        }
    }

    private static InetAddress address(byte[] a) {
        try {
            return a.length == 16 ? Inet6Address.getByAddress(null, a, null) : InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
