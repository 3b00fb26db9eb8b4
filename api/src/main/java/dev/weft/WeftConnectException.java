package dev.weft;

/**
 * The peer refused the connection: {@code ECONNREFUSED} (Python's {@code ConnectionRefusedError}).
 */
public class WeftConnectException extends java.net.ConnectException implements OsError {
    private static final long serialVersionUID = 1L;
    private final Errno errno;
    private final int nativeErrno;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public WeftConnectException(Errno errno, int nativeErrno, String message) {
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
