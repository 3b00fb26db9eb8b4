package dev.weft.macos;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.common.FamilyCodec;
import dev.weft.common.UnixCodec;
import java.nio.ByteBuffer;

/**
 * {@code struct sockaddr_un} on Darwin: the shared layout ({@link UnixCodec}) with Darwin's
 * shorter {@code sun_path} ({@value DarwinConstants#SIZEOF_SOCKADDR_UN_SUN_PATH} bytes, not
 * Linux's 108) and no abstract namespace. A path that does not fit with its NUL, or an
 * abstract name, is refused here with a message naming the limit, before any system call
 * (CPython: {@code OSError("AF_UNIX path too long")}; weft keeps room for the NUL, as
 * {@code SockAddr.Unix} does on Linux).
 */
final class DarwinUnixCodec extends FamilyCodec<SockAddr.Unix> {
    static final DarwinUnixCodec INSTANCE = new DarwinUnixCodec();

    /** The longest path: {@code sun_path} less its terminating NUL. */
    static final int MAX_PATH = DarwinConstants.SIZEOF_SOCKADDR_UN_SUN_PATH - 1;

    private DarwinUnixCodec() {
        super(Family.UNIX, SockAddr.Unix.class);
    }

    @Override
    public int encode(SockAddr.Unix u, ByteBuffer b, int off) {
        if (u.isAbstract()) {
            throw new IllegalArgumentException("AF_UNIX abstract names do not exist on macOS: " + u);
        }
        if (u.bytes().length > MAX_PATH) {
            throw new IllegalArgumentException("AF_UNIX path too long: " + u.bytes().length + " bytes, at most " + MAX_PATH
                    + " on macOS (sun_path is " + DarwinConstants.SIZEOF_SOCKADDR_UN_SUN_PATH + " bytes)");
        }
        return UnixCodec.INSTANCE.encode(u, b, off);
    }

    @Override
    public SockAddr decode(ByteBuffer b, int off, int len, int nativeFamily) {
        // An unbound socket's name is XNU's sun_noname, a 16-byte struct sockaddr of zeros
        // after sa_len and sa_family (bsd/kern/uipc_usrreq.c): a leading NUL is no abstract
        // name here, where there are none, but no name at all (CPython's '').
        if (len <= DarwinConstants.OFF_SOCKADDR_UN_SUN_PATH || b.get(off + DarwinConstants.OFF_SOCKADDR_UN_SUN_PATH) == 0) {
            return SockAddr.UNIX_UNNAMED;
        }
        // sa_len may count padding past sun_path's end: never read beyond the structure.
        return UnixCodec.INSTANCE.decode(b, off, Math.min(len, DarwinConstants.SIZEOF_SOCKADDR_UN), nativeFamily);
    }
}
