package dev.weft.linux;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct sockaddr_alg} (88 bytes): {@code salg_type[14]} at 2, {@code salg_feat} at
 * 16, {@code salg_mask} at 20, {@code salg_name[64]} at 24, both names NUL-terminated. The
 * kernel never hands one back (an {@code AF_ALG} socket has no {@code getsockname}); decoding
 * is for bytes a user builds, and refuses (null, so {@code Raw}) a name without its NUL.
 */
final class AlgCodec extends FamilyCodec<SockAddr.Alg> {
    static final AlgCodec INSTANCE = new AlgCodec();
    private static final int TYPE = 2;
    private static final int NAME = 24;
    private static final int SIZE = 88;

    private AlgCodec() {
        super(Family.ALG, SockAddr.Alg.class);
    }

    @Override
    public int encode(SockAddr.Alg a, ByteBuffer b, int off) {
        b.put(off + TYPE, a.type().getBytes(StandardCharsets.UTF_8));
        b.putInt(off + 16, a.feat());
        b.putInt(off + 20, a.mask());
        b.put(off + NAME, a.name().getBytes(StandardCharsets.UTF_8));
        return SIZE;
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        if (len < SIZE) {
            return null;
        }
        String type = cString(b, off + TYPE, SockAddr.Alg.MAX_TYPE + 1);
        String name = cString(b, off + NAME, SockAddr.Alg.MAX_NAME + 1);
        return type == null || name == null ? null : new SockAddr.Alg(type, name, b.getInt(off + 16), b.getInt(off + 20));
    }

    /** The NUL-terminated UTF-8 string in {@code size} bytes, or null without a NUL or when not UTF-8. */
    private static String cString(ByteBuffer b, int at, int size) {
        for (int i = 0; i < size; i++) {
            if (b.get(at + i) == 0) {
                byte[] s = new byte[i];
                b.get(at, s);
                String v = new String(s, StandardCharsets.UTF_8);
                return v.indexOf('\uFFFD') < 0 ? v : null;
            }
        }
        return null;
    }
}
