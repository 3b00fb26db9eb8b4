package dev.weft.macos;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Darwin-only libc calls. The fixed-argument ones are bound by direct mapping, like
 * {@code PosixLibc}; {@code fcntl} and {@code ioctl} are variadic, and Apple's arm64 ABI
 * passes variadic arguments on the stack, not in the registers a direct-mapped fixed
 * argument goes to, so they go through {@link Variadic}, whose Java varargs JNA calls as C
 * varargs. Loading this class loads libc: only a running macOS provider touches it.
 */
final class MacLibc {
    private MacLibc() {}

    static {
        Native.register(MacLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    static native int kqueue();

    /** {@code int kevent(int kq, const struct kevent *changelist, int nchanges, struct kevent *eventlist, int nevents, const struct timespec *timeout)}. */
    static native int kevent(int kq, long changes, int nchanges, long events, int nevents, long timeout);

    /** BSD's {@code int sendfile(int fd, int s, off_t offset, off_t *len, struct sf_hdtr *hdtr, int flags)}. */
    static native int sendfile(int fd, int s, long offset, long lenPtr, long hdtr, int flags);

    /** The variadic calls. */
    interface Variadic extends Library {
        Variadic INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Variadic.class);

        int fcntl(int fd, int cmd, Object... arg);

        /** {@code int ioctl(int fd, unsigned long request, ...)}. */
        int ioctl(int fd, long request, Object... arg);
    }
}
