package dev.weft.common;

import dev.weft.Family;
import dev.weft.SockAddr;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_in6}, the same on every OS after the header: port and flow label
 * big-endian, the 16 address bytes, then the scope id in native order.
 */
public final class Inet6Codec extends FamilyCodec<SockAddr.Inet6> {
    /** The codec; it holds no state. */
    public static final Inet6Codec INSTANCE = new Inet6Codec();

    private Inet6Codec() {
        super(Family.INET6, SockAddr.Inet6.class);
    }

    @Override
    public int encode(SockAddr.Inet6 a, ByteBuffer b, int off) {
        Inet4Codec.putPort(b, off, a.port());
        int f = a.flowInfo();
        b.put(off + 4, (byte) (f >>> 24)).put(off + 5, (byte) (f >>> 16)).put(off + 6, (byte) (f >>> 8)).put(off + 7, (byte) f);
        b.put(off + 8, a.address().getAddress());
        b.putInt(off + 24, a.scopeId());
        return 28;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < 24) {
            return null;
        }
        byte[] a = new byte[16];
        b.get(off + 8, a);
        int scope = len >= 28 ? b.getInt(off + 24) : 0;
        // Only the low 20 bits are the flow label; the kernel may leave priority bits above them.
        int flow = ((b.get(off + 5) & 0x0F) << 16) | ((b.get(off + 6) & 0xFF) << 8) | (b.get(off + 7) & 0xFF);
        try {
            return new SockAddr.Inet6(Inet6Address.getByAddress(null, a, null), Inet4Codec.port(b, off), flow, scope);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
