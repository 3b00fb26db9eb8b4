package dev.weft.linux;

import static dev.weft.posix.Ffm.I;
import static dev.weft.posix.Ffm.J;

import dev.weft.posix.Ffm;
import java.lang.invoke.MethodHandle;

/**
 * {@link LinuxCalls} by java.lang.foreign downcalls, through {@link Ffm} (which makes the
 * handles and captures errno). {@code epoll_wait} has two handles: the poller's
 * non-blocking waits (timeout 0, the common case on virtual threads) are critical, a wait
 * that can block is not.
 */
final class FfmLinuxCalls implements LinuxCalls {
    private static final MethodHandle ACCEPT4 = Ffm.critical("accept4", I, I, J, J, I);
    private static final MethodHandle EPOLL_CREATE1 = Ffm.critical("epoll_create1", I, I);
    private static final MethodHandle EPOLL_CTL = Ffm.critical("epoll_ctl", I, I, I, I, J);
    private static final MethodHandle EPOLL_POLL = Ffm.critical("epoll_wait", I, I, J, I, I);
    private static final MethodHandle EPOLL_WAIT = Ffm.blocking("epoll_wait", I, I, J, I, I);
    private static final MethodHandle EVENTFD = Ffm.critical("eventfd", I, I, I);
    private static final MethodHandle WRITE = Ffm.blocking("write", J, I, J, J);
    private static final MethodHandle RECVMMSG = Ffm.critical("recvmmsg", I, I, J, I, I, J);
    private static final MethodHandle SENDMMSG = Ffm.critical("sendmmsg", I, I, J, I, I);
    private static final MethodHandle SENDFILE = Ffm.blocking("sendfile", J, I, I, J, J);

    @Override
    public int accept4(int fd, long addr, long lenPtr, int flags) {
        try {
            return (int) ACCEPT4.invokeExact(Ffm.state(), fd, addr, lenPtr, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int epoll_create1(int flags) {
        try {
            return (int) EPOLL_CREATE1.invokeExact(Ffm.state(), flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int epoll_ctl(int epfd, int op, int fd, long event) {
        try {
            return (int) EPOLL_CTL.invokeExact(Ffm.state(), epfd, op, fd, event);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int epoll_wait(int epfd, long events, int maxEvents, int timeout) {
        try {
            return timeout == 0 ? (int) EPOLL_POLL.invokeExact(Ffm.state(), epfd, events, maxEvents, timeout)
                    : (int) EPOLL_WAIT.invokeExact(Ffm.state(), epfd, events, maxEvents, timeout);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int eventfd(int initval, int flags) {
        try {
            return (int) EVENTFD.invokeExact(Ffm.state(), initval, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long write(int fd, long buf, long count) {
        try {
            return (long) WRITE.invokeExact(Ffm.state(), fd, buf, count);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout) {
        try {
            return (int) RECVMMSG.invokeExact(Ffm.state(), fd, msgvec, vlen, flags, timeout);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int sendmmsg(int fd, long msgvec, int vlen, int flags) {
        try {
            return (int) SENDMMSG.invokeExact(Ffm.state(), fd, msgvec, vlen, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public long sendfile(int outFd, int inFd, long offsetPtr, long count) {
        try {
            return (long) SENDFILE.invokeExact(Ffm.state(), outFd, inFd, offsetPtr, count);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }
}
