package dev.weft.posix;

import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;

/**
 * The C library calls whose signatures POSIX fixes, through the binding
 * {@link NativeBinding} chose ({@link PosixCalls}: FFM or JNA). Pointers are passed as
 * {@code long} addresses of native memory weft owns; {@code size_t}/{@code ssize_t} are
 * {@code long} (LP64 only, which {@link PosixProvider#isLp64()} checks). A -1 result
 * leaves the errno for {@link #errno()}, read in the same thread before anything else can
 * run on it (a virtual thread does not park in between, so it cannot have moved).
 */
public final class PosixLibc {
    private PosixLibc() {}

    /** Held in a constant, so that each call below compiles to a direct call of the one implementation. */
    static final PosixCalls CALLS = NativeBinding.select(MethodHandles.lookup(), "FfmPosixCalls", PosixCalls.class,
            JnaPosixCalls::new);

    /** True if a heap array can go to the kernel as it is ({@link #recv(int, byte[], int, long, int)}). */
    public static final boolean HEAP_ARRAYS = CALLS.heapArrays();

    /** The errno of the last call on this thread. */
    public static int errno() {
        return CALLS.errno();
    }

    /** The native address of a direct buffer's start. */
    public static long directAddress(ByteBuffer direct) {
        return CALLS.directAddress(direct);
    }

    public static int socket(int domain, int type, int protocol) {
        return CALLS.socket(domain, type, protocol);
    }

    public static int socketpair(int domain, int type, int protocol, int[] sv) {
        return CALLS.socketpair(domain, type, protocol, sv);
    }

    public static int bind(int fd, long addr, int len) {
        return CALLS.bind(fd, addr, len);
    }

    public static int connect(int fd, long addr, int len) {
        return CALLS.connect(fd, addr, len);
    }

    public static int listen(int fd, int backlog) {
        return CALLS.listen(fd, backlog);
    }

    public static int accept(int fd, long addr, long lenPtr) {
        return CALLS.accept(fd, addr, lenPtr);
    }

    public static long recv(int fd, long buf, long len, int flags) {
        return CALLS.recv(fd, buf, len, flags);
    }

    public static long recvfrom(int fd, long buf, long len, int flags, long addr, long lenPtr) {
        return CALLS.recvfrom(fd, buf, len, flags, addr, lenPtr);
    }

    public static long send(int fd, long buf, long len, int flags) {
        return CALLS.send(fd, buf, len, flags);
    }

    public static long sendto(int fd, long buf, long len, int flags, long addr, int addrLen) {
        return CALLS.sendto(fd, buf, len, flags, addr, addrLen);
    }

    /** {@code recv} straight into {@code a[off..off+len)}: only where {@link #HEAP_ARRAYS}. */
    public static long recv(int fd, byte[] a, int off, long len, int flags) {
        return CALLS.recv(fd, a, off, len, flags);
    }

    /** {@code send} straight from {@code a[off..off+len)}: only where {@link #HEAP_ARRAYS}. */
    public static long send(int fd, byte[] a, int off, long len, int flags) {
        return CALLS.send(fd, a, off, len, flags);
    }

    public static int shutdown(int fd, int how) {
        return CALLS.shutdown(fd, how);
    }

    public static int close(int fd) {
        return CALLS.close(fd);
    }

    public static int setsockopt(int fd, int level, int name, long value, int len) {
        return CALLS.setsockopt(fd, level, name, value, len);
    }

    public static int getsockopt(int fd, int level, int name, long value, long lenPtr) {
        return CALLS.getsockopt(fd, level, name, value, lenPtr);
    }

    public static int getsockname(int fd, long addr, long lenPtr) {
        return CALLS.getsockname(fd, addr, lenPtr);
    }

    public static int getpeername(int fd, long addr, long lenPtr) {
        return CALLS.getpeername(fd, addr, lenPtr);
    }

    public static int fcntl(int fd, int cmd, int arg) {
        return CALLS.fcntl(fd, cmd, arg);
    }

    public static long recvmsg(int fd, long msg, int flags) {
        return CALLS.recvmsg(fd, msg, flags);
    }

    public static long sendmsg(int fd, long msg, int flags) {
        return CALLS.sendmsg(fd, msg, flags);
    }

    public static int open(String path, int flags) {
        return CALLS.open(path, flags);
    }

    public static String strerror(int errnum) {
        return CALLS.strerror(errnum);
    }

    public static int getaddrinfo(String node, String service, long hints, long[] res) {
        return CALLS.getaddrinfo(node, service, hints, res);
    }

    public static void freeaddrinfo(long res) {
        CALLS.freeaddrinfo(res);
    }

    public static String gai_strerror(int code) {
        return CALLS.gai_strerror(code);
    }
}
