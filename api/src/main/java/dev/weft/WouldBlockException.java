package dev.weft;

/**
 * A call on a non-blocking socket (timeout {@code Duration.ZERO}) could not complete at once: {@code EAGAIN}, {@code EINPROGRESS} (Python's {@code BlockingIOError}). Retry when the socket is ready.
 */
public class WouldBlockException extends WeftSocketException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public WouldBlockException(Errno errno, int nativeErrno, String message) {
        super(errno, nativeErrno, message);
    }
}
