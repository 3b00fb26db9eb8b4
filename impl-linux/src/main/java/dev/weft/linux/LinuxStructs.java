package dev.weft.linux;

import static dev.weft.posix.PosixStructs.require;

import dev.weft.Cmsg;
import dev.weft.Credentials;
import dev.weft.Errno;
import dev.weft.SockAddr;
import dev.weft.TcpInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The structures only Linux has, or lays out its own way, on its 64-bit ABIs:
 * {@code struct tcp_info}, {@code struct ucred}, {@code struct sock_extended_err} and the
 * {@code timeval}/{@code timespec} of receive timestamps (two {@code long}s each).
 *
 * <pre>{@code
 * TcpInfo info = LinuxStructs.tcpInfo(bytes, length);
 * }</pre>
 */
final class LinuxStructs {
    private LinuxStructs() {}

    /** {@code sizeof(struct ucred)}: pid, uid, gid. */
    static final int UCRED_SIZE = 12;
    /** {@code sizeof(struct sock_extended_err)}; the offender's sockaddr follows it. */
    static final int EXTENDED_ERR_SIZE = 16;
    /** The fields {@link TcpInfo} names end here ({@code tcpi_bytes_received}); older kernels write fewer. */
    private static final int TCP_INFO_NAMED = 136;
    /** {@code SO_EE_ORIGIN_NONE}: the error has no offender. */
    private static final int ORIGIN_NONE = 0;
    /** {@code AF_UNSPEC}, which the kernel writes where an origin has no address (a local error). */
    private static final int AF_UNSPEC = 0;

    /** Decodes a sockaddr inside a structure: the provider's codec, the one every address goes through. */
    @FunctionalInterface
    interface AddressDecoder {
        SockAddr decode(byte[] d, int off, int len);
    }

    private static ByteBuffer nativeOrder(byte[] d) {
        return ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
    }

    /** What {@code getsockopt(TCP_INFO)} wrote ({@code length} bytes of {@code b}); fields it did not write read 0. */
    static TcpInfo tcpInfo(byte[] b, int length) {
        byte[] raw = Arrays.copyOf(b, length);
        ByteBuffer v = nativeOrder(Arrays.copyOf(raw, Math.max(length, TCP_INFO_NAMED)));
        return new TcpInfo(v.get(0) & 0xFF, v.get(1) & 0xFF, v.get(2) & 0xFF, v.get(3) & 0xFF, v.get(4) & 0xFF,
                v.get(5) & 0xFF, v.getInt(8), v.getInt(12), v.getInt(16), v.getInt(20), v.getInt(24), v.getInt(28),
                v.getInt(32), v.getInt(36), v.getInt(44), v.getInt(52), v.getInt(60), v.getInt(68), v.getInt(72),
                v.getInt(76), v.getInt(80), v.getInt(84), v.getInt(88), v.getInt(100), v.getLong(120), v.getLong(128), raw);
    }

    /** {@code struct ucred} of which the kernel wrote {@code length} bytes (the rest reads 0). */
    static Credentials ucred(byte[] d, int length) {
        require(d, UCRED_SIZE, "struct ucred");
        byte[] v = new byte[UCRED_SIZE];
        System.arraycopy(d, 0, v, 0, Math.max(0, Math.min(length, UCRED_SIZE)));
        ByteBuffer b = nativeOrder(v);
        return new Credentials(b.getInt(0), b.getInt(4), b.getInt(8));
    }

    /** {@code struct ucred} to send. */
    static byte[] ucred(Credentials c) {
        return ByteBuffer.allocate(UCRED_SIZE).order(ByteOrder.nativeOrder()).putInt(c.pid()).putInt(c.uid()).putInt(c.gid()).array();
    }

    /**
     * {@code struct sock_extended_err} (errno, origin, type, code, pad, info, data) and, unless
     * the origin has none, the offender's sockaddr after it ({@code SO_EE_OFFENDER}).
     */
    static Cmsg.ExtendedError extendedError(byte[] d, IntFunction<Errno> errnos, AddressDecoder addresses) {
        require(d, EXTENDED_ERR_SIZE, "sock_extended_err");
        ByteBuffer b = nativeOrder(d);
        int errno = b.getInt(0);
        int origin = b.get(4) & 0xFF;
        SockAddr offender = null;
        if (origin != ORIGIN_NONE && d.length >= EXTENDED_ERR_SIZE + 2 && (b.getShort(EXTENDED_ERR_SIZE) & 0xFFFF) != AF_UNSPEC) {
            offender = addresses.decode(d, EXTENDED_ERR_SIZE, d.length - EXTENDED_ERR_SIZE);
        }
        return new Cmsg.ExtendedError(errnos.apply(errno), errno, origin, b.get(5) & 0xFF, b.get(6) & 0xFF,
                b.getInt(8), b.getInt(12), offender);
    }

    /** {@code struct timespec} ({@code nanos}) or {@code struct timeval}: seconds, then ns or µs, each a {@code long}. */
    static Instant timestamp(byte[] d, boolean nanos) {
        require(d, 16, nanos ? "timespec" : "timeval");
        ByteBuffer b = nativeOrder(d);
        long sec = b.getLong(0);
        long frac = b.getLong(8);
        return nanos ? Instant.ofEpochSecond(sec, frac) : Instant.ofEpochSecond(sec, frac * 1000);
    }
}
