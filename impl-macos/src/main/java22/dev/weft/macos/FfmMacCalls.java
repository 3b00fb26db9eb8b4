package dev.weft.macos;

import static dev.weft.posix.Ffm.I;
import static dev.weft.posix.Ffm.J;

import dev.weft.posix.Ffm;
import java.lang.invoke.MethodHandle;

/**
 * {@link MacCalls} by java.lang.foreign downcalls, through {@link Ffm}. {@code fcntl} and
 * {@code ioctl} are bound as variadic from their third argument, which is what Apple's
 * arm64 ABI needs; {@code kevent} may wait (the master's blocking wait), so it is not critical.
 */
final class FfmMacCalls implements MacCalls {
    private static final MethodHandle KQUEUE = Ffm.critical("kqueue", I);
    private static final MethodHandle KEVENT = Ffm.blocking("kevent", I, I, J, I, J, I, J);
    private static final MethodHandle SENDFILE = Ffm.blocking("sendfile", I, I, I, J, J, J, I);
    private static final MethodHandle FCNTL = Ffm.variadic("fcntl", 2, I, I, I, I);
    private static final MethodHandle IOCTL = Ffm.variadic("ioctl", 2, I, I, J, J);

    @Override
    public int kqueue() {
        try {
            return (int) KQUEUE.invokeExact(Ffm.state());
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int kevent(int kq, long changes, int nchanges, long events, int nevents, long timeout) {
        try {
            return (int) KEVENT.invokeExact(Ffm.state(), kq, changes, nchanges, events, nevents, timeout);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int sendfile(int fd, int s, long offset, long lenPtr, long hdtr, int flags) {
        try {
            return (int) SENDFILE.invokeExact(Ffm.state(), fd, s, offset, lenPtr, hdtr, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        try {
            return (int) FCNTL.invokeExact(Ffm.state(), fd, cmd, arg);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int ioctl(int fd, long request, long argp) {
        try {
            return (int) IOCTL.invokeExact(Ffm.state(), fd, request, argp);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }
}
