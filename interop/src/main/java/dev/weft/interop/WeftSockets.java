package dev.weft.interop;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Entry points of the {@code java.net} adapters, and the address conversions they use.
 *
 * <p><b>Sockets.</b> {@link #javaNetSocket(Socket)} and {@link #javaNetServerSocket(Socket)}
 * show a weft socket you already have to code that takes a {@code java.net.Socket} or
 * {@code ServerSocket} (a driver, the JDK's {@code SSLSocketFactory.createSocket(socket,
 * host, port, autoClose)}); {@link #socket(Family)} and {@link #serverSocket(Family)} make
 * unconnected ones of any stream family. Each is the JDK's class over a weft
 * {@link java.net.SocketImpl}: {@link WeftNetSocket} says what differs, and
 * {@link WeftNetSocket#unwrap()} gives the weft socket back.
 *
 * <p><b>Addresses.</b> {@link #socketAddress(SockAddr)} and {@link #sockAddr(SocketAddress)}:
 * <table>
 * <caption>weft and java.net addresses</caption>
 * <tr><th>weft</th><th>java.net</th></tr>
 * <tr><td>{@code SockAddr.Inet4} / {@code Inet6}</td><td>{@code InetSocketAddress}
 *     (an IPv4-mapped IPv6 address becomes the {@code Inet4Address}, as the JDK reports
 *     peers of a dual-stack socket; the scope id is kept)</td></tr>
 * <tr><td>{@code SockAddr.Unix} path</td><td>{@code UnixDomainSocketAddress}</td></tr>
 * <tr><td>any other (abstract name, VSOCK, netlink, raw)</td><td>{@link WeftSocketAddress}</td></tr>
 * </table>
 * {@code sockAddr} resolves an unresolved {@code InetSocketAddress} (first result); weft's
 * own {@link SockAddr#toSocketAddress()} and {@link SockAddr#of(SocketAddress)} are the same
 * conversions without the {@link WeftSocketAddress} case.
 *
 * <pre>{@code
 * dev.weft.Socket w = Sockets.createConnection("db.example", 5432, Duration.ofSeconds(5), null);
 * java.net.Socket s = WeftSockets.javaNetSocket(w);
 * SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(s, "db.example", 5432, true);
 * }</pre>
 */
public final class WeftSockets {
    private WeftSockets() {}

    /**
     * A {@code java.net.Socket} over a connected weft stream socket, which it now owns
     * (closing either closes both). Its {@code SO_TIMEOUT} starts as the weft socket's timeout.
     *
     * @throws java.net.SocketException if {@code s} is closed or not connected
     * @throws IllegalArgumentException if {@code s} is not a stream socket
     */
    public static WeftNetSocket javaNetSocket(Socket s) throws IOException {
        WeftNetSocket j = new WeftNetSocket(WeftSocketImpl.adopt(s, false));
        j.connect(WeftSocketImpl.PLACEHOLDER); // only marks it connected: the impl adopted s
        return j;
    }

    /**
     * A {@code java.net.ServerSocket} over a bound, listening weft stream socket, which it
     * now owns.
     *
     * @throws java.net.SocketException if {@code s} is closed or not bound
     */
    public static WeftNetServerSocket javaNetServerSocket(Socket s) throws IOException {
        WeftNetServerSocket j = new WeftNetServerSocket(WeftSocketImpl.adopt(s, true));
        j.bind(WeftSocketImpl.PLACEHOLDER); // only marks it bound: the impl adopted s
        return j;
    }

    /**
     * An unconnected {@code java.net.Socket} of {@code family}: {@code null} for TCP (IPv4 or
     * IPv6, chosen by the first bind or connect), {@link Family#UNIX}, or any stream family
     * the provider has (connect it with a {@link WeftSocketAddress}).
     */
    public static WeftNetSocket socket(Family family) throws IOException {
        return new WeftNetSocket(new WeftSocketImpl(ip(family) ? null : family, false, null));
    }

    /** An unbound {@code java.net.ServerSocket} of {@code family} ({@code null} for TCP, as {@link #socket}). */
    public static WeftNetServerSocket serverSocket(Family family) throws IOException {
        return new WeftNetServerSocket(new WeftSocketImpl(ip(family) ? null : family, true, null));
    }

    /** An unconnected socket that connects to {@code target} whatever address it is given (UnixSocketFactory's). */
    static WeftNetSocket fixedTarget(SockAddr target) throws IOException {
        return new WeftNetSocket(new WeftSocketImpl(target.family(), false, target));
    }

    private static boolean ip(Family f) {
        return f == null || f == Family.INET || f == Family.INET6;
    }

    /** The weft socket under {@code s}, if it is one of these adapters. */
    public static java.util.Optional<Socket> unwrap(java.net.Socket s) {
        return s instanceof WeftNetSocket w ? java.util.Optional.ofNullable(w.weftSocketOrNull()) : java.util.Optional.empty();
    }

    /** The {@code java.net} form of a weft address (table above). */
    public static SocketAddress socketAddress(SockAddr a) {
        Objects.requireNonNull(a, "address");
        if (a instanceof SockAddr.Inet6 v6 && isMapped(v6.address())) {
            try {
                // InetAddress.getByAddress turns a mapped address into its Inet4Address.
                return new InetSocketAddress(InetAddress.getByAddress(v6.address().getAddress()), v6.port());
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // 16 bytes are always a valid address
            }
        }
        if (a instanceof SockAddr.Inet4 || a instanceof SockAddr.Inet6
                || a instanceof SockAddr.Unix u && !u.isAbstract()) {
            return a.toSocketAddress();
        }
        return new WeftSocketAddress(a);
    }

    /**
     * The weft form of a {@code java.net} address (table above).
     *
     * @throws IllegalArgumentException for a {@code SocketAddress} class it does not know
     * @throws UnknownHostException if an unresolved address does not resolve
     */
    public static SockAddr sockAddr(SocketAddress a) throws IOException {
        Objects.requireNonNull(a, "address");
        if (a instanceof WeftSocketAddress w) {
            return w.sockAddr();
        }
        return SockAddr.of(a);
    }

    private static boolean isMapped(Inet6Address a) {
        byte[] b = a.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }
}
