package dev.weft;

import java.net.SocketTimeoutException;

/**
 * A call did not finish within the socket's timeout (Python's {@code TimeoutError}, once
 * {@code socket.timeout}). {@link #bytesTransferred} says how much of the call had already
 * gone through, e.g. how much of a {@link Socket#sendAll} was sent; the socket stays usable.
 * A timeout the kernel reports ({@code ETIMEDOUT} from a TCP keep-alive) has its native
 * errno; a deadline weft enforces has native errno 0.
 *
 * <pre>{@code
 * try { s.sendAll(data); }
 * catch (SocketTimeoutException e) { resumeFrom(e.bytesTransferred); }
 * }</pre>
 */
public class WeftTimeoutException extends SocketTimeoutException implements OsError {
    private static final long serialVersionUID = 1L;
    private final int nativeErrno;

    /** A deadline timeout with {@code bytes} already transferred. */
    public WeftTimeoutException(String message, long bytes) {
        this(0, message);
        this.bytesTransferred = (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A timeout reported by the kernel as {@code ETIMEDOUT}. */
    public WeftTimeoutException(int nativeErrno, String message) {
        super(message);
        this.nativeErrno = nativeErrno;
    }

    @Override
    public Errno errno() {
        return Errno.ETIMEDOUT;
    }

    @Override
    public int nativeErrno() {
        return nativeErrno;
    }
}
