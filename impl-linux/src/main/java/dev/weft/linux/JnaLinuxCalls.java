package dev.weft.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** {@link LinuxCalls} by JNA direct mapping. */
final class JnaLinuxCalls implements LinuxCalls {
    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static void load() {}

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

    JnaLinuxCalls() {
        Libc.load();
    }

    @Override
    public int accept4(int fd, long addr, long lenPtr, int flags) {
        return Libc.accept4(fd, addr, lenPtr, flags);
    }

    @Override
    public int epoll_create1(int flags) {
        return Libc.epoll_create1(flags);
    }

    @Override
    public int epoll_ctl(int epfd, int op, int fd, long event) {
        return Libc.epoll_ctl(epfd, op, fd, event);
    }

    @Override
    public int epoll_wait(int epfd, long events, int maxEvents, int timeout) {
        return Libc.epoll_wait(epfd, events, maxEvents, timeout);
    }

    @Override
    public int eventfd(int initval, int flags) {
        return Libc.eventfd(initval, flags);
    }

    @Override
    public long write(int fd, long buf, long count) {
        return Libc.write(fd, buf, count);
    }

    @Override
    public int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout) {
        return Libc.recvmmsg(fd, msgvec, vlen, flags, timeout);
    }

    @Override
    public int sendmmsg(int fd, long msgvec, int vlen, int flags) {
        return Libc.sendmmsg(fd, msgvec, vlen, flags);
    }

    @Override
    public long sendfile(int outFd, int inFd, long offsetPtr, long count) {
        return Libc.sendfile(outFd, inFd, offsetPtr, count);
    }
}
