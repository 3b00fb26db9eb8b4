package dev.weft;

/**
 * The connection was aborted locally: {@code ECONNABORTED} (Python's {@code ConnectionAbortedError}).
 */
public class ConnectionAbortedException extends WeftSocketException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public ConnectionAbortedException(Errno errno, int nativeErrno, String message) {
        super(errno, nativeErrno, message);
    }
}
