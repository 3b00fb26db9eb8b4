package dev.weft.common;

import dev.weft.Family;
import dev.weft.SockAddr;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_in}, the same on every OS after the header: the port and the
 * address big-endian, then eight zero bytes.
 */
public final class Inet4Codec extends FamilyCodec<SockAddr.Inet4> {
    /** The codec; it holds no state. */
    public static final Inet4Codec INSTANCE = new Inet4Codec();

    private Inet4Codec() {
        super(Family.INET, SockAddr.Inet4.class);
    }

    @Override
    public int encode(SockAddr.Inet4 a, ByteBuffer b, int off) {
        putPort(b, off, a.port());
        b.put(off + 4, a.address().getAddress());
        return 16;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < 8) {
            return null;
        }
        byte[] a = new byte[4];
        b.get(off + 4, a);
        try {
            return new SockAddr.Inet4((Inet4Address) InetAddress.getByAddress(a), port(b, off));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The big-endian port at {@code off + 2}, where both {@code sockaddr_in} and {@code sockaddr_in6} keep it. */
    static int port(ByteBuffer b, int off) {
        return ((b.get(off + 2) & 0xFF) << 8) | (b.get(off + 3) & 0xFF);
    }

    static void putPort(ByteBuffer b, int off, int port) {
        b.put(off + 2, (byte) (port >>> 8)).put(off + 3, (byte) port);
    }
}
