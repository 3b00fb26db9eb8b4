package dev.weft.interop;

import dev.weft.SockAddr;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * A {@link SocketFactory} whose sockets connect to one AF_UNIX path, whatever host and port
 * they are asked for: the convention of JDBC drivers' {@code socketFactory} (as junixsocket's
 * {@code AFUNIXSocketFactory}). The path is the constructor's argument (a driver's
 * {@code socketFactoryArg}) or, for drivers that call the no-argument constructor, the
 * system property {@value #PATH_PROPERTY}.
 *
 * <p><b>PostgreSQL</b> (pgjdbc passes {@code socketFactoryArg} to the String constructor;
 * the host and port of the URL are then only names):
 * <pre>{@code
 * jdbc:postgresql://localhost/app?socketFactory=dev.weft.interop.UnixSocketFactory
 *     &socketFactoryArg=/var/run/postgresql/.s.PGSQL.5432
 * }</pre>
 *
 * <p><b>MySQL and MariaDB.</b> MariaDB Connector/J (for MariaDB and MySQL servers) takes a
 * {@code javax.net.SocketFactory} by its no-argument constructor, so the path comes from the
 * system property:
 * <pre>{@code
 * -Dweft.interop.socketPath=/run/mysqld/mysqld.sock
 * jdbc:mariadb://localhost/app?socketFactory=dev.weft.interop.UnixSocketFactory
 * }</pre>
 * MySQL Connector/J wants its own interface, {@code com.mysql.cj.protocol.SocketFactory}
 * ({@code jdbc:mysql://localhost/app?socketFactory=com.example.WeftMysqlSockets}); its
 * {@code connect(host, port, props, timeout)} is a few lines over this class:
 * {@code var s = new UnixSocketFactory(path).createSocket(); s.connect(new InetSocketAddress(host, port), timeout); return (T) s;}
 *
 * <p>A path that does not exist (or refuses) fails at connect with the errno's
 * {@code java.net} exception naming the path; nothing is left open.
 */
public class UnixSocketFactory extends SocketFactory {
    /** The system property the no-argument constructor reads the socket path from. */
    public static final String PATH_PROPERTY = "weft.interop.socketPath";

    private final SockAddr.Unix target;

    /**
     * A factory for the path in {@value #PATH_PROPERTY}.
     *
     * @throws IllegalArgumentException if the property is not set, or names no valid path
     */
    public UnixSocketFactory() {
        this(pathFromProperty());
    }

    /**
     * A factory for {@code path} (a driver's {@code socketFactoryArg}).
     *
     * @throws IllegalArgumentException if {@code path} is null, empty or too long for {@code sun_path}
     */
    public UnixSocketFactory(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("UnixSocketFactory needs a socket path: the factory argument"
                    + " (e.g. JDBC socketFactoryArg) or -D" + PATH_PROPERTY + "=/path/to/socket");
        }
        this.target = SockAddr.unix(path);
    }

    private static String pathFromProperty() {
        String p = System.getProperty(PATH_PROPERTY);
        if (p == null || p.isEmpty()) {
            throw new IllegalArgumentException("UnixSocketFactory() reads the socket path from -D" + PATH_PROPERTY
                    + ", which is not set (or pass the path as the factory argument, e.g. JDBC socketFactoryArg)");
        }
        return p;
    }

    /** The path this factory's sockets connect to. */
    public SockAddr.Unix target() {
        return target;
    }

    /** An unconnected socket; its {@code connect}, to any address, goes to this factory's path. */
    @Override
    public Socket createSocket() throws IOException {
        return WeftSockets.fixedTarget(target);
    }

    /** A socket connected to this factory's path; {@code host} and {@code port} are ignored. */
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    /** As {@link #createSocket(String, int)}; the local address is ignored too. */
    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    /** As {@link #createSocket(String, int)}. */
    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    /** As {@link #createSocket(String, int)}. */
    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket s = createSocket();
        try {
            s.connect(WeftSocketImpl.PLACEHOLDER);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "UnixSocketFactory[" + target + "]";
    }
}
