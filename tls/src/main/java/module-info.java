/**
 * TLS for weft: {@link dev.weft.tls.TlsSocket}, a {@code javax.net.ssl.SSLEngine} driven over
 * any connected weft stream socket (TCP, AF_UNIX, VSOCK ...) with weft's blocking-style calls
 * and timeouts.
 */
module dev.weft.tls {
    requires transitive dev.weft;

    exports dev.weft.tls;
}
