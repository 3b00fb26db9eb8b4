package dev.weft;

/**
 * Implemented by every weft exception that comes from the operating system, like Python's
 * {@code OSError}: the symbolic {@link Errno} and the native number, so nothing is lost when
 * an error becomes a {@code java.net} exception.
 *
 * <pre>{@code
 * try { s.connect(addr); }
 * catch (ConnectException e) { System.out.println(((OsError) e).errno()); } // ECONNREFUSED
 * }</pre>
 */
public interface OsError {
    /** The symbolic error, {@link Errno#UNKNOWN} when the provider cannot name it. */
    Errno errno();

    /** The number the OS reported ({@code errno}, or the Winsock error on Windows). */
    int nativeErrno();
}
