package dev.weft.posix;

/**
 * The C library's name, service and interface databases, as POSIX names them, through
 * {@link PosixLibc}'s binding. Strings go in as NUL-terminated UTF-8 {@code byte[]};
 * out-buffers are native memory passed as {@code long} addresses. These calls may block
 * (files, NSS modules, DNS): weft makes them from its blocking pool only.
 */
final class NetdbLibc {
    private NetdbLibc() {}

    static int getnameinfo(long sa, int salen, long host, int hostlen, long serv, int servlen, int flags) {
        return PosixLibc.CALLS.getnameinfo(sa, salen, host, hostlen, serv, servlen, flags);
    }

    static int gethostname(long name, long len) {
        return PosixLibc.CALLS.gethostname(name, len);
    }

    static int sethostname(byte[] name, long len) {
        return PosixLibc.CALLS.sethostname(name, len);
    }

    static long if_nameindex() {
        return PosixLibc.CALLS.if_nameindex();
    }

    static void if_freenameindex(long ptr) {
        PosixLibc.CALLS.if_freenameindex(ptr);
    }

    static int if_nametoindex(byte[] name) {
        return PosixLibc.CALLS.if_nametoindex(name);
    }

    static long if_indextoname(int index, long buf) {
        return PosixLibc.CALLS.if_indextoname(index, buf);
    }

    static String hstrerror(int err) {
        return PosixLibc.CALLS.hstrerror(err);
    }
}
