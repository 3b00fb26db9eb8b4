package dev.weft;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Turns an OS error into the {@code java.net} exception that existing {@code catch} blocks
 * expect, keeping the errno ({@link OsError}). Providers and weft's core use it so that one
 * errno always becomes the same class on every OS.
 *
 * <pre>{@code
 * throw Errors.of(Errno.ECONNREFUSED, 111, "Connection refused", "connect 127.0.0.1:9");
 * }</pre>
 */
public final class Errors {
    private Errors() {}

    /**
     * The exception for an errno: {@code [Errno N] text (context)}, as Python prints it.
     *
     * @param context what was being done, e.g. {@code "bind 0.0.0.0:80"}; may be null
     */
    public static IOException of(Errno errno, int nativeErrno, String text, String context) {
        return make(errno, nativeErrno, message(nativeErrno, text, context));
    }

    static String message(int nativeErrno, String text, String context) {
        return "[Errno " + nativeErrno + "] " + text + (context == null ? "" : " (" + context + ")");
    }

    /** The exception class for an errno, with its message already made. */
    static IOException make(Errno errno, int nativeErrno, String msg) {
        return switch (errno) {
            case ECONNREFUSED -> new WeftConnectException(errno, nativeErrno, msg);
            case EADDRINUSE, EADDRNOTAVAIL -> new WeftBindException(errno, nativeErrno, msg);
            case EHOSTUNREACH, ENETUNREACH -> new WeftNoRouteToHostException(errno, nativeErrno, msg);
            case ECONNRESET -> new ConnectionResetException(errno, nativeErrno, msg);
            case ECONNABORTED -> new ConnectionAbortedException(errno, nativeErrno, msg);
            case EPIPE, ESHUTDOWN -> new BrokenPipeException(errno, nativeErrno, msg);
            case EAGAIN, EWOULDBLOCK, EINPROGRESS, EALREADY -> new WouldBlockException(errno, nativeErrno, msg);
            case ETIMEDOUT -> new WeftTimeoutException(nativeErrno, msg);
            case EBADF -> new SocketClosedException(errno, nativeErrno, msg);
            default -> new WeftSocketException(errno, nativeErrno, msg);
        };
    }

    /** "Socket closed": the call found the socket closed, or it was closed while waiting. */
    public static SocketClosedException closed() {
        return new SocketClosedException(Errno.EBADF, 0, "Socket closed");
    }

    /** The call's deadline passed after {@code bytes} had been transferred. */
    public static WeftTimeoutException timedOut(long bytes) {
        return new WeftTimeoutException("timed out", bytes);
    }

    /** The waiting thread was interrupted after {@code bytes} had been transferred. */
    public static InterruptedIOException interrupted(long bytes) {
        InterruptedIOException e = new InterruptedIOException("interrupted while waiting on a socket");
        e.bytesTransferred = (int) Math.min(Integer.MAX_VALUE, bytes);
        return e;
    }
}
