package dev.weft.posix;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The C library's name, service and interface databases (direct mapping), as POSIX names
 * them. Strings go in as NUL-terminated UTF-8 {@code byte[]}; out-buffers are native
 * memory passed as {@code long} addresses. These calls may block (files, NSS modules,
 * DNS): weft makes them from its blocking pool only.
 */
final class NetdbLibc {
    private NetdbLibc() {}

    static {
        Native.register(NetdbLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    static native int getnameinfo(long sa, int salen, long host, int hostlen, long serv, int servlen, int flags);

    static native int gethostname(long name, long len);

    static native int sethostname(byte[] name, long len);

    static native long if_nameindex();

    static native void if_freenameindex(long ptr);

    static native int if_nametoindex(byte[] name);

    static native long if_indextoname(int index, long buf);

    static native String hstrerror(int err);
}
