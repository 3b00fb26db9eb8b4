package dev.weft.common;

import dev.weft.Family;
import dev.weft.SockAddr;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_un}: {@code sun_path} right after the header, on every OS that
 * has {@code AF_UNIX} (Windows 10 included). A path is written with its NUL, which the
 * length counts; an abstract name (Linux) and the unnamed address without.
 */
public final class UnixCodec extends FamilyCodec<SockAddr.Unix> {
    /** The codec; it holds no state. */
    public static final UnixCodec INSTANCE = new UnixCodec();

    private static final int PATH = SockAddrLayout.HEADER;

    private UnixCodec() {
        super(Family.UNIX, SockAddr.Unix.class);
    }

    @Override
    public int encode(SockAddr.Unix u, ByteBuffer b, int off) {
        byte[] path = u.bytes();
        b.put(off + PATH, path);
        return PATH + path.length + (u.isAbstract() || u.isUnnamed() ? 0 : 1);
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        int n = len - PATH;
        if (n <= 0) {
            return SockAddr.UNIX_UNNAMED;
        }
        if (b.get(off + PATH) != 0) {
            // A path ends at its NUL (the kernel may count it, or padding, in len).
            int end = 0;
            while (end < n && b.get(off + PATH + end) != 0) {
                end++;
            }
            n = end;
            if (n >= SockAddr.UNIX_PATH_MAX) {
                // sun_path filled to the end, no NUL (another program bound it): too long
                // for SockAddr.Unix, so keep the path whole as Raw, which the kernel takes back.
                return SockAddrCodec.raw(b, off, PATH + n, nativeFamily);
            }
        }
        byte[] p = new byte[Math.min(n, SockAddr.UNIX_PATH_MAX)];
        b.get(off + PATH, p);
        return new SockAddr.Unix(p);
    }
}
