/**
 * socketserver-style servers on virtual threads: {@link dev.weft.server.StreamServer} (TCP,
 * AF_UNIX stream, optionally TLS) and {@link dev.weft.server.DatagramServer} (UDP, AF_UNIX
 * datagrams). TLS needs {@code dev.weft.tls} on the module path; nothing else does.
 */
module dev.weft.server {
    requires transitive dev.weft;
    requires static dev.weft.tls;

    exports dev.weft.server;
}
