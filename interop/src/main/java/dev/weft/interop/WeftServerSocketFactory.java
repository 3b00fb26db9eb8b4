package dev.weft.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import javax.net.ServerSocketFactory;

/**
 * A {@link ServerSocketFactory} of TCP server sockets on weft ({@link WeftNetServerSocket}s),
 * with the JDK's defaults: backlog 50 when not given, {@code SO_REUSEADDR} on, a wildcard
 * bind listening dual-stack where IPv6 exists.
 *
 * <pre>{@code
 * try (ServerSocket server = new WeftServerSocketFactory().createServerSocket(8080)) {
 *     java.net.Socket c = server.accept();
 * }
 * }</pre>
 */
public class WeftServerSocketFactory extends ServerSocketFactory {
    /** A factory; it holds no state. */
    public WeftServerSocketFactory() {}

    /** An unbound server socket. */
    @Override
    public ServerSocket createServerSocket() throws IOException {
        return WeftSockets.serverSocket(null);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
        ServerSocket s = WeftSockets.serverSocket(null);
        try {
            s.bind(ifAddress == null ? new InetSocketAddress(port) : new InetSocketAddress(ifAddress, port), backlog);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
