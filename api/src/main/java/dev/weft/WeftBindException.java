package dev.weft;

/**
 * The address is in use or not available: {@code EADDRINUSE}, {@code EADDRNOTAVAIL}.
 */
public class WeftBindException extends java.net.BindException implements OsError {
    private static final long serialVersionUID = 1L;
    private final Errno errno;
    private final int nativeErrno;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public WeftBindException(Errno errno, int nativeErrno, String message) {
        super(message);
        this.errno = errno;
        this.nativeErrno = nativeErrno;
    }

    @Override
    public Errno errno() {
        return errno;
    }

    @Override
    public int nativeErrno() {
        return nativeErrno;
    }
}
