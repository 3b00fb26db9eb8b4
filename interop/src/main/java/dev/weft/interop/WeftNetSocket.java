package dev.weft.interop;

import dev.weft.SockAddr;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * A {@link java.net.Socket} whose every call is a weft call: the JDK's {@code Socket} with a
 * weft {@link java.net.SocketImpl}, so its state rules (connected, bound, shut down, closed,
 * the streams whose {@code close} closes the socket) are the JDK's own. Made by
 * {@link WeftSockets}, {@link WeftSocketFactory} and {@link UnixSocketFactory}.
 *
 * <p>What differs from a JDK socket, and why:
 * <ul>
 * <li>{@link #connect(SocketAddress, int)} and {@link #bind(SocketAddress)} also take a
 *     {@link java.net.UnixDomainSocketAddress} or a {@link WeftSocketAddress} (any family
 *     weft has: AF_UNIX abstract names, VSOCK ...), and
 *     {@link #getRemoteSocketAddress()}/{@link #getLocalSocketAddress()} return those forms;
 *     {@code getInetAddress()} is the loopback address and the ports -1/0 for them.
 * <li>{@code SO_TIMEOUT} bounds reads only, as in the JDK; it is the weft socket's timeout
 *     ({@link #unwrap()}{@code .getTimeout()}), and writes through this socket are never
 *     bounded by it. Calls made on {@link #unwrap()} follow weft's rules (a timeout bounds
 *     the whole call, {@code sendAll} included).
 * <li>An interrupt: a virtual thread blocked in connect, read or write closes the socket
 *     and gets {@code SocketException("Closed by interrupt")}, as in the JDK. A platform
 *     thread's call ends with {@link java.io.InterruptedIOException} and the socket stays
 *     open (the JDK's would ignore the interrupt and keep blocking).
 * <li>{@link #getChannel()} returns null, as for every socket not made by a
 *     {@link SocketChannel}: weft sockets are not selectable. {@code unwrap().channel()} is
 *     weft's channel view.
 * <li>{@code setTcpNoDelay} and {@code setTrafficClass} on an AF_UNIX socket are
 *     remembered but reach no kernel option (JDBC drivers call them whatever the socket;
 *     junixsocket does the same); {@code setOption} with them throws
 *     {@link UnsupportedOperationException}, as the JDK's AF_UNIX channels do.
 * </ul>
 *
 * <pre>{@code
 * try (java.net.Socket s = WeftSockets.socket(Family.UNIX)) {
 *     s.connect(UnixDomainSocketAddress.of("/run/app.sock"), 2_000);
 *     s.setSoTimeout(5_000);
 *     s.getOutputStream().write(request);
 *     int n = s.getInputStream().read(reply);
 *     dev.weft.Socket w = ((WeftNetSocket) s).unwrap();   // weft's own calls
 * }
 * }</pre>
 */
public final class WeftNetSocket extends java.net.Socket {
    private final WeftSocketImpl impl;

    WeftNetSocket(WeftSocketImpl impl) throws SocketException {
        super(impl);
        this.impl = impl;
    }

    /**
     * Connects, with a timeout in milliseconds (0: none). A failure closes the socket, as
     * {@code java.net} does; with a {@link UnixSocketFactory} socket the address given is
     * ignored and the factory's path is connected.
     */
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        impl.withAddress(endpoint, a -> super.connect(a, timeout));
    }

    /** Binds; takes the same address forms as {@link #connect(SocketAddress, int)}. */
    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        impl.withAddress(bindpoint, super::bind);
    }

    /** The peer's address in its {@code java.net} form (see {@link WeftSockets#socketAddress}); null until connected. */
    @Override
    public SocketAddress getRemoteSocketAddress() {
        SockAddr r = impl.remoteSockAddr();
        return isConnected() && r != null ? WeftSockets.socketAddress(r) : null;
    }

    /** This side's address in its {@code java.net} form; null until bound. */
    @Override
    public SocketAddress getLocalSocketAddress() {
        SockAddr l = impl.localSockAddr();
        return isBound() && l != null ? WeftSockets.socketAddress(l) : null;
    }

    /**
     * The weft socket underneath, for what {@code java.net} lacks (descriptor passing,
     * {@code recvMsg}, raw options, weft's whole-call timeouts). It exists from the start
     * for a socket of a fixed family, after the first bind or connect for TCP.
     *
     * @throws IllegalStateException before it exists
     */
    public dev.weft.Socket unwrap() {
        dev.weft.Socket s = impl.weftSocket();
        if (s == null) {
            throw new IllegalStateException("no weft socket yet: an IP socket gets one at its first bind or connect");
        }
        return s;
    }

    dev.weft.Socket weftSocketOrNull() {
        return impl.weftSocket();
    }

    /** Always null: weft sockets have no {@link SocketChannel} (see the class comment). */
    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public String toString() {
        return "WeftNetSocket" + (isClosed() ? "[closed]" : Objects.toString(impl));
    }
}
