package dev.weft;

/**
 * The socket was closed before or during the call (Python's {@code OSError(EBADF)}). A thread blocked in a socket that another thread closes is woken with this.
 */
public class SocketClosedException extends WeftSocketException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public SocketClosedException(Errno errno, int nativeErrno, String message) {
        super(errno, nativeErrno, message);
    }
}
