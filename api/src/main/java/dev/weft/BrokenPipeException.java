package dev.weft;

/**
 * Writing to a connection whose peer is gone or whose sending side is shut down: {@code EPIPE} (Python's {@code BrokenPipeError}). weft never lets {@code SIGPIPE} fire.
 */
public class BrokenPipeException extends WeftSocketException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@link Errors#of} picks the class for an errno. */
    public BrokenPipeException(Errno errno, int nativeErrno, String message) {
        super(errno, nativeErrno, message);
    }
}
