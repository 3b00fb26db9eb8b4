package dev.weft.macos;

import dev.weft.posix.NativeBinding;
import java.lang.invoke.MethodHandles;

/**
 * Darwin-only libc calls through the binding {@link NativeBinding} chose
 * ({@link MacCalls}). Loading this class loads libc: only a running macOS provider touches it.
 */
final class MacLibc {
    private MacLibc() {}

    private static final MacCalls CALLS = NativeBinding.select(MethodHandles.lookup(), "FfmMacCalls", MacCalls.class,
            JnaMacCalls::new);

    static int kqueue() {
        return CALLS.kqueue();
    }

    static int kevent(int kq, long changes, int nchanges, long events, int nevents, long timeout) {
        return CALLS.kevent(kq, changes, nchanges, events, nevents, timeout);
    }

    static int sendfile(int fd, int s, long offset, long lenPtr, long hdtr, int flags) {
        return CALLS.sendfile(fd, s, offset, lenPtr, hdtr, flags);
    }

    static int fcntl(int fd, int cmd, int arg) {
        return CALLS.fcntl(fd, cmd, arg);
    }

    static int ioctl(int fd, long request, long argp) {
        return CALLS.ioctl(fd, request, argp);
    }
}
