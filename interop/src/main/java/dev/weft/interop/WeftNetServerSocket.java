package dev.weft.interop;

import dev.weft.SockAddr;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;

/**
 * A {@link java.net.ServerSocket} whose every call is a weft call (the JDK's class over a
 * weft {@link java.net.SocketImpl}); {@link #accept()} returns {@link WeftNetSocket}s.
 * {@code SO_TIMEOUT} bounds {@code accept}; {@code close()} wakes a thread blocked in it;
 * a virtual thread interrupted in {@code accept} closes it ("Closed by interrupt"), as in
 * the JDK. {@link #bind(SocketAddress, int)} also takes a
 * {@link java.net.UnixDomainSocketAddress} or a {@link WeftSocketAddress}. Bound to the
 * IPv4 wildcard it listens dual-stack where IPv6 exists, as the JDK's does.
 *
 * <pre>{@code
 * try (ServerSocket server = WeftSockets.serverSocket(Family.UNIX)) {
 *     server.bind(UnixDomainSocketAddress.of("/run/app.sock"));
 *     try (java.net.Socket c = server.accept()) {
 *         c.getInputStream().transferTo(c.getOutputStream());
 *     }
 * }
 * }</pre>
 */
public final class WeftNetServerSocket extends java.net.ServerSocket {
    private final WeftSocketImpl impl;

    WeftNetServerSocket(WeftSocketImpl impl) throws IOException {
        super(impl);
        this.impl = impl;
    }

    /** Binds and listens; {@code backlog < 1} is the JDK's default of 50. */
    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        impl.withAddress(endpoint, a -> super.bind(a, backlog));
    }

    /** Waits for a connection (at most {@code SO_TIMEOUT}); the new socket is a {@link WeftNetSocket}. */
    @Override
    public WeftNetSocket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        if (!isBound()) {
            throw new SocketException("Socket is not bound yet");
        }
        WeftNetSocket s = new WeftNetSocket(new WeftSocketImpl(impl.family(), false, null));
        implAccept(s);
        return s;
    }

    /** The bound address in its {@code java.net} form; null until bound. */
    @Override
    public SocketAddress getLocalSocketAddress() {
        SockAddr l = impl.localSockAddr();
        return isBound() && l != null ? WeftSockets.socketAddress(l) : null;
    }

    /**
     * The listening weft socket underneath.
     *
     * @throws IllegalStateException before the first bind of an IP server socket
     */
    public dev.weft.Socket unwrap() {
        dev.weft.Socket s = impl.weftSocket();
        if (s == null) {
            throw new IllegalStateException("no weft socket yet: an IP server socket gets one at its bind");
        }
        return s;
    }

    /** Always null: weft sockets have no {@link ServerSocketChannel}. */
    @Override
    public ServerSocketChannel getChannel() {
        return null;
    }

    @Override
    public String toString() {
        return "WeftNetServerSocket" + (isClosed() ? "[closed]" : Objects.toString(impl));
    }
}
