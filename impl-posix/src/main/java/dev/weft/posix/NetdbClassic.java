package dev.weft.posix;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The POSIX host, service and protocol lookups without {@code _r}, for a C library that has
 * no reentrant forms (macOS's: Apple's netdb.h declares none). Each returns a pointer to the
 * C library's own result, valid until the next such call; {@code h_errno} is a global there.
 * So {@link PosixNetdb} makes each call and reads its result under one lock, as CPython does
 * without {@code _r} (its {@code netdb_lock}, socketmodule.c).
 */
final class NetdbClassic {
    private NetdbClassic() {}

    private static final NativeLibrary LIBC = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);

    static {
        Native.register(NetdbClassic.class, LIBC);
    }

    static native long gethostbyname(byte[] name);

    static native long gethostbyaddr(long addr, int len, int type);

    static native long getservbyname(byte[] name, byte[] proto);

    static native long getservbyport(int port, byte[] proto);

    static native long getprotobyname(byte[] name);

    /**
     * {@code h_errno} after a failed host lookup: Darwin's netdb.h declares it
     * {@code extern int h_errno}; glibc's is per thread behind {@code __h_errno_location}.
     */
    static int hErrno() {
        try {
            return LIBC.getGlobalVariableAddress("h_errno").getInt(0);
        } catch (UnsatisfiedLinkError perThread) {
            Pointer p = LIBC.getFunction("__h_errno_location").invokePointer(new Object[0]);
            return p == null ? -1 : p.getInt(0);
        }
    }
}
