package dev.weft;

import java.net.UnknownHostException;

/**
 * A failure of the host database ({@code gethostbyname_r}, {@code gethostbyaddr_r}), Python's
 * {@code socket.herror}: the {@code h_errno} code, its name and {@code hstrerror} text, in
 * CPython's message format {@code [Errno 1] Unknown host}.
 *
 * <pre>{@code
 * try { Sockets.getHostByAddr("192.0.2.1"); }
 * catch (HostException e) { if (e.hErrnoName().equals("HOST_NOT_FOUND")) ... }
 * }</pre>
 */
public class HostException extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final int hErrno;
    private final String hErrnoName;

    /** Creates the exception with the native {@code h_errno}, its name and the message. */
    public HostException(int hErrno, String hErrnoName, String message) {
        super(message);
        this.hErrno = hErrno;
        this.hErrnoName = hErrnoName;
    }

    /** The native {@code h_errno} value, as Python's {@code herror.errno}. */
    public int hErrno() {
        return hErrno;
    }

    /**
     * The code's name: {@code "HOST_NOT_FOUND"}, {@code "TRY_AGAIN"}, {@code "NO_RECOVERY"},
     * {@code "NO_DATA"}, {@code "NETDB_INTERNAL"}, or {@code "h_errno?"} if unknown.
     */
    public String hErrnoName() {
        return hErrnoName;
    }
}
