package dev.weft;

/**
 * A call on a non-blocking socket (timeout {@code Duration.ZERO}) could not complete at once:
 * {@code EAGAIN}, {@code EINPROGRESS} (Python's {@code BlockingIOError}). Retry when the
 * socket is ready.
 *
 * <p>It is expected control flow in non-blocking code, thrown as often as data is missing,
 * so it carries no stack trace: capturing one cost ten times the system call. Its type,
 * errno and message say all there is.
 *
 * <pre>{@code
 * s.setBlocking(false);
 * try { n = s.recvInto(buf); } catch (WouldBlockException e) { n = 0; }
 * }</pre>
 */
public class WouldBlockException extends WeftSocketException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public WouldBlockException(Errno errno, int nativeErrno, String message) {
        super(errno, nativeErrno, message);
    }

    @Override
    public Throwable fillInStackTrace() {
        return this; // no stack trace: see the class comment
    }
}
