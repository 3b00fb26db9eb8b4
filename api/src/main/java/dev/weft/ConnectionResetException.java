package dev.weft;

/**
 * The peer reset the connection: {@code ECONNRESET} (Python's {@code ConnectionResetError}).
 */
public class ConnectionResetException extends WeftSocketException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public ConnectionResetException(Errno errno, int nativeErrno, String message) {
        super(errno, nativeErrno, message);
    }
}
