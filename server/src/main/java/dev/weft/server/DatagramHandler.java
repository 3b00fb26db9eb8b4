package dev.weft.server;

import dev.weft.SockAddr;
import dev.weft.Socket;

/**
 * Serves one datagram of a {@link DatagramServer}, on its own virtual thread (Python's
 * {@code DatagramRequestHandler}, whose request is {@code (data, socket)}): reply with
 * {@code socket.sendTo(reply, from)}. A throw goes to the {@link ErrorHandler}.
 */
@FunctionalInterface
public interface DatagramHandler {
    /** Serves {@code data}, sent from {@code from} (null for an unnamed AF_UNIX sender), received on {@code socket}. */
    void handle(byte[] data, SockAddr from, Socket socket) throws Exception;
}
