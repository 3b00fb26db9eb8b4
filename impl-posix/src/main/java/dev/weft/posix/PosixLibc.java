package dev.weft.posix;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The C library calls whose signatures POSIX fixes, bound by JNA direct mapping (a JNI
 * stub per method, no proxy). Pointers are passed as {@code long} addresses of native
 * memory weft owns; {@code size_t}/{@code ssize_t} are {@code long} (LP64 only, which
 * {@link PosixProvider#isLp64()} checks). A -1 result leaves the errno in
 * {@link Native#getLastError()}, read by {@link #errno()} in the same thread before
 * anything else can run on it.
 */
public final class PosixLibc {
    private PosixLibc() {}

    static {
        Native.register(PosixLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    /** The errno of the last call on this thread. */
    public static int errno() {
        return Native.getLastError();
    }

    public static native int socket(int domain, int type, int protocol);

    public static native int socketpair(int domain, int type, int protocol, int[] sv);

    public static native int bind(int fd, long addr, int len);

    public static native int connect(int fd, long addr, int len);

    public static native int listen(int fd, int backlog);

    public static native int accept(int fd, long addr, long lenPtr);

    public static native long recv(int fd, long buf, long len, int flags);

    public static native long recvfrom(int fd, long buf, long len, int flags, long addr, long lenPtr);

    public static native long send(int fd, long buf, long len, int flags);

    public static native long sendto(int fd, long buf, long len, int flags, long addr, int addrLen);

    public static native int shutdown(int fd, int how);

    public static native int close(int fd);

    public static native int setsockopt(int fd, int level, int name, long value, int len);

    public static native int getsockopt(int fd, int level, int name, long value, long lenPtr);

    public static native int getsockname(int fd, long addr, long lenPtr);

    public static native int getpeername(int fd, long addr, long lenPtr);

    public static native int fcntl(int fd, int cmd, int arg);

    public static native long recvmsg(int fd, long msg, int flags);

    public static native long sendmsg(int fd, long msg, int flags);

    public static native int open(String path, int flags);

    public static native String strerror(int errnum);

    public static native int getaddrinfo(String node, String service, long hints, long[] res);

    public static native void freeaddrinfo(long res);

    public static native String gai_strerror(int code);
}
