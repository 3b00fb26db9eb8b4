package dev.weft;

/**
 * The host or network is unreachable: {@code EHOSTUNREACH}, {@code ENETUNREACH}.
 */
public class WeftNoRouteToHostException extends java.net.NoRouteToHostException implements OsError {
    private static final long serialVersionUID = 1L;
    private final Errno errno;
    private final int nativeErrno;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public WeftNoRouteToHostException(Errno errno, int nativeErrno, String message) {
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
