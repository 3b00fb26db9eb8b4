package dev.weft.server;

import dev.weft.SockAddr;

/**
 * Serves one connection of a {@link StreamServer}, on its own virtual thread (Python's
 * {@code BaseRequestHandler.handle}). The server closes the connection when this returns
 * or throws; a throw goes to the {@link ErrorHandler}.
 *
 * @param <C> {@link dev.weft.Socket}, or {@code dev.weft.tls.TlsSocket} for a TLS server
 */
@FunctionalInterface
public interface StreamHandler<C> {
    /** Serves {@code connection}, from {@code peer} (an unnamed address for most AF_UNIX clients). */
    void handle(C connection, SockAddr peer) throws Exception;
}
