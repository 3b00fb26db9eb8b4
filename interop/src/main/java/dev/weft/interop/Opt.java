package dev.weft.interop;

import dev.weft.Family;
import dev.weft.SockOpt;
import dev.weft.Socket;
import java.io.IOException;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.net.StandardSocketOptions;
import java.util.Set;

/**
 * The socket options a {@code java.net} socket has, each with its {@link StandardSocketOptions}
 * key, its legacy {@link SocketOptions} number and the weft option it is. One home for the
 * mapping; {@link WeftSocketImpl} keeps values set before the socket exists.
 */
enum Opt {
    TCP_NODELAY(StandardSocketOptions.TCP_NODELAY, SocketOptions.TCP_NODELAY, SockOpt.TCP_NODELAY, false),
    SO_KEEPALIVE(StandardSocketOptions.SO_KEEPALIVE, SocketOptions.SO_KEEPALIVE, SockOpt.SO_KEEPALIVE, false),
    SO_REUSEADDR(StandardSocketOptions.SO_REUSEADDR, SocketOptions.SO_REUSEADDR, SockOpt.SO_REUSEADDR, false),
    SO_REUSEPORT(StandardSocketOptions.SO_REUSEPORT, SocketOptions.SO_REUSEPORT, SockOpt.SO_REUSEPORT, false),
    SO_RCVBUF(StandardSocketOptions.SO_RCVBUF, SocketOptions.SO_RCVBUF, SockOpt.SO_RCVBUF, null),
    SO_SNDBUF(StandardSocketOptions.SO_SNDBUF, SocketOptions.SO_SNDBUF, SockOpt.SO_SNDBUF, null),
    SO_LINGER(StandardSocketOptions.SO_LINGER, SocketOptions.SO_LINGER, SockOpt.SO_LINGER, -1),
    IP_TOS(StandardSocketOptions.IP_TOS, SocketOptions.IP_TOS, SockOpt.IP_TOS, 0),
    /** No {@link StandardSocketOptions} key: only {@code Socket.setOOBInline} reaches it. */
    SO_OOBINLINE(null, SocketOptions.SO_OOBINLINE, SockOpt.SO_OOBINLINE, false);

    final SocketOption<?> standard;
    final int legacy;
    final SockOpt<?> weft;
    /** What an unconnected socket reports before anything is set; null: ask the kernel. */
    final Object initial;

    Opt(SocketOption<?> standard, int legacy, SockOpt<?> weft, Object initial) {
        this.standard = standard;
        this.legacy = legacy;
        this.weft = weft;
        this.initial = initial;
    }

    static Opt ofStandard(SocketOption<?> o) {
        for (Opt x : values()) {
            if (o.equals(x.standard)) {
                return x;
            }
        }
        return null;
    }

    static Opt ofLegacy(int id) {
        for (Opt x : values()) {
            if (x.legacy == id) {
                return x;
            }
        }
        return null;
    }

    /** The options {@code setOption(SocketOption)} takes on a socket of this family (the JDK's sets). */
    static Set<SocketOption<?>> supported(Family family, boolean server) {
        if (family != null && family != Family.INET && family != Family.INET6) {
            // What the JDK's own AF_UNIX channels support.
            return server ? Set.of(StandardSocketOptions.SO_RCVBUF)
                    : Set.of(StandardSocketOptions.SO_SNDBUF, StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_LINGER);
        }
        return server
                ? Set.of(StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEPORT)
                : Set.of(StandardSocketOptions.TCP_NODELAY, StandardSocketOptions.SO_KEEPALIVE, StandardSocketOptions.SO_REUSEADDR,
                        StandardSocketOptions.SO_REUSEPORT, StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF,
                        StandardSocketOptions.SO_LINGER, StandardSocketOptions.IP_TOS);
    }

    /** Checks and normalises a value as {@code java.net} does; legacy {@code SO_LINGER} false means off. */
    Object check(Object value) {
        if (this == SO_LINGER && Boolean.FALSE.equals(value)) {
            return -1;
        }
        Class<?> want = weft.type();
        if (!want.isInstance(value)) {
            throw new IllegalArgumentException("Bad value for " + name() + ": " + value);
        }
        if ((this == SO_RCVBUF || this == SO_SNDBUF) && (Integer) value <= 0) {
            throw new IllegalArgumentException("Invalid " + name() + " size: " + value);
        }
        if (this == IP_TOS && ((Integer) value < 0 || (Integer) value > 255)) {
            throw new IllegalArgumentException("Invalid IP_TOS value: " + value);
        }
        return value;
    }

    /** Sets the option on the weft socket; IP_TOS is {@code IPV6_TCLASS} on an IPv6 socket. */
    @SuppressWarnings("unchecked")
    void set(Socket s, Object value) throws IOException {
        if (this == IP_TOS && s.family() == Family.INET6) {
            s.setOption(SockOpt.IPV6_TCLASS, (Integer) value);
            return;
        }
        s.setOption((SockOpt<Object>) weft, value);
    }

    Object get(Socket s) throws IOException {
        if (this == IP_TOS && s.family() == Family.INET6) {
            return s.getOption(SockOpt.IPV6_TCLASS);
        }
        Object v = s.getOption(weft);
        if (this == SO_LINGER && (Integer) v < 0) {
            return -1;
        }
        return v;
    }

    /** Whether the kernel has this option for {@code family} (null: IP); the others are remembered only (as junixsocket does). */
    boolean appliesTo(Family family) {
        boolean ip = family == null || family == Family.INET || family == Family.INET6;
        return ip || (this != TCP_NODELAY && this != IP_TOS && this != SO_OOBINLINE);
    }
}
