package dev.weft.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * A {@link SocketFactory} of TCP sockets on weft ({@link WeftNetSocket}s), for any library
 * that takes a {@code SocketFactory} (HTTP clients, JDBC drivers' {@code socketFactory},
 * LDAP, mail). The sockets behave as the JDK's: {@code createSocket(host, port)} resolves
 * {@code host} and connects to its first address.
 *
 * <pre>{@code
 * SocketFactory f = new WeftSocketFactory();
 * try (Socket s = f.createSocket("example.org", 80)) { ... }
 * // PostgreSQL over TCP on weft:
 * // jdbc:postgresql://db/app?socketFactory=dev.weft.interop.WeftSocketFactory
 * }</pre>
 */
public class WeftSocketFactory extends SocketFactory {
    /** A factory; it holds no state. */
    public WeftSocketFactory() {}

    /** An unconnected socket (IPv4 or IPv6, chosen by its first bind or connect). */
    @Override
    public Socket createSocket() throws IOException {
        return WeftSockets.socket(null);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress to, InetSocketAddress from) throws IOException {
        if (to.isUnresolved()) {
            throw new java.net.UnknownHostException(to.getHostName());
        }
        Socket s = WeftSockets.socket(null);
        try {
            if (from != null) {
                s.bind(from);
            }
            s.connect(to);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
