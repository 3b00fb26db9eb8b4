package dev.weft.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** Linux-only libc calls (direct mapping): {@code accept4} and epoll. */
final class LinuxLibc {
    private LinuxLibc() {}

    static {
        Native.register(LinuxLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    static native int accept4(int fd, long addr, long lenPtr, int flags);

    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epfd, int op, int fd, long event);

    static native int epoll_wait(int epfd, long events, int maxEvents, int timeout);

    static native int eventfd(int initval, int flags);

    static native long write(int fd, long buf, long count);

    static native int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout);

    static native int sendmmsg(int fd, long msgvec, int vlen, int flags);

    static native long sendfile(int outFd, int inFd, long offsetPtr, long count);
}
