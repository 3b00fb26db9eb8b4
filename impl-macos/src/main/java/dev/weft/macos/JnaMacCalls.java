package dev.weft.macos;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * {@link MacCalls} by JNA: the fixed-argument calls by direct mapping, {@code fcntl} and
 * {@code ioctl} through a {@link Library} interface, whose Java varargs JNA calls as C
 * varargs. Loading it loads libc: only a running macOS provider touches it.
 */
final class JnaMacCalls implements MacCalls {
    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static void load() {}

        static native int kqueue();

        static native int kevent(int kq, long changes, int nchanges, long events, int nevents, long timeout);

        static native int sendfile(int fd, int s, long offset, long lenPtr, long hdtr, int flags);
    }

    /** The variadic calls. */
    interface Variadic extends Library {
        Variadic INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Variadic.class);

        int fcntl(int fd, int cmd, Object... arg);

        int ioctl(int fd, long request, Object... arg);
    }

    JnaMacCalls() {
        Libc.load();
    }

    @Override
    public int kqueue() {
        return Libc.kqueue();
    }

    @Override
    public int kevent(int kq, long changes, int nchanges, long events, int nevents, long timeout) {
        return Libc.kevent(kq, changes, nchanges, events, nevents, timeout);
    }

    @Override
    public int sendfile(int fd, int s, long offset, long lenPtr, long hdtr, int flags) {
        return Libc.sendfile(fd, s, offset, lenPtr, hdtr, flags);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return Variadic.INSTANCE.fcntl(fd, cmd, arg);
    }

    @Override
    public int ioctl(int fd, long request, long argp) {
        return Variadic.INSTANCE.ioctl(fd, request, new Pointer(argp));
    }
}
