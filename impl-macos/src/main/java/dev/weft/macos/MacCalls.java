package dev.weft.macos;

/**
 * The Darwin-only C library calls, implemented by JNA ({@link JnaMacCalls}) and by
 * java.lang.foreign ({@code FfmMacCalls}), chosen with the POSIX calls by
 * {@code dev.weft.posix.NativeBinding}; errno is read through {@code PosixLibc.errno()}
 * either way. {@code fcntl} and {@code ioctl} are variadic, and Apple's arm64 ABI passes
 * variadic arguments on the stack, not in the registers a fixed argument goes to: both
 * bindings call them as C varargs.
 */
interface MacCalls {
    int kqueue();

    /** {@code int kevent(int kq, const struct kevent *changelist, int nchanges, struct kevent *eventlist, int nevents, const struct timespec *timeout)}. */
    int kevent(int kq, long changes, int nchanges, long events, int nevents, long timeout);

    /** BSD's {@code int sendfile(int fd, int s, off_t offset, off_t *len, struct sf_hdtr *hdtr, int flags)}. */
    int sendfile(int fd, int s, long offset, long lenPtr, long hdtr, int flags);

    /** {@code int fcntl(int fd, int cmd, ...)} with one {@code int}. */
    int fcntl(int fd, int cmd, int arg);

    /** {@code int ioctl(int fd, unsigned long request, ...)} with one pointer. */
    int ioctl(int fd, long request, long argp);
}
