package dev.weft;

/**
 * A socket error from the OS with no more specific class (Python's {@code OSError}).
 */
public class WeftSocketException extends java.net.SocketException implements OsError {
    private static final long serialVersionUID = 1L;
    private final Errno errno;
    private final int nativeErrno;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public WeftSocketException(Errno errno, int nativeErrno, String message) {
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
