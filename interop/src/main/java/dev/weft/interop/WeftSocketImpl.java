package dev.weft.interop;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link SocketImpl} behind {@link WeftNetSocket} and {@link WeftNetServerSocket}: every
 * call is a weft call, so {@code java.net.Socket}'s own state machine (connected, bound,
 * shut down, closed; the streams whose {@code close} closes the socket) stays the JDK's.
 *
 * <p>The JDK's contract for a custom {@code SocketImpl}, as this class keeps it: {@code create}
 * comes first (the descriptor of an IP socket is made later, by the first bind or connect,
 * once its family is known; options set before are kept and applied then);
 * {@code connect} failing leaves the socket closed; {@code accept} fills the given impl;
 * {@code SO_TIMEOUT} bounds reads and accepts only; {@code close} wakes every blocked thread;
 * a virtual thread interrupted in a blocking call closes the socket and gets
 * {@code SocketException("Closed by interrupt")} with its interrupt status set, as the JDK's
 * own implementation does.
 */
final class WeftSocketImpl extends SocketImpl {
    /** Where {@code java.net}'s IP-only entry points are sent when the real address is of another family. */
    static final InetSocketAddress PLACEHOLDER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** The family, or null for IP: INET or INET6, chosen by the first bind or connect. */
    private final Family family;
    private final boolean server;
    /** Set by {@link UnixSocketFactory}: every connect goes here, whatever address it is given (the JDBC convention). */
    private final SockAddr fixedTarget;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Socket sock;
    /** The socket was adopted connected or listening: connect, bind and listen only record addresses. */
    private volatile boolean adopted;
    private volatile boolean closed;
    /** Options set before the descriptor exists (guarded by {@link #lock}). */
    private final Map<Opt, Object> pending = new EnumMap<>(Opt.class);
    /** Options remembered only: TCP_NODELAY and IP_TOS on AF_UNIX, as junixsocket does for JDBC drivers. */
    private final Map<Opt, Object> remembered = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int soTimeout;
    /** The address of a bind or connect that {@code java.net} could not carry (see {@link WeftNetSocket#connect}). */
    private volatile SockAddr nextAddress;
    private volatile SockAddr local;
    private volatile SockAddr remote;
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    WeftSocketImpl(Family family, boolean server, SockAddr fixedTarget) {
        this.family = family;
        this.server = server;
        this.fixedTarget = fixedTarget;
    }

    /** An impl over a weft socket that is already connected (or listening, for a server). */
    static WeftSocketImpl adopt(Socket s, boolean server) throws IOException {
        Objects.requireNonNull(s, "socket");
        if (!s.isOpen()) {
            throw new SocketException("Socket is closed");
        }
        if (s.type() != SocketType.STREAM) {
            throw new IllegalArgumentException("java.net sockets are stream sockets, not " + s.type() + ": " + s);
        }
        WeftSocketImpl impl = new WeftSocketImpl(s.family(), server, null);
        impl.sock = s;
        impl.adopted = true;
        impl.local = s.getSockName();
        if (!server) {
            impl.remote = s.getPeerName();   // ENOTCONN if it is not connected
        }
        if (Duration.ZERO.equals(s.getTimeout())) {
            s.setTimeout(null); // java.net has no non-blocking mode: blocking, SO_TIMEOUT 0
        }
        impl.soTimeout = millis(s.getTimeout());
        return impl;
    }

    /** SO_TIMEOUT's value for a weft timeout: 0 for none, else at least 1 ms. */
    private static int millis(Duration t) {
        return t == null ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, t.toMillis()));
    }

    Family family() {
        return family;
    }

    boolean isServer() {
        return server;
    }

    /** The weft socket, once it exists (at once for a fixed family, after bind or connect for IP). */
    Socket weftSocket() {
        return sock;
    }

    /** A {@code java.net} call that takes an address: the JDK's own bind or connect. */
    @FunctionalInterface
    interface AddressCall {
        void call(SocketAddress address) throws IOException;
    }

    /**
     * Runs {@code call} with {@code endpoint}. An address {@code java.net} cannot carry
     * (AF_UNIX, VSOCK, ...) goes to this impl beside the call, and the JDK's socket gets a
     * loopback placeholder, so that it still tracks its bound and connected state itself.
     */
    void withAddress(SocketAddress endpoint, AddressCall call) throws IOException {
        if (endpoint == null || endpoint instanceof InetSocketAddress) {
            call.call(endpoint);
            return;
        }
        nextAddress = WeftSockets.sockAddr(endpoint);
        try {
            call.call(PLACEHOLDER);
        } finally {
            nextAddress = null;
        }
    }

    SockAddr localSockAddr() {
        return local;
    }

    SockAddr remoteSockAddr() {
        return remote;
    }

    // ---- life cycle -------------------------------------------------------------------

    @Override
    protected void create(boolean stream) throws IOException {
        if (!stream) {
            throw new SocketException("weft's java.net adapter makes stream sockets only");
        }
        if (family != null && !adopted) {
            open(family);
        }
    }

    /** Makes the descriptor (once), applying the options set so far. */
    private Socket open(Family f) throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new SocketException("Socket is closed");
            }
            Socket s = sock;
            if (s != null) {
                return s;
            }
            s = Socket.open(f, SocketType.STREAM);
            try {
                if (server && (f == Family.INET || f == Family.INET6) && !pending.containsKey(Opt.SO_REUSEADDR)) {
                    s.setOption(SockOpt.SO_REUSEADDR, true); // what the JDK's ServerSocket does on POSIX
                }
                for (Map.Entry<Opt, Object> e : pending.entrySet()) {
                    e.getKey().set(s, e.getValue());
                }
                s.setTimeout(soTimeout > 0 ? Duration.ofMillis(soTimeout) : null);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            pending.clear();
            sock = s;
            return s;
        } finally {
            lock.unlock();
        }
    }

    private Socket live() throws IOException {
        Socket s = sock;
        if (s == null || closed) {
            throw new SocketException(closed ? "Socket is closed" : "Socket is not connected");
        }
        return s;
    }

    @Override
    protected void close() throws IOException {
        Socket s;
        lock.lock();
        try {
            closed = true;
            s = sock;
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.close(); // wakes every thread blocked in it with "Socket closed"
        }
    }

    // ---- connecting -------------------------------------------------------------------

    @Override
    protected void connect(String host, int port) throws IOException {
        connect(new InetSocketAddress(host, port), 0);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
        connect(new InetSocketAddress(address, port), 0);
    }

    @Override
    protected void connect(SocketAddress address, int timeout) throws IOException {
        try {
            SockAddr target = fixedTarget != null ? fixedTarget : nextAddress;
            if (target == null) {
                if (address instanceof InetSocketAddress isa && isa.isUnresolved()) {
                    throw new UnknownHostException(isa.getHostName());
                }
                target = WeftSockets.sockAddr(address);
            }
            if (adopted) {
                setAddresses(sock);
                return;
            }
            Socket s = open(family != null ? family : target.family());
            s.setTimeout(timeout > 0 ? Duration.ofMillis(timeout) : null);
            try {
                s.connect(target);
            } catch (WeftTimeoutException e) {
                SocketTimeoutException x = new SocketTimeoutException("Connect timed out: " + target);
                x.initCause(e);
                throw x;
            } catch (InterruptedIOException e) {
                throw interrupted(e);
            } catch (IOException e) {
                if (fixedTarget == null) {
                    throw e;
                }
                // A JDBC driver would blame its URL's host and port: name the path instead.
                java.net.ConnectException x = new java.net.ConnectException(
                        "cannot connect to the AF_UNIX socket " + target + " of UnixSocketFactory: " + e.getMessage());
                x.initCause(e);
                throw x;
            } finally {
                if (s.isOpen()) {
                    s.setTimeout(soTimeout > 0 ? Duration.ofMillis(soTimeout) : null);
                }
            }
            setAddresses(s);
        } catch (IOException | RuntimeException e) {
            close(); // java.net's rule: a socket that failed to connect is closed
            throw e;
        }
    }

    private void setAddresses(Socket s) throws IOException {
        SockAddr l = s.getSockName();
        SockAddr r = s.getPeerName();
        local = l;
        remote = r;
        if (r instanceof SockAddr.Inet4 || r instanceof SockAddr.Inet6) {
            InetSocketAddress isa = (InetSocketAddress) WeftSockets.socketAddress(r);
            address = isa.getAddress();
            port = isa.getPort();
        } else {
            address = InetAddress.getLoopbackAddress();
            port = 0;
        }
        localport = localPortOf(l);
    }

    private static int localPortOf(SockAddr a) {
        if (a instanceof SockAddr.Inet4 v4) {
            return v4.port();
        }
        if (a instanceof SockAddr.Inet6 v6) {
            return v6.port();
        }
        return -1;
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
        SockAddr target = nextAddress;
        if (adopted) {
            recordLocal(sock);
            return;
        }
        Socket s;
        if (target == null) {
            InetAddress h = host != null ? host : InetAddress.getByAddress(new byte[4]);
            if (family == null && server && h.isAnyLocalAddress() && h instanceof Inet4Address) {
                // The JDK's ServerSocket listens dual-stack on the wildcard: do the same where IPv6 exists.
                s = openDualStack();
                if (s != null) {
                    s.bind(SockAddr.inet6("::", port));
                    recordLocal(s);
                    return;
                }
            }
            target = WeftSockets.sockAddr(new InetSocketAddress(h, port));
        }
        s = open(family != null ? family : target.family());
        s.bind(target);
        recordLocal(s);
    }

    private Socket openDualStack() throws IOException {
        try {
            Socket s = open(Family.INET6);
            s.setOption(SockOpt.IPV6_V6ONLY, false);
            return s;
        } catch (SocketException e) {
            if (closed) {
                throw e;
            }
            return null; // no IPv6 here: IPv4 only, as the JDK
        }
    }

    private void recordLocal(Socket s) throws IOException {
        SockAddr l = s.getSockName();
        local = l;
        localport = localPortOf(l);
        if (server) {
            address = l instanceof SockAddr.Inet4 || l instanceof SockAddr.Inet6
                    ? ((InetSocketAddress) WeftSockets.socketAddress(l)).getAddress()
                    : InetAddress.getLoopbackAddress();
        }
    }

    @Override
    protected void listen(int backlog) throws IOException {
        if (!adopted) {
            live().listen(backlog);
        }
    }

    @Override
    protected void accept(SocketImpl si) throws IOException {
        if (!(si instanceof WeftSocketImpl to)) {
            throw new IOException("a weft server socket accepts into weft sockets only, not " + si.getClass().getName());
        }
        Socket s = live();
        Socket.Accepted a;
        try {
            a = s.accept();
        } catch (WeftTimeoutException e) {
            SocketTimeoutException x = new SocketTimeoutException("Accept timed out");
            x.initCause(e);
            throw x;
        }
        // An interrupt leaves as InterruptedIOException: ServerSocket itself then closes
        // (a virtual thread's, "Closed by interrupt"), so that its isClosed() agrees.
        try {
            to.adoptAccepted(a.socket());
        } catch (IOException | RuntimeException e) {
            a.socket().close();
            throw e;
        }
    }

    private void adoptAccepted(Socket s) throws IOException {
        lock.lock();
        try {
            for (Map.Entry<Opt, Object> e : pending.entrySet()) {
                e.getKey().set(s, e.getValue());
            }
            pending.clear();
            s.setTimeout(soTimeout > 0 ? Duration.ofMillis(soTimeout) : null);
            sock = s;
        } finally {
            lock.unlock();
        }
        fd = new FileDescriptor();
        setAddresses(s);
    }

    /**
     * The JDK's rule for an interrupt in connect (its SocketImpl's, since java.net.Socket
     * leaves it there): a virtual thread's closes the socket. A platform thread's ends the
     * call only (the JDK's would keep blocking; weft does not ignore an interrupt).
     */
    private IOException interrupted(InterruptedIOException e) throws IOException {
        if (e instanceof SocketTimeoutException) {
            return e;
        }
        Thread t = Thread.currentThread();
        if (t.isVirtual() && t.isInterrupted()) {
            close();
            SocketException x = new SocketException("Closed by interrupt");
            x.initCause(e);
            return x;
        }
        return e;
    }

    // ---- data -------------------------------------------------------------------------

    @Override
    protected InputStream getInputStream() {
        return in;
    }

    @Override
    protected OutputStream getOutputStream() {
        return out;
    }

    @Override
    protected int available() throws IOException {
        Socket s = live();
        if (SocketConstants.MSG_PEEK < 0 || SocketConstants.MSG_DONTWAIT < 0) {
            return 0;
        }
        try {
            // A peek that never waits: how much a read would return now, up to 64 KiB.
            return s.recvInto(ByteBuffer.allocate(64 << 10), SocketConstants.MSG_PEEK | SocketConstants.MSG_DONTWAIT);
        } catch (WouldBlockException e) {
            return 0;
        }
    }

    /** Reads are {@code recv} bounded by SO_TIMEOUT (the weft socket's timeout); -1 at end of stream. */
    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            int n = read(b, 0, 1);
            return n < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            Socket s = live();
            if (len == 0) {
                return 0;
            }
            try {
                int n = s.recvInto(b, off, len);
                return n == 0 ? -1 : n;
            } catch (WeftTimeoutException e) {
                SocketTimeoutException x = new SocketTimeoutException("Read timed out");
                x.initCause(e);
                throw x;
            }
            // An interrupt leaves as InterruptedIOException: java.net.Socket's stream then
            // closes the socket for a virtual thread ("Closed by interrupt"), the JDK's rule.
        }

        @Override
        public int available() throws IOException {
            return WeftSocketImpl.this.available();
        }

        @Override
        public void close() throws IOException {
            WeftSocketImpl.this.close();
        }
    }

    /** Writes are {@code sendall} that SO_TIMEOUT does not bound (Java's rule): a timeout just sends on. */
    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            Socket s = live();
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                try {
                    s.sendAll(buf);
                } catch (WeftTimeoutException e) {
                    // SO_TIMEOUT bounds reads only; sendAll advanced buf by what went out.
                }
            }
        }

        @Override
        public void close() throws IOException {
            WeftSocketImpl.this.close();
        }
    }

    @Override
    protected void shutdownInput() throws IOException {
        live().shutdown(Socket.SHUT_RD);
    }

    @Override
    protected void shutdownOutput() throws IOException {
        live().shutdown(Socket.SHUT_WR);
    }

    @Override
    protected boolean supportsUrgentData() {
        return (family == null || family == Family.INET || family == Family.INET6) && SocketConstants.MSG_OOB >= 0;
    }

    @Override
    protected void sendUrgentData(int data) throws IOException {
        if (!supportsUrgentData()) {
            throw new SocketException("Urgent data not supported on " + family);
        }
        live().send(new byte[] {(byte) data}, SocketConstants.MSG_OOB);
    }

    // ---- options ----------------------------------------------------------------------

    @Override
    protected Set<SocketOption<?>> supportedOptions() {
        return Opt.supported(family, server);
    }

    @Override
    protected <T> void setOption(SocketOption<T> name, T value) throws IOException {
        Opt o = Opt.ofStandard(Objects.requireNonNull(name, "name"));
        if (o == null || !supportedOptions().contains(name)) {
            throw new UnsupportedOperationException("'" + name + "' not supported");
        }
        set(o, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T getOption(SocketOption<T> name) throws IOException {
        Opt o = Opt.ofStandard(Objects.requireNonNull(name, "name"));
        if (o == null || !supportedOptions().contains(name)) {
            throw new UnsupportedOperationException("'" + name + "' not supported");
        }
        return (T) get(o);
    }

    @Override
    public void setOption(int optID, Object value) throws SocketException {
        if (optID == SocketOptions.SO_TIMEOUT) {
            if (!(value instanceof Integer ms) || ms < 0) {
                throw new SocketException("Bad value for SO_TIMEOUT: " + value);
            }
            setSoTimeout(ms);
            return;
        }
        Opt o = Opt.ofLegacy(optID);
        if (o == null) {
            throw new SocketException("Unknown option " + optID);
        }
        try {
            set(o, value);
        } catch (SocketException e) {
            throw e;
        } catch (IllegalArgumentException | IOException e) {
            throw new SocketException(e.getMessage(), e);
        }
    }

    @Override
    public Object getOption(int optID) throws SocketException {
        try {
            if (optID == SocketOptions.SO_TIMEOUT) {
                // One home once the weft socket exists: its timeout, whoever set it.
                Socket s = sock;
                return s != null && s.isOpen() ? millis(s.getTimeout()) : soTimeout;
            }
            if (optID == SocketOptions.SO_BINDADDR) {
                SockAddr l = local;
                if (l instanceof SockAddr.Inet4 || l instanceof SockAddr.Inet6) {
                    return ((InetSocketAddress) WeftSockets.socketAddress(l)).getAddress();
                }
                return InetAddress.getByAddress(new byte[4]);
            }
            Opt o = Opt.ofLegacy(optID);
            if (o == null) {
                throw new SocketException("Unknown option " + optID);
            }
            return get(o);
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage(), e);
        }
    }

    private void setSoTimeout(int ms) throws SocketException {
        lock.lock();
        try {
            soTimeout = ms;
            Socket s = sock;
            if (s != null && s.isOpen()) {
                s.setTimeout(ms > 0 ? Duration.ofMillis(ms) : null);
            }
        } finally {
            lock.unlock();
        }
    }

    private void set(Opt o, Object value) throws IOException {
        Object v = o.check(value);
        if (!o.appliesTo(family)) {
            remembered.put(o, v);
            return;
        }
        lock.lock();
        try {
            Socket s = sock;
            if (s == null) {
                if (closed) {
                    throw new SocketException("Socket is closed");
                }
                pending.put(o, v);
                return;
            }
        } finally {
            lock.unlock();
        }
        o.set(live(), v);
    }

    private Object get(Opt o) throws IOException {
        if (!o.appliesTo(family)) {
            return remembered.getOrDefault(o, o.initial);
        }
        lock.lock();
        try {
            if (sock == null) {
                if (closed) {
                    throw new SocketException("Socket is closed");
                }
                Object v = pending.get(o);
                if (v != null) {
                    return v;
                }
                if (o.initial != null) {
                    return o.initial;
                }
            }
        } finally {
            lock.unlock();
        }
        Socket s = sock;
        if (s == null) {
            // A buffer size before the descriptor exists: the kernel's default, from a probe.
            try (Socket probe = Socket.open(family != null ? family : Family.INET, SocketType.STREAM)) {
                return o.get(probe);
            }
        }
        return o.get(live());
    }

    @Override
    public String toString() {
        Socket s = sock;
        return s != null ? s.toString() : "<weft.Socket unopened, family=" + (family != null ? family : "INET/INET6") + ">";
    }
}
