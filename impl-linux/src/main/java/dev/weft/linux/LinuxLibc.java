package dev.weft.linux;

import dev.weft.posix.NativeBinding;
import java.lang.invoke.MethodHandles;

/** Linux-only libc calls, {@code accept4} and epoll, through the binding {@link NativeBinding} chose. */
final class LinuxLibc {
    private LinuxLibc() {}

    private static final LinuxCalls CALLS = NativeBinding.select(MethodHandles.lookup(), "FfmLinuxCalls", LinuxCalls.class,
            JnaLinuxCalls::new);

    static int accept4(int fd, long addr, long lenPtr, int flags) {
        return CALLS.accept4(fd, addr, lenPtr, flags);
    }

    static int epoll_create1(int flags) {
        return CALLS.epoll_create1(flags);
    }

    static int epoll_ctl(int epfd, int op, int fd, long event) {
        return CALLS.epoll_ctl(epfd, op, fd, event);
    }

    static int epoll_wait(int epfd, long events, int maxEvents, int timeout) {
        return CALLS.epoll_wait(epfd, events, maxEvents, timeout);
    }

    static int eventfd(int initval, int flags) {
        return CALLS.eventfd(initval, flags);
    }

    static long write(int fd, long buf, long count) {
        return CALLS.write(fd, buf, count);
    }

    static int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout) {
        return CALLS.recvmmsg(fd, msgvec, vlen, flags, timeout);
    }

    static int sendmmsg(int fd, long msgvec, int vlen, int flags) {
        return CALLS.sendmmsg(fd, msgvec, vlen, flags);
    }

    static long sendfile(int outFd, int inFd, long offsetPtr, long count) {
        return CALLS.sendfile(outFd, inFd, offsetPtr, count);
    }
}
