package dev.weft.server;

import dev.weft.SockAddr;
import java.io.IOException;
import java.time.Duration;

/**
 * Where a server reports what goes wrong without stopping it (Python's
 * {@code handle_error}). An exception thrown by the hook itself is dropped: a hook cannot
 * kill the server either.
 *
 * <pre>{@code
 * StreamServer.tcp("127.0.0.1", 8080)
 *     .errorHandler((peer, e) -> log.warn("handler for " + peer + " failed", e))
 *     .build(handler);
 * }</pre>
 */
@FunctionalInterface
public interface ErrorHandler {
    /** The default: a line and the stack trace on {@code System.err}, as Python's {@code handle_error}. */
    ErrorHandler STDERR = (peer, error) -> {
        System.err.println("weft server: exception while handling a request from " + peer);
        error.printStackTrace();
    };

    /**
     * A handler threw {@code error} (or a TLS handshake failed) for the client at
     * {@code peer} (null where the family has no address); the connection is closed and the
     * server goes on.
     */
    void handlerFailed(SockAddr peer, Throwable error);

    /**
     * {@code accept} (or a datagram server's receive) failed for lack of resources
     * ({@code EMFILE}, {@code ENFILE}, {@code ENOBUFS}, {@code ENOMEM}): the server waits
     * {@code retryIn}, doubling up to a second while the error lasts, and tries again.
     */
    default void acceptFailed(IOException error, Duration retryIn) {
        System.err.println("weft server: " + error + "; retrying in " + retryIn.toMillis() + " ms");
    }

    /** The accept loop run by {@link Server#start()} ended on an error it cannot survive. */
    default void serverFailed(Throwable error) {
        System.err.println("weft server: stopped");
        error.printStackTrace();
    }
}
