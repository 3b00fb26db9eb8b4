package dev.weft.posix;

/**
 * The reentrant ({@code _r}) forms of the host, service and protocol lookups, with glibc's
 * signatures (musl shares them; macOS has none, and its provider will use another way).
 * Each fills a caller's struct and buffer, returns 0 with a null result for "not found",
 * and {@code ERANGE} when the buffer is too small. Initialising this class fails with a
 * {@link LinkageError} where the C library lacks them.
 */
final class NetdbReentrant {
    private NetdbReentrant() {}

    static {
        PosixLibc.CALLS.requireReentrant();
    }

    static int gethostbyname_r(byte[] name, long ret, long buf, long buflen, long result, long hErrno) {
        return PosixLibc.CALLS.gethostbyname_r(name, ret, buf, buflen, result, hErrno);
    }

    static int gethostbyaddr_r(long addr, int len, int type, long ret, long buf, long buflen, long result, long hErrno) {
        return PosixLibc.CALLS.gethostbyaddr_r(addr, len, type, ret, buf, buflen, result, hErrno);
    }

    static int getservbyname_r(byte[] name, byte[] proto, long ret, long buf, long buflen, long result) {
        return PosixLibc.CALLS.getservbyname_r(name, proto, ret, buf, buflen, result);
    }

    static int getservbyport_r(int port, byte[] proto, long ret, long buf, long buflen, long result) {
        return PosixLibc.CALLS.getservbyport_r(port, proto, ret, buf, buflen, result);
    }

    static int getprotobyname_r(byte[] name, long ret, long buf, long buflen, long result) {
        return PosixLibc.CALLS.getprotobyname_r(name, ret, buf, buflen, result);
    }
}
