package dev.weft.common;

import dev.weft.SockAddr;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code struct sockaddr_*} for one OS: its {@link SockAddrLayout header} and the
 * {@link FamilyCodec codecs} of the families it has, found by record class to encode and by
 * native family number to decode. Decoding is total: bytes of a family without a codec, or
 * too short for their family's record, become {@link SockAddr.Raw}, which encodes back to
 * the same bytes.
 *
 * <pre>{@code
 * SockAddrCodec codec = new SockAddrCodec(SockAddrLayout.SA_FAMILY, constants,
 *         List.of(Inet4Codec.INSTANCE, Inet6Codec.INSTANCE, UnixCodec.INSTANCE));
 * int len = codec.encode(addr, scratch.view(), 0);
 * SockAddr back = codec.decode(scratch.view(), 0, len);
 * }</pre>
 */
public final class SockAddrCodec {
    private final SockAddrLayout layout;
    private final Map<Class<?>, Entry> byType = new HashMap<>();
    private final FamilyCodec<?>[] byNative;

    private record Entry(FamilyCodec<?> codec, int nativeFamily) {}

    /**
     * A codec for the families in {@code codecs} that {@code constants} gives a number
     * ({@code AF_*}); a family the OS lacks is left out, and encoding its record fails.
     *
     * @throws IllegalArgumentException if two codecs claim one record or one number
     */
    public SockAddrCodec(SockAddrLayout layout, Map<String, Integer> constants, List<? extends FamilyCodec<?>> codecs) {
        this.layout = layout;
        Map<Integer, FamilyCodec<?>> numbered = new HashMap<>();
        int max = -1;
        for (FamilyCodec<?> c : codecs) {
            Integer n = constants.get(c.family().constantName());
            if (n == null || n < 0 || n > layout.maxFamily()) {
                continue;
            }
            if (byType.put(c.type(), new Entry(c, n)) != null || numbered.put(n, c) != null) {
                throw new IllegalArgumentException("two codecs for " + c.type().getSimpleName() + " or family " + n);
            }
            max = Math.max(max, n);
        }
        byNative = new FamilyCodec<?>[max + 1];
        numbered.forEach((n, c) -> byNative[n] = c);
    }

    /** The header shape this codec writes. */
    public SockAddrLayout layout() {
        return layout;
    }

    /**
     * Writes {@code a} at {@code off} ({@link Scratch#ADDR_SIZE} bytes are zeroed first);
     * returns its length, or {@code -errno} when the OS refuses part of it (e.g. an
     * {@code AF_PACKET} interface name that does not exist).
     *
     * @throws IllegalArgumentException for a family this OS does not have, or a raw
     *                                  address that does not fit
     */
    public int encode(SockAddr a, ByteBuffer b, int off) {
        for (int i = 0; i < Scratch.ADDR_SIZE; i += 8) {
            b.putLong(off + i, 0);
        }
        if (a instanceof SockAddr.Raw r) {
            byte[] d = r.data();
            if (d.length > Scratch.ADDR_SIZE - SockAddrLayout.HEADER) {
                throw new IllegalArgumentException("raw address too long: " + d.length + " bytes");
            }
            if (r.nativeFamily() < 0 || r.nativeFamily() > layout.maxFamily()) {
                throw new IllegalArgumentException("raw address family " + r.nativeFamily() + " does not fit 0-" + layout.maxFamily());
            }
            int len = d.length + SockAddrLayout.HEADER;
            layout.putHeader(b, off, r.nativeFamily(), len);
            b.put(off + SockAddrLayout.HEADER, d);
            return len;
        }
        Entry e = byType.get(a.getClass());
        if (e == null) {
            throw new IllegalArgumentException((a.family() == null ? a.getClass().getSimpleName() : a.family().constantName())
                    + " does not exist on this OS");
        }
        int len = encode(e.codec, a, b, off);
        if (len > 0) {
            layout.putHeader(b, off, e.nativeFamily, len);
        }
        return len;
    }

    private static <A extends SockAddr> int encode(FamilyCodec<A> c, SockAddr a, ByteBuffer b, int off) {
        return c.encode(c.type().cast(a), b, off);
    }

    /** Reads the address of {@code len} bytes at {@code off}; never fails. */
    public SockAddr decode(ByteBuffer b, int off, int len) {
        if (len < SockAddrLayout.HEADER) {
            // Linux gives 0 for an unnamed AF_UNIX peer on some paths; nothing else is that short.
            return SockAddr.UNIX_UNNAMED;
        }
        len = Math.min(len, Scratch.ADDR_SIZE);
        int family = layout.family(b, off);
        FamilyCodec<?> c = family < byNative.length ? byNative[family] : null;
        SockAddr a = c == null ? null : c.decode(b, off, len, family);
        return a != null ? a : raw(b, off, len, family);
    }

    /** The bytes after the header as they are: what a family without a codec decodes to. */
    public static SockAddr.Raw raw(ByteBuffer b, int off, int len, int family) {
        byte[] d = new byte[len - SockAddrLayout.HEADER];
        b.get(off + SockAddrLayout.HEADER, d);
        return new SockAddr.Raw(family, d);
    }
}
