package dev.weft.posix;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The reentrant ({@code _r}) forms of the host, service and protocol lookups, with glibc's
 * signatures (musl shares them; macOS has none, and its provider will use another way).
 * Each fills a caller's struct and buffer, returns 0 with a null result for "not found",
 * and {@code ERANGE} when the buffer is too small.
 */
final class NetdbReentrant {
    private NetdbReentrant() {}

    static {
        Native.register(NetdbReentrant.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    static native int gethostbyname_r(byte[] name, long ret, long buf, long buflen, long result, long hErrno);

    static native int gethostbyaddr_r(long addr, int len, int type, long ret, long buf, long buflen, long result, long hErrno);

    static native int getservbyname_r(byte[] name, byte[] proto, long ret, long buf, long buflen, long result);

    static native int getservbyport_r(int port, byte[] proto, long ret, long buf, long buflen, long result);

    static native int getprotobyname_r(byte[] name, long ret, long buf, long buflen, long result);
}
