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
        return ProviderContext.provider();
    }

    /**
     * True if the running OS and kernel offer {@code capability} (and no property switched it off).
     *
     * @throws java.io.UncheckedIOException if the probes cannot start: {@code EMFILE} when no
     *     descriptor is free (a later call can then succeed), or a native binding that cannot
     *     initialise in this JVM (README: Troubleshooting)
     */
    public static boolean supports(Capability capability) {
        return ProviderContext.capabilities().contains(capability);
    }

    /**
     * True if the running kernel has the address family: it maps to a number and
     * {@code socket(2)} of it does not fail with {@code EAFNOSUPPORT} (the kernel loads a
     * family's module on that call where it can). A family may still lack a protocol or a
     * transport: {@code AF_VSOCK} without {@code vsock_loopback} reaches no CID, {@code AF_CAN}
     * needs an interface. Probed once per family.
     *
     * <pre>{@code
     * if (Sockets.supports(Family.CAN)) try (Socket s = Socket.open(Family.CAN, SocketType.RAW, CAN_RAW)) { ... }
     * }</pre>
     */
    public static boolean supports(Family family) {
        Boolean known = FAMILIES.get(family);
        if (known == null) {
            // Not computeIfAbsent: that holds a monitor while the probe opens a socket.
            known = probeFamily(family);
            FAMILIES.putIfAbsent(family, known);
        }
        return known;
    }

    private static final java.util.Map<Family, Boolean> FAMILIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean probeFamily(Family family) {
        if (family == Family.UNSPEC || provider().nativeFamily(family) < 0) {
            return false;
        }
        try (Socket s = Socket.open(family, SocketType.DGRAM, 0)) {
            return s.fileno() >= 0;
        } catch (IOException e) {
            return !(e instanceof OsError o && o.errno() == Errno.EAFNOSUPPORT);
        }
    }

    /** Every capability of the running OS and kernel. */
    public static Set<Capability> capabilities() {
        return ProviderContext.capabilities();
    }

    /** A constant's value on this OS, e.g. {@code constant("SO_REUSEADDR", -1)}. */
    public static int constant(String name, int fallback) {
        Integer v = provider().constants().get(name);
        return v == null ? fallback : v;
    }

    /**
     * Gives {@code s} what is left of a call's overall timeout ({@code total} ns from
     * {@code start}), or {@code timeout} itself when that is not positive.
     */
    static void setRemaining(Socket s, long total, long start, Duration timeout) throws IOException {
        if (total > 0) {
            long left = total - (System.nanoTime() - start);
            if (left <= 0) {
                throw Errors.timedOut(0);
            }
            s.setTimeout(Duration.ofNanos(left));
        } else {
            s.setTimeout(timeout);
        }
    }

    /** True if this OS defines the constant {@code name} (Python's {@code hasattr(socket, name)}). */
    public static boolean hasConstant(String name) {
        return provider().constants().containsKey(name);
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
        return socketPair(ProviderContext.require(), family, type, proto);
    }

    /** {@code socketPair} on an explicit provider. */
    public static SocketPair socketPair(SocketProvider provider, Family family, SocketType type, int proto) throws IOException {
        return socketPair(ProviderContext.require(provider), family, type, proto);
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
     * Python's {@code create_connection((host, port))} with no timeout argument: as below,
     * with the default timeout ({@link #setDefaultTimeout}), which the socket keeps.
     *
     * <pre>{@code
     * try (Socket s = Sockets.createConnection("localhost", 8080)) { ... }
     * }</pre>
     */
    public static Socket createConnection(String host, int port) throws IOException {
        return createConnection(host, port, getDefaultTimeout(), null);
    }

    /**
     * Python's {@code create_connection}: resolves {@code host} and tries each address in
     * order until one connects, all within {@code timeout}; the socket keeps this timeout.
     * {@code null} is Python's {@code timeout=None}: each attempt blocks and the socket is
     * blocking, whatever the default timeout (for the default, use
     * {@link #createConnection(String, int)}). A positive timeout covers the lookup as well,
     * so the whole call ends in time. When all fail, the error of the last attempt is thrown
     * with every earlier one attached as suppressed; a bad argument (a source address of the
     * wrong family, a raw address of a family this OS does not know) is thrown as itself.
     * A source address limits the attempts to the addresses of its family: CPython tries
     * the others too, and each fails on the bind.
     *
     * <pre>{@code
     * try (Socket s = Sockets.createConnection("localhost", 8080, Duration.ofSeconds(2), null)) { ... }
     * }</pre>
     *
     * @param source local address to bind first, or null
     * @throws IllegalArgumentException if no address resolved has the source's family
     */
    public static Socket createConnection(String host, int port, Duration timeout, SockAddr source) throws IOException {
        Objects.requireNonNull(host, "host");
        SockAddr.checkPort(port);
        long total = toNanos(timeout);
        long start = System.nanoTime();
        List<SockAddr> targets = new ArrayList<>();
        // A positive timeout covers the lookup too (CPython's covers each connect only).
        long lookupLimit = total > 0 ? total : -1;
        for (AddrInfo ai : getAddrInfo(host, Integer.toString(port), Family.UNSPEC, SocketType.STREAM, 0, 0, lookupLimit)) {
            targets.add(ai.address());
        }
        return connectFirst(targets, timeout, source, start);
    }

    /**
     * {@code create_connection} with Happy Eyeballs (RFC 8305): the addresses of
     * {@code host} are interleaved by family and raced, a new attempt starting every
     * {@code attemptDelay} (RFC 8305 recommends 250 ms) or as soon as one fails; the first
     * to connect wins and the rest are closed. A stalled IPv6 path then costs one delay
     * rather than a whole timeout.
     *
     * <pre>{@code
     * Socket s = Sockets.createConnection("example.test", 443, Duration.ofSeconds(5), null, Duration.ofMillis(250));
     * }</pre>
     */
    public static Socket createConnection(String host, int port, Duration timeout, SockAddr source, Duration attemptDelay)
            throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(attemptDelay, "attemptDelay");
        SockAddr.checkPort(port);
        long total = toNanos(timeout);
        long start = System.nanoTime();
        List<SockAddr> targets = new ArrayList<>();
        for (AddrInfo ai : getAddrInfo(host, Integer.toString(port), Family.UNSPEC, SocketType.STREAM, 0, 0, total > 0 ? total : -1)) {
            targets.add(ai.address());
        }
        return HappyEyeballs.connect(targets, timeout, source, attemptDelay, start);
    }

    /** {@code create_connection} with Happy Eyeballs over given addresses (see above). */
    public static Socket createConnection(List<SockAddr> addresses, Duration timeout, SockAddr source, Duration attemptDelay)
            throws IOException {
        Objects.requireNonNull(attemptDelay, "attemptDelay");
        return HappyEyeballs.connect(List.copyOf(addresses), timeout, source, attemptDelay, System.nanoTime());
    }

    /** {@code create_connection(address)} to one address with the default timeout, which the socket keeps. */
    public static Socket createConnection(SockAddr address) throws IOException {
        return createConnection(address, getDefaultTimeout(), null);
    }

    /**
     * {@code create_connection} to one address ({@code timeout} as in
     * {@link #createConnection(String, int, Duration, SockAddr)}, {@code null} blocking). A
     * {@link SockAddr.Raw} of a family this OS knows is connected as that family.
     */
    public static Socket createConnection(SockAddr address, Duration timeout, SockAddr source) throws IOException {
        return connectFirst(List.of(address), timeout, source, System.nanoTime());
    }

    /**
     * {@code create_connection} over a list of addresses: tries each in order until one
     * connects, all within {@code timeout}; when all fail, throws the last failure with every
     * earlier one attached as suppressed, in order.
     *
     * <pre>{@code
     * Socket s = Sockets.createConnection(List.of(SockAddr.inet6("::1", 8080), SockAddr.inet("127.0.0.1", 8080)),
     *         Duration.ofSeconds(2), null);
     * }</pre>
     */
    public static Socket createConnection(List<SockAddr> addresses, Duration timeout, SockAddr source) throws IOException {
        List<SockAddr> targets = List.copyOf(addresses);
        return connectFirst(targets, timeout, source, System.nanoTime());
    }

    private static Socket connectFirst(List<SockAddr> targets, Duration timeout, SockAddr source, long start) throws IOException {
        SocketProvider p = ProviderContext.require().provider;
        long total = toNanos(timeout);
        List<IOException> failures = new ArrayList<>();
        IOException failure = null;
        for (SockAddr target : attempts(p, targets, source)) {
            Socket s = null;
            try {
                s = Socket.open(familyOf(p, target), SocketType.STREAM, 0);
                setRemaining(s, total, start, timeout);
                if (source != null) {
                    s.bind(source);
                }
                s.connect(target);
                s.setTimeout(timeout);
                return s;
            } catch (IOException e) {
                if (s != null) {
                    s.close();
                }
                failures.add(e);
                failure = e;
                if (e instanceof java.net.SocketTimeoutException) {
                    break; // the overall deadline has passed
                }
            } catch (RuntimeException | Error e) {
                // A programming error is not an attempt that failed: it surfaces as itself.
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw e;
            }
        }
        if (failure == null) {
            throw new UnknownHostException("getaddrinfo returns an empty list");
        }
        for (IOException earlier : failures) {
            if (earlier != failure) {
                failure.addSuppressed(earlier);
            }
        }
        throw failure;
    }

    /**
     * The family of {@code address}; for a {@link SockAddr.Raw}, the family its native
     * number is on this provider.
     *
     * @throws IllegalArgumentException for a raw address of a family the provider does not know
     */
    static Family familyOf(SocketProvider p, SockAddr address) {
        Objects.requireNonNull(address, "address");
        Family f = address.family();
        if (f == null) {
            int n = ((SockAddr.Raw) address).nativeFamily();
            f = p.family(n);
            if (f == null) {
                throw new IllegalArgumentException("no socket family of " + p.name() + " has the number " + n
                        + " of the raw address " + address);
            }
        }
        return f;
    }

    /**
     * The targets a connection attempt is made to: with a source address, those of its
     * family (the bind would fail on the others).
     *
     * @throws IllegalArgumentException for a raw address of an unknown family, or a source none fits
     */
    static List<SockAddr> attempts(SocketProvider p, List<SockAddr> targets, SockAddr source) {
        for (SockAddr t : targets) {
            familyOf(p, t);
        }
        if (source == null) {
            return targets;
        }
        Family sf = familyOf(p, source);
        List<SockAddr> fit = new ArrayList<>();
        for (SockAddr t : targets) {
            if (familyOf(p, t) == sf) {
                fit.add(t);
            }
        }
        if (fit.isEmpty() && !targets.isEmpty()) {
            throw new IllegalArgumentException("the source address " + source + " is " + sf + "; no address to connect to is: "
                    + targets);
        }
        return fit;
    }

    /** Python's {@code create_server(address)}: a listening TCP socket with {@code SO_REUSEADDR}. */
    public static Socket createServer(SockAddr address) throws IOException {
        return createServer(address, -1, false, false);
    }

    /**
     * Python's {@code create_server}: a socket of the address's family with
     * {@code SO_REUSEADDR} set, bound and listening. A {@link SockAddr.Raw} of a family this
     * OS knows is served as that family.
     *
     * @param backlog        -1 for Python's default
     * @param reusePort      set {@code SO_REUSEPORT} (fails where the OS lacks it)
     * @param dualStackIpv6  for an {@code INET6} address: also accept IPv4 ({@code IPV6_V6ONLY} off)
     */
    public static Socket createServer(SockAddr address, int backlog, boolean reusePort, boolean dualStackIpv6)
            throws IOException {
        Family family = familyOf(provider(), address);
        if (reusePort && !supports(Capability.REUSEPORT)) {
            throw new IllegalArgumentException("SO_REUSEPORT not supported on this platform");
        }
        if (dualStackIpv6) {
            if (!hasDualStackIpv6()) {
                throw new IllegalArgumentException("dualstack_ipv6 not supported on this platform");
            }
            if (family != Family.INET6) {
                throw new IllegalArgumentException("dualstack_ipv6 requires an INET6 address");
            }
        }
        Socket s = Socket.open(family, SocketType.STREAM, 0);
        try {
            // CPython sets SO_REUSEADDR except on Windows, where it would let another socket
            // bind the same port and take its connections; Winsock is the OS that has
            // SO_EXCLUSIVEADDRUSE, so that constant is the test. A closed listener's
            // TIME_WAIT does not block a new bind there anyway (CPython's note).
            if ((family == Family.INET || family == Family.INET6) && !hasConstant("SO_EXCLUSIVEADDRUSE")) {
                s.setOption(SockOpt.SO_REUSEADDR, true);
            }
            if (reusePort) {
                s.setOption(SockOpt.SO_REUSEPORT, true);
            }
            if (family == Family.INET6) {
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
        ProviderContext ctx = ProviderContext.require();
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

    /**
     * Python's {@code socket.fromshare(info)} (Windows only, as in CPython): the socket
     * another process's {@link Socket#share} made for this one. Elsewhere it throws
     * {@link UnsupportedOperationException}.
     *
     * <pre>{@code
     * Socket s = Sockets.fromShare(bytesFromTheParent);
     * }</pre>
     */
    public static Socket fromShare(byte[] info) throws IOException {
        Objects.requireNonNull(info, "info");
        ProviderContext ctx = ProviderContext.require();
        int[] ftp = new int[3];
        long fd = ctx.provider.fromShare(info.clone(), ftp);
        if (fd < 0) {
            throw ctx.error(fd, "fromshare");
        }
        try {
            return Socket.adopt(ctx, fd, ftp[0], ftp[1], ftp[2]);
        } catch (IOException | RuntimeException e) {
            ctx.provider.close(fd);
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

    /**
     * This machine's {@code AF_VSOCK} context id, as Python's
     * {@code fcntl.ioctl(open("/dev/vsock"), IOCTL_VM_SOCKETS_GET_LOCAL_CID, ...)} gives it
     * (Linux; 1, {@code VMADDR_CID_LOCAL}, where only the loopback transport is loaded).
     *
     * <pre>{@code
     * long cid = Sockets.vsockLocalCid();
     * }</pre>
     *
     * @throws IOException with the errno when {@code /dev/vsock} is missing or refuses the ioctl
     * @throws UnsupportedOperationException on an OS without it
     */
    public static long vsockLocalCid() throws IOException {
        ProviderContext ctx = ProviderContext.require();
        long r = ctx.provider.vsockLocalCid();
        if (r < 0) {
            throw ctx.error((int) r, "ioctl(/dev/vsock, IOCTL_VM_SOCKETS_GET_LOCAL_CID)");
        }
        return r;
    }

    /** Python's {@code socket.close(fd)}: closes a raw descriptor (one from {@link Socket#detach} or {@link Socket#recvFds}). */
    public static void close(int fd) throws IOException {
        if (fd < 0) {
            throw new IllegalArgumentException("negative file descriptor: " + fd);
        }
        ProviderContext ctx = ProviderContext.require();
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

    /**
     * {@code getaddrinfo} with a service name ({@code "http"}) or number as text, or null.
     * A non-ASCII {@code host} is converted to its IDNA (2003) form, as CPython's {@code "idna"}
     * codec does; both null fails as the resolver says ({@code EAI_NONAME}).
     */
    public static List<AddrInfo> getAddrInfo(String host, String service, Family family, SocketType type, int proto, int flags)
            throws IOException {
        return getAddrInfo(host, service, family, type, proto, flags, -1);
    }

    /** {@code getaddrinfo} that gives up waiting after {@code timeoutNanos} (-1: no limit). */
    static List<AddrInfo> getAddrInfo(String rawHost, String service, Family family, SocketType type, int proto, int flags,
            long timeoutNanos) throws IOException {
        ProviderContext ctx = ProviderContext.require();
        SocketProvider p = ctx.provider;
        int nf = p.nativeFamily(family == null ? Family.UNSPEC : family);
        int nt = type == null ? 0 : p.nativeType(type);
        String host = rawHost == null ? null : Idna.encode(rawHost);
        if (service != null) {
            InetConvert.cString(service, "service");
        }
        // A numeric host and port never reach a resolver, a file or a socket: no need for the pool.
        boolean numeric = (host == null || InetConvert.isNumericHost(host)) && (service == null || isDigits(service));
        if (numeric) {
            return p.getAddrInfo(host, service, nf, nt, proto, flags);
        }
        return BlockingCalls.call(() -> p.getAddrInfo(host, service, nf, nt, proto, flags), timeoutNanos);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
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

    // ---- module functions: names, numbers, interfaces ----

    /**
     * Python's {@code gethostname()}: this machine's host name.
     *
     * <pre>{@code
     * String me = Sockets.getHostName(); // "vm"
     * }</pre>
     */
    public static String getHostName() throws IOException {
        return Netdb.getHostName();
    }

    /**
     * Python's {@code sethostname(name)}: sets the host name of this machine (or of the
     * process's UTS namespace); needs the privilege ({@code EPERM} otherwise).
     *
     * <pre>{@code
     * Sockets.setHostName("builder-7");
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code name} holds a NUL character
     */
    public static void setHostName(String name) throws IOException {
        Netdb.setHostName(name);
    }

    /** Python's {@code getfqdn()}: the fully qualified name of this host. */
    public static String getFqdn() throws IOException {
        return Netdb.getFqdn("");
    }

    /**
     * Python's {@code getfqdn(name)}: the first name containing a dot among the reverse
     * lookup's name and aliases, else that name; {@code name} itself if the lookup fails.
     * Blank, {@code "0.0.0.0"} and {@code "::"} mean this host.
     *
     * <pre>{@code
     * String fqdn = Sockets.getFqdn("localhost"); // "localhost"
     * }</pre>
     */
    public static String getFqdn(String name) throws IOException {
        return Netdb.getFqdn(name);
    }

    /**
     * Python's {@code gethostbyname(host)}: the IPv4 address of {@code host} as text. A
     * dotted quad is returned without a lookup, {@code ""} is {@code 0.0.0.0},
     * {@code "<broadcast>"} is {@code 255.255.255.255}; a name is resolved
     * ({@code getaddrinfo}, first result) on weft's blocking pool while the caller parks.
     *
     * <pre>{@code
     * String ip = Sockets.getHostByName("localhost"); // "127.0.0.1"
     * }</pre>
     *
     * @throws GaiException if the name does not resolve
     */
    public static String getHostByName(String host) throws IOException {
        return Netdb.getHostByName(host);
    }

    /**
     * Python's {@code gethostbyname_ex(host)}: the host's primary name, aliases and IPv4
     * addresses from the host database ({@code gethostbyname_r}).
     *
     * <pre>{@code
     * HostEntry h = Sockets.getHostByNameEx("localhost"); // localhost, [], [127.0.0.1]
     * }</pre>
     *
     * @throws GaiException  if {@code host} does not resolve at all
     * @throws HostException if the host database has no entry ({@code h_errno})
     */
    public static HostEntry getHostByNameEx(String host) throws IOException {
        return Netdb.getHostByNameEx(host);
    }

    /**
     * Python's {@code gethostbyaddr(ip)}: the reverse lookup of an address (IPv4 or IPv6 text,
     * or a name, which is resolved first): primary name, aliases and addresses.
     *
     * <pre>{@code
     * HostEntry h = Sockets.getHostByAddr("127.0.0.1"); // localhost, [], [127.0.0.1]
     * }</pre>
     *
     * @throws HostException if no name is known for the address
     */
    public static HostEntry getHostByAddr(String ipAddress) throws IOException {
        return Netdb.getHostByAddr(ipAddress);
    }

    /**
     * Python's {@code getnameinfo(sockaddr, flags)}: the host and service of an
     * {@code INET}/{@code INET6} address, as names or (with {@code NI_NUMERICHOST},
     * {@code NI_NUMERICSERV}) numbers. Flags: {@code NI_NAMEREQD}, {@code NI_NOFQDN},
     * {@code NI_DGRAM} and the others of {@link SocketConstants}.
     *
     * <p>A deliberate difference from CPython: an address built from a name
     * ({@code SockAddr.inet("localhost", 22)}) was resolved when it was built, so this
     * answers for the address it resolved to, where CPython's {@code getnameinfo} takes
     * numeric hosts only and raises {@code EAI_NONAME} for a name.
     *
     * <pre>{@code
     * NameInfo n = Sockets.getNameInfo(SockAddr.inet("127.0.0.1", 22), 0); // ("localhost", "ssh")
     * }</pre>
     *
     * @throws GaiException if the lookup fails (e.g. {@code NI_NAMEREQD} and no name)
     */
    public static NameInfo getNameInfo(SockAddr address, int flags) throws IOException {
        return Netdb.getNameInfo(address, flags);
    }

    /**
     * Python's {@code getprotobyname(name)}: the protocol's number from the protocols database.
     *
     * <pre>{@code
     * int tcp = Sockets.getProtoByName("tcp"); // 6
     * }</pre>
     *
     * @throws java.net.SocketException "protocol not found"
     */
    public static int getProtoByName(String name) throws IOException {
        return Netdb.getProtoByName(name);
    }

    /** Python's {@code getservbyname(name)}: the port of a service, any protocol. */
    public static int getServByName(String name) throws IOException {
        return Netdb.getServByName(name, null);
    }

    /**
     * Python's {@code getservbyname(name, proto)}: the port of a service (name or alias)
     * from the services database.
     *
     * <pre>{@code
     * int http = Sockets.getServByName("http", "tcp"); // 80
     * }</pre>
     *
     * @param proto {@code "tcp"}, {@code "udp"}..., or null for any
     * @throws java.net.SocketException "service/proto not found"
     */
    public static int getServByName(String name, String proto) throws IOException {
        return Netdb.getServByName(name, proto);
    }

    /** Python's {@code getservbyport(port)}: the service name of a port, any protocol. */
    public static String getServByPort(int port) throws IOException {
        return Netdb.getServByPort(port, null);
    }

    /**
     * Python's {@code getservbyport(port, proto)}: the service name of a port.
     *
     * <pre>{@code
     * String s = Sockets.getServByPort(512, "udp"); // "biff"
     * }</pre>
     *
     * @throws IllegalArgumentException unless {@code 0 <= port <= 65535}
     * @throws java.net.SocketException "port/proto not found"
     */
    public static String getServByPort(int port, String proto) throws IOException {
        return Netdb.getServByPort(port, proto);
    }

    /**
     * Python's {@code htons(x)}: a 16-bit value from host to network byte order.
     *
     * <pre>{@code
     * int n = Sockets.htons(1); // 256 on a little-endian machine
     * }</pre>
     *
     * @throws IllegalArgumentException unless {@code 0 <= x <= 65535} (CPython's OverflowError)
     */
    public static int htons(int x) {
        return InetConvert.swap16("htons", x);
    }

    /** Python's {@code ntohs(x)}: a 16-bit value from network to host byte order; 0-65535 only. */
    public static int ntohs(int x) {
        return InetConvert.swap16("ntohs", x);
    }

    /**
     * Python's {@code htonl(x)}: a 32-bit unsigned value from host to network byte order.
     *
     * <pre>{@code
     * long n = Sockets.htonl(1); // 16777216 on a little-endian machine
     * }</pre>
     *
     * @throws IllegalArgumentException unless {@code 0 <= x <= 0xFFFFFFFF} (CPython's OverflowError)
     */
    public static long htonl(long x) {
        return InetConvert.swap32("htonl", x);
    }

    /** Python's {@code ntohl(x)}: a 32-bit unsigned value from network to host byte order. */
    public static long ntohl(long x) {
        return InetConvert.swap32("ntohl", x);
    }

    /**
     * Python's {@code inet_aton(s)}: the four bytes of an IPv4 address in any form the C
     * library's {@code inet_aton} takes: one to four parts, each decimal, octal ({@code 010})
     * or hex ({@code 0x7f}), the last filling the remaining bytes ({@code "127.1"} is
     * 127.0.0.1), and anything after the first white space ignored. Follows glibc's rules on
     * every OS, without a native call.
     *
     * <pre>{@code
     * byte[] a = Sockets.inetAton("0x7f.1"); // {127, 0, 0, 1}
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code s} is not such an address (CPython's OSError)
     */
    public static byte[] inetAton(String s) {
        return InetConvert.inetAton(s);
    }

    /**
     * Python's {@code inet_ntoa(packed)}: four bytes as a dotted quad.
     *
     * <pre>{@code
     * String s = Sockets.inetNtoa(new byte[] {127, 0, 0, 1}); // "127.0.0.1"
     * }</pre>
     *
     * @throws IllegalArgumentException unless {@code packed} has 4 bytes
     */
    public static String inetNtoa(byte[] packed) {
        return InetConvert.inetNtoa(packed);
    }

    /**
     * Python's {@code inet_pton(family, s)}: strict numeric text to bytes. {@code INET}:
     * exactly four decimal parts without leading zeros; {@code INET6}: RFC 4291 text, an IPv4
     * tail allowed, no {@code %zone}.
     *
     * <pre>{@code
     * byte[] a = Sockets.inetPton(Family.INET6, "::ffff:10.0.0.1");
     * }</pre>
     *
     * @throws IllegalArgumentException for malformed text or a family other than INET/INET6
     */
    public static byte[] inetPton(Family family, String s) {
        return InetConvert.inetPton(family, s);
    }

    /**
     * Python's {@code inet_ntop(family, packed)}: bytes to the text {@code inet_ntop} prints
     * (RFC 5952 for IPv6, with a dotted tail for IPv4-mapped and -compatible addresses).
     *
     * <pre>{@code
     * String s = Sockets.inetNtop(Family.INET6, new byte[16]); // "::"
     * }</pre>
     *
     * @throws IllegalArgumentException for a wrong length or a family other than INET/INET6
     */
    public static String inetNtop(Family family, byte[] packed) {
        return InetConvert.inetNtop(family, packed);
    }

    /**
     * Python's {@code if_nameindex()}: every network interface as (index, name).
     *
     * <pre>{@code
     * List<InterfaceIndex> all = Sockets.ifNameIndex(); // [(1, lo), (2, eth0)]
     * }</pre>
     */
    public static List<InterfaceIndex> ifNameIndex() throws IOException {
        return Netdb.ifNameIndex();
    }

    /**
     * Python's {@code if_nametoindex(name)}.
     *
     * <pre>{@code
     * int lo = Sockets.ifNameToIndex("lo"); // 1
     * }</pre>
     *
     * @throws java.net.SocketException "no interface with this name"
     */
    public static int ifNameToIndex(String name) throws IOException {
        return Netdb.ifNameToIndex(name);
    }

    /**
     * Python's {@code if_indextoname(index)}.
     *
     * <pre>{@code
     * String lo = Sockets.ifIndexToName(1); // "lo"
     * }</pre>
     *
     * @throws java.net.SocketException with {@code ENXIO} if there is no such interface
     */
    public static String ifIndexToName(int index) throws IOException {
        return Netdb.ifIndexToName(index);
    }
}
