package dev.weft;

import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Python's {@code socket} module functions: socket pairs, connections and servers in one
 * call, the resolver, the default timeout and the capability query.
 *
 * <pre>{@code
 * try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
 *      Socket client = Sockets.createConnection(server.getSockName(), Duration.ofSeconds(2), null)) {
 *     ...
 * }
 * }</pre>
 */
public final class Sockets {
    private Sockets() {}

    private static volatile long defaultTimeout = -1;

    // ---- the provider ---------------------------------------------------------------

    /** The provider chosen for this JVM (highest priority supported, or {@code -Dweft.provider}). */
    public static SocketProvider provider() {
        return ProviderContext.get().provider;
    }

    /** True if the running OS and kernel offer {@code capability} (and no property switched it off). */
    public static boolean supports(Capability capability) {
        return ProviderContext.get().capabilities.contains(capability);
    }

    /** Every capability of the running OS and kernel. */
    public static Set<Capability> capabilities() {
        return ProviderContext.get().capabilities;
    }

    /** A constant's value on this OS, e.g. {@code constant("SO_REUSEADDR", -1)}. */
    public static int constant(String name, int fallback) {
        Integer v = provider().constants().get(name);
        return v == null ? fallback : v;
    }

    static int requireConstant(SocketProvider p, String name) {
        Integer v = p.constants().get(name);
        if (v == null) {
            throw new UnsupportedOperationException(name + " is not available on " + p.name());
        }
        return v;
    }

    // ---- timeouts -------------------------------------------------------------------

    /**
     * Python's {@code setdefaulttimeout}: the timeout of sockets created from now on
     * ({@code null} blocking, {@code ZERO} non-blocking).
     */
    public static void setDefaultTimeout(Duration timeout) {
        defaultTimeout = toNanos(timeout);
    }

    /** Python's {@code getdefaulttimeout}. */
    public static Duration getDefaultTimeout() {
        long t = defaultTimeout;
        return t < 0 ? null : Duration.ofNanos(t);
    }

    static long defaultTimeoutNanos() {
        return defaultTimeout;
    }

    static long toNanos(Duration timeout) {
        if (timeout == null) {
            return -1;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Timeout value out of range: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    // ---- creation -------------------------------------------------------------------

    /** Two connected sockets ({@code socketpair(2)}); closing the pair closes both. */
    public record SocketPair(Socket first, Socket second) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    /** Python's {@code socketpair()}: a connected {@code AF_UNIX} stream pair. */
    public static SocketPair socketPair() throws IOException {
        return socketPair(Family.UNIX, SocketType.STREAM, 0);
    }

    /** Python's {@code socketpair(family, type, proto)}. */
    public static SocketPair socketPair(Family family, SocketType type, int proto) throws IOException {
        return socketPair(ProviderContext.get(), family, type, proto);
    }

    /** {@code socketPair} on an explicit provider. */
    public static SocketPair socketPair(SocketProvider provider, Family family, SocketType type, int proto) throws IOException {
        return socketPair(ProviderContext.of(provider), family, type, proto);
    }

    private static SocketPair socketPair(ProviderContext ctx, Family family, SocketType type, int proto) throws IOException {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(type, "type");
        SocketProvider p = ctx.provider;
        int nf = p.nativeFamily(family);
        int nt = p.nativeType(type);
        long[] fds = new long[2];
        int r = p.socketPair(nf, nt, proto, fds);
        if (r < 0) {
            throw ctx.error(r, "socketpair");
        }
        Socket a;
        try {
            a = Socket.adopt(ctx, fds[0], nf, nt, proto);
        } catch (IOException e) {
            p.close(fds[1]);
            throw e;
        }
        try {
            return new SocketPair(a, Socket.adopt(ctx, fds[1], nf, nt, proto));
        } catch (IOException e) {
            a.close();
            throw e;
        }
    }

    /**
     * Python's {@code create_connection}: resolves {@code host} and tries each address in
     * order until one connects, all within {@code timeout} ({@code null}: each attempt
     * blocks; the socket keeps this timeout). When all fail, the error of the last attempt
     * is thrown with the others attached as suppressed.
     *
     * @param source local address to bind first, or null
     */
    public static Socket createConnection(String host, int port, Duration timeout, SockAddr source) throws IOException {
        List<SockAddr> targets = new ArrayList<>();
        for (AddrInfo ai : getAddrInfo(host, port, Family.UNSPEC, SocketType.STREAM, 0, 0)) {
            targets.add(ai.address());
        }
        return connectFirst(targets, timeout, source);
    }

    /** {@code create_connection} to one address. */
    public static Socket createConnection(SockAddr address, Duration timeout, SockAddr source) throws IOException {
        return connectFirst(List.of(address), timeout, source);
    }

    private static Socket connectFirst(List<SockAddr> targets, Duration timeout, SockAddr source) throws IOException {
        long total = toNanos(timeout);
        long start = System.nanoTime();
        IOException failure = null;
        for (SockAddr target : targets) {
            Socket s = Socket.open(target.family(), SocketType.STREAM, 0);
            try {
                if (total > 0) {
                    long left = total - (System.nanoTime() - start);
                    if (left <= 0) {
                        throw Errors.timedOut(0);
                    }
                    s.setTimeout(Duration.ofNanos(left));
                } else {
                    s.setTimeout(timeout);
                }
                if (source != null) {
                    s.bind(source);
                }
                s.connect(target);
                s.setTimeout(timeout);
                return s;
            } catch (IOException | RuntimeException e) {
                s.close();
                IOException io = e instanceof IOException x ? x : new IOException(e);
                if (failure != null) {
                    io.addSuppressed(failure);
                }
                failure = io;
                if (io instanceof java.net.SocketTimeoutException) {
                    break; // the overall deadline has passed
                }
            }
        }
        if (failure == null) {
            throw new UnknownHostException("getaddrinfo returns an empty list");
        }
        throw failure;
    }

    /** Python's {@code create_server(address)}: a listening TCP socket with {@code SO_REUSEADDR}. */
    public static Socket createServer(SockAddr address) throws IOException {
        return createServer(address, -1, false, false);
    }

    /**
     * Python's {@code create_server}: a socket of the address's family with
     * {@code SO_REUSEADDR} set, bound and listening.
     *
     * @param backlog        -1 for Python's default
     * @param reusePort      set {@code SO_REUSEPORT} (fails where the OS lacks it)
     * @param dualStackIpv6  for an {@code INET6} address: also accept IPv4 ({@code IPV6_V6ONLY} off)
     */
    public static Socket createServer(SockAddr address, int backlog, boolean reusePort, boolean dualStackIpv6)
            throws IOException {
        Objects.requireNonNull(address, "address");
        if (reusePort && !supports(Capability.REUSEPORT)) {
            throw new IllegalArgumentException("SO_REUSEPORT not supported on this platform");
        }
        if (dualStackIpv6) {
            if (!hasDualStackIpv6()) {
                throw new IllegalArgumentException("dualstack_ipv6 not supported on this platform");
            }
            if (address.family() != Family.INET6) {
                throw new IllegalArgumentException("dualstack_ipv6 requires an INET6 address");
            }
        }
        Socket s = Socket.open(address.family(), SocketType.STREAM, 0);
        try {
            if (address.family() == Family.INET || address.family() == Family.INET6) {
                s.setOption(SockOpt.SO_REUSEADDR, true);
            }
            if (reusePort) {
                s.setOption(SockOpt.SO_REUSEPORT, true);
            }
            if (address.family() == Family.INET6) {
                s.setOption(SockOpt.IPV6_V6ONLY, !dualStackIpv6);
            }
            s.bind(address);
            if (backlog < 0) {
                s.listen();
            } else {
                s.listen(backlog);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Python's {@code has_dualstack_ipv6()}: an IPv6 socket can also take IPv4 here. */
    public static boolean hasDualStackIpv6() {
        if (!supports(Capability.DUAL_STACK)) {
            return false;
        }
        try (Socket s = Socket.open(Family.INET6, SocketType.STREAM, 0)) {
            s.setOption(SockOpt.IPV6_V6ONLY, false);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---- descriptors and control messages ---------------------------------------------

    /**
     * Python's {@code CMSG_LEN(length)}: the {@code cmsg_len} of an ancillary item carrying
     * {@code length} bytes.
     *
     * @throws IllegalArgumentException if {@code length} is negative or too large
     */
    public static int cmsgLen(int length) {
        int r = length < 0 ? -1 : provider().cmsgLen(length);
        if (r < 0) {
            throw new IllegalArgumentException("CMSG_LEN() argument out of range: " + length);
        }
        return r;
    }

    /** Python's {@code CMSG_SPACE(length)}: the buffer room one item of {@code length} bytes takes, padding included. */
    public static int cmsgSpace(int length) {
        int r = length < 0 ? -1 : provider().cmsgSpace(length);
        if (r < 0) {
            throw new IllegalArgumentException("CMSG_SPACE() argument out of range: " + length);
        }
        return r;
    }

    /**
     * Python's {@code fromfd(fd, family, type, proto)}: a socket on a close-on-exec
     * <em>duplicate</em> of {@code fd} (the caller still owns {@code fd}). Family, type and
     * protocol are read from the kernel ({@code SO_DOMAIN}, {@code SO_TYPE},
     * {@code SO_PROTOCOL}). The duplicate is made non-blocking, which, as the flag belongs to
     * the shared open file, affects {@code fd} too.
     *
     * <pre>{@code
     * Socket s = Sockets.fromFd(inheritedFd);
     * }</pre>
     */
    public static Socket fromFd(int fd) throws IOException {
        if (fd < 0) {
            throw new IllegalArgumentException("negative file descriptor: " + fd);
        }
        ProviderContext ctx = ProviderContext.get();
        SocketProvider p = ctx.provider;
        long d = p.dup(fd);
        if (d < 0) {
            throw ctx.error(d, "dup " + fd);
        }
        try {
            int nf = intOption(ctx, d, "SO_DOMAIN");
            int nt = intOption(ctx, d, "SO_TYPE");
            int proto = intOption(ctx, d, "SO_PROTOCOL");
            return Socket.adopt(ctx, d, nf, nt, proto);
        } catch (IOException | RuntimeException e) {
            p.close(d);
            throw e;
        }
    }

    private static int intOption(ProviderContext ctx, long fd, String name) throws IOException {
        byte[] b = new byte[4];
        int r = ctx.provider.getSockOpt(fd, requireConstant(ctx.provider, "SOL_SOCKET"), requireConstant(ctx.provider, name), b);
        if (r < 0) {
            throw ctx.error(r, "getsockopt " + name);
        }
        return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder()).getInt();
    }

    /** Python's {@code socket.close(fd)}: closes a raw descriptor (one from {@link Socket#detach} or {@link Socket#recvFds}). */
    public static void close(int fd) throws IOException {
        if (fd < 0) {
            throw new IllegalArgumentException("negative file descriptor: " + fd);
        }
        ProviderContext ctx = ProviderContext.get();
        int r = ctx.provider.close(fd);
        if (r < 0 && ctx.provider.errno(-r) != Errno.ECONNRESET) {
            throw ctx.error(r, "close " + fd);
        }
    }

    // ---- the resolver ---------------------------------------------------------------

    /** Python's {@code getaddrinfo(host, port, family, type)}. */
    public static List<AddrInfo> getAddrInfo(String host, int port, Family family, SocketType type) throws IOException {
        return getAddrInfo(host, port, family, type, 0, 0);
    }

    /**
     * Python's {@code getaddrinfo(host, port, family, type, proto, flags)}: {@code host} may be
     * null (with {@code AI_PASSIVE}, the wildcard), a numeric address or a name; the system
     * resolver runs on weft's blocking pool while the caller parks. Results come in the
     * resolver's order. Fails with {@link GaiException}.
     *
     * @param type null for any type
     */
    public static List<AddrInfo> getAddrInfo(String host, int port, Family family, SocketType type, int proto, int flags)
            throws IOException {
        SockAddr.checkPort(port);
        return getAddrInfo(host, Integer.toString(port), family, type, proto, flags);
    }

    /** {@code getaddrinfo} with a service name ({@code "http"}) or number as text, or null. */
    public static List<AddrInfo> getAddrInfo(String host, String service, Family family, SocketType type, int proto, int flags)
            throws IOException {
        ProviderContext ctx = ProviderContext.get();
        SocketProvider p = ctx.provider;
        int nf = p.nativeFamily(family == null ? Family.UNSPEC : family);
        int nt = type == null ? 0 : p.nativeType(type);
        if (host == null && service == null) {
            throw new IllegalArgumentException("getaddrinfo needs a host or a service");
        }
        boolean numeric = host == null || InetText.parse4(host) != null || host.indexOf(':') >= 0;
        if (numeric) {
            return p.getAddrInfo(host, service, nf, nt, proto, flags); // no lookup: never blocks
        }
        return BlockingCalls.call(() -> p.getAddrInfo(host, service, nf, nt, proto, flags), -1);
    }

    /** The first address {@code host} resolves to in {@code family}, as the seed's address rule says. */
    static SockAddr resolveFirst(String host, int port, Family family) throws IOException {
        List<AddrInfo> all = getAddrInfo(host, port, family, SocketType.STREAM, 0, 0);
        if (all.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return all.get(0).address();
    }

    /** A {@code (host, port)} address for a socket of {@code family}. */
    static SockAddr inetAddress(Family family, String host, int port) throws IOException {
        if (family == Family.INET) {
            return SockAddr.inet(host, port);
        }
        if (family == Family.INET6) {
            return SockAddr.inet6(host, port);
        }
        throw new IllegalArgumentException("(host, port) addresses need an INET or INET6 socket, not " + family);
    }
}
