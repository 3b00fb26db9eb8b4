package dev.weft;

import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A BSD socket, as Python's {@code socket.socket}: one object whose methods are the system
 * calls, blocking-style, for virtual and platform threads alike.
 *
 * <p><b>Modes.</b> Like Python, a socket is blocking ({@link #setTimeout setTimeout(null)}),
 * non-blocking ({@code Duration.ZERO}: a call that cannot complete at once throws
 * {@link WouldBlockException}) or has a timeout (the whole call must finish within it, else
 * {@link WeftTimeoutException}). Underneath, the descriptor is always non-blocking: a call
 * that would block parks its thread until the provider's poller reports the socket ready,
 * so a virtual thread's carrier is never held in the kernel.
 *
 * <p><b>Threads.</b> Any number of threads may use a socket at once (for instance one
 * reading while another writes, or several receiving datagrams). {@link #close()} wakes
 * every thread waiting in the socket with {@link SocketClosedException}; the descriptor
 * number is released only after the last of them has left, so it can never be reused under
 * a running call. {@link Thread#interrupt()} ends a wait with
 * {@link java.io.InterruptedIOException} (interrupt status kept, bytes already moved in
 * {@code bytesTransferred}); the socket stays open and no data is lost. {@code EINTR} is
 * retried, and {@code SIGPIPE} never fires: a broken pipe is a {@link BrokenPipeException}.
 *
 * <pre>{@code
 * try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
 *     s.setTimeout(Duration.ofSeconds(5));
 *     s.connect(SockAddr.inet("127.0.0.1", 8080));
 *     s.sendAll("hello".getBytes());
 *     byte[] reply = s.recv(1024);
 * }
 * }</pre>
 */
public final class Socket implements AutoCloseable {
    /** {@link #shutdown} the receiving side. */
    public static final int SHUT_RD = 0;
    /** {@link #shutdown} the sending side. */
    public static final int SHUT_WR = 1;
    /** {@link #shutdown} both sides. */
    public static final int SHUT_RDWR = 2;

    private static final Cleaner CLEANER = Cleaner.create();
    private static final VarHandle STATE;
    // state: the number of threads inside a call, plus these flags.
    private static final int CLOSING = 1 << 30;
    private static final int CLOSED = 1 << 29;
    private static final int COUNT = (1 << 29) - 1;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Socket.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ProviderContext ctx;
    private final SocketProvider p;
    private final long fd;
    private final int nativeFamily;
    private final int nativeType;
    private final int proto;
    private final Family family;
    private final SocketType type;
    private final Waiters waiters = new Waiters();
    private final Object pollKey;
    private final Cleaner.Cleanable cleanable;
    private volatile int state;
    /** -1 blocking, 0 non-blocking, else the timeout in nanoseconds. */
    private volatile long timeoutNanos;
    /** Set once SO_LINGER is on: close(2) may then block, so it runs off the carrier. */
    private volatile boolean lingering;

    private Socket(ProviderContext ctx, long fd, int nativeFamily, int nativeType, int proto) throws IOException {
        this.ctx = ctx;
        this.p = ctx.provider;
        this.fd = fd;
        this.nativeFamily = nativeFamily;
        this.nativeType = nativeType;
        this.proto = proto;
        this.family = p.family(nativeFamily);
        this.type = p.type(nativeType);
        this.timeoutNanos = Sockets.defaultTimeoutNanos();
        Object key;
        try {
            key = ctx.poller.register(fd, waiters);
        } catch (IOException | RuntimeException e) {
            p.close(fd);
            throw e;
        }
        this.pollKey = key;
        this.cleanable = CLEANER.register(this, new Release(ctx, fd, key));
    }

    /** Closes the descriptor of a socket that was closed, or that became unreachable unclosed. */
    private record Release(ProviderContext ctx, long fd, Object key) implements Runnable {
        @Override
        public void run() {
            ctx.poller.deregister(key);
            ctx.provider.close(fd);
        }
    }

    // ---- creation -------------------------------------------------------------------

    /** Python's {@code socket()}: an IPv4 stream socket. */
    public static Socket open() throws IOException {
        return open(Family.INET, SocketType.STREAM, 0);
    }

    /** Python's {@code socket(family, type)} with the default protocol. */
    public static Socket open(Family family, SocketType type) throws IOException {
        return open(family, type, 0);
    }

    /**
     * Python's {@code socket(family, type, proto)}: {@code socket(2)} with
     * {@code SOCK_NONBLOCK | SOCK_CLOEXEC}. The new socket is blocking unless
     * {@link Sockets#setDefaultTimeout} set a default.
     */
    public static Socket open(Family family, SocketType type, int proto) throws IOException {
        return open(ProviderContext.get(), family, type, proto);
    }

    /** The same on an explicit provider (a wrapper such as a fault injector, or a test double). */
    public static Socket open(SocketProvider provider, Family family, SocketType type, int proto) throws IOException {
        return open(ProviderContext.of(Objects.requireNonNull(provider, "provider")), family, type, proto);
    }

    private static Socket open(ProviderContext ctx, Family family, SocketType type, int proto) throws IOException {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(type, "type");
        int nf = ctx.provider.nativeFamily(family);
        int nt = ctx.provider.nativeType(type);
        if (nf < 0) {
            throw unsupported(ctx, Errno.EAFNOSUPPORT, family.constantName() + " on " + ctx.provider.name());
        }
        if (nt < 0) {
            throw unsupported(ctx, Errno.ESOCKTNOSUPPORT, type.constantName() + " on " + ctx.provider.name());
        }
        return open(ctx, nf, nt, proto);
    }

    /** Python's {@code socket(family, type, proto)} with native numbers, for anything the enums lack. */
    public static Socket open(int nativeFamily, int nativeType, int proto) throws IOException {
        return open(ProviderContext.get(), nativeFamily, nativeType, proto);
    }

    private static Socket open(ProviderContext ctx, int nf, int nt, int proto) throws IOException {
        long fd = ctx.provider.socket(nf, nt, proto);
        if (fd < 0) {
            throw ctx.error(fd, "socket");
        }
        return new Socket(ctx, fd, nf, nt, proto);
    }

    static Socket adopt(ProviderContext ctx, long fd, int nf, int nt, int proto) throws IOException {
        return new Socket(ctx, fd, nf, nt, proto);
    }

    private static IOException unsupported(ProviderContext ctx, Errno e, String what) {
        int n = ctx.provider.nativeErrno(e);
        return Errors.of(e, n, n > 0 ? ctx.provider.strerror(n) : e.name(), what);
    }

    // ---- attributes -----------------------------------------------------------------

    /** Python's {@code family}; null if the provider has no symbol for the native number. */
    public Family family() {
        return family;
    }

    /** Python's {@code type}; null if the provider has no symbol for the native number. */
    public SocketType type() {
        return type;
    }

    /** Python's {@code proto}. */
    public int proto() {
        return proto;
    }

    /** The native family number. */
    public int nativeFamily() {
        return nativeFamily;
    }

    /** The native type number. */
    public int nativeType() {
        return nativeType;
    }

    /** Python's {@code fileno()}: the descriptor, or -1 once closed. */
    public int fileno() {
        return isOpen() ? (int) fd : -1;
    }

    /** True until {@link #close()} is called. */
    public boolean isOpen() {
        return (state & CLOSING) == 0;
    }

    /** The provider this socket runs on. */
    public SocketProvider provider() {
        return p;
    }

    // ---- modes ----------------------------------------------------------------------

    /**
     * Python's {@code settimeout}: {@code null} blocks without limit, {@link Duration#ZERO}
     * makes the socket non-blocking, a positive duration bounds every call.
     *
     * @throws IllegalArgumentException if negative
     */
    public void setTimeout(Duration timeout) {
        timeoutNanos = Sockets.toNanos(timeout);
    }

    /** Python's {@code gettimeout}: null for blocking, zero for non-blocking. */
    public Duration getTimeout() {
        long t = timeoutNanos;
        return t < 0 ? null : Duration.ofNanos(t);
    }

    /** Python's {@code setblocking}: true is {@code setTimeout(null)}, false is {@code setTimeout(ZERO)}. */
    public void setBlocking(boolean blocking) {
        timeoutNanos = blocking ? -1 : 0;
    }

    /** Python's {@code getblocking}: false only in non-blocking mode (a timeout counts as blocking). */
    public boolean getBlocking() {
        return timeoutNanos != 0;
    }

    // ---- connection set-up ----------------------------------------------------------

    /** {@code bind(2)}. */
    public void bind(SockAddr address) throws IOException {
        checkFamily(address);
        enter();
        try {
            int r = p.bind(fd, address);
            if (r < 0) {
                throw ctx.error(r, "bind " + address);
            }
        } finally {
            exit();
        }
    }

    /** {@code bind} to {@code (host, port)} in this socket's family, as Python's tuple form. */
    public void bind(String host, int port) throws IOException {
        bind(Sockets.inetAddress(family, host, port));
    }

    /** {@code listen(2)}; Python's default backlog is {@code min(SOMAXCONN, 128)}. */
    public void listen(int backlog) throws IOException {
        enter();
        try {
            int r = p.listen(fd, Math.max(0, backlog));
            if (r < 0) {
                throw ctx.error(r, "listen");
            }
        } finally {
            exit();
        }
    }

    /** {@code listen(2)} with Python's default backlog. */
    public void listen() throws IOException {
        listen(Math.min(128, Sockets.constant("SOMAXCONN", 128)));
    }

    /**
     * {@code accept4(2)}: waits for a connection. The new socket is blocking, or has the
     * default timeout if {@link Sockets#setDefaultTimeout} set one, whatever this socket's
     * mode (Python's rule).
     */
    public Accepted accept() throws IOException {
        enter();
        try {
            long t = timeoutNanos;
            long start = t > 0 ? System.nanoTime() : 0;
            SockAddr[] peer = new SockAddr[1];
            for (;;) {
                int seq = waiters.seq(Poller.READ);
                long r = p.accept(fd, peer);
                if (r >= 0) {
                    return new Accepted(adopt(ctx, r, nativeFamily, nativeType, proto), peer[0]);
                }
                if (r != ctx.eintr) {
                    if (!ctx.wouldBlock(r)) {
                        throw ctx.error(r, "accept");
                    }
                    await(Poller.READ, seq, t, start, 0, r);
                }
            }
        } finally {
            exit();
        }
    }

    /** A connection from {@link #accept()}: Python's {@code (conn, address)}. Closing it closes the socket. */
    public record Accepted(Socket socket, SockAddr address) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * {@code connect(2)} within the socket's timeout. In non-blocking mode an unfinished
     * connect throws {@link WouldBlockException} with {@code EINPROGRESS}, as Python's
     * {@code BlockingIOError}.
     */
    public void connect(SockAddr address) throws IOException {
        int r = connect(address, true);
        assert r == 0;
    }

    /** {@code connect} to {@code (host, port)} in this socket's family. */
    public void connect(String host, int port) throws IOException {
        connect(Sockets.inetAddress(family, host, port));
    }

    /**
     * Python's {@code connect_ex}: the native errno instead of an exception for errors of the
     * {@code connect} call itself (0 on success); a timeout still returns its errno
     * ({@code EAGAIN}), as CPython does. Bad arguments still throw.
     */
    public int connectEx(SockAddr address) throws IOException {
        return connect(address, false);
    }

    private int connect(SockAddr address, boolean raise) throws IOException {
        checkFamily(address);
        enter();
        try {
            long t = timeoutNanos;
            long start = t > 0 ? System.nanoTime() : 0;
            int seq = waiters.seq(Poller.WRITE);
            long r = p.connect(fd, address);
            if (r == 0) {
                return 0;
            }
            boolean inProgress = r == ctx.einprogress || r == ctx.eintr;
            if (!inProgress && !ctx.wouldBlock(r)) {
                return fail(r, raise, address);
            }
            if (t == 0) {
                return fail(r, raise, address);
            }
            if (!inProgress) {
                return retryBusyConnect(address, t, start, raise);
            }
            for (;;) {
                try {
                    await(Poller.WRITE, seq, t, start, 0, r);
                } catch (WeftTimeoutException e) {
                    if (raise) {
                        throw e;
                    }
                    return p.nativeErrno(Errno.EAGAIN);
                }
                seq = waiters.seq(Poller.WRITE);
                // connect(2) again tells the outcome: 0 or EISCONN when done, EALREADY while
                // still in progress, else the error the attempt ended with.
                r = p.connect(fd, address);
                if (r == 0 || r == ctx.eisconn) {
                    return 0;
                }
                if (r != ctx.ealready && r != ctx.einprogress && r != ctx.eintr) {
                    return fail(r, raise, address);
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * An AF_UNIX connect that found the listener's backlog full ({@code EAGAIN}): a blocked
     * connect would wait for room, but no readiness event reports room, so retry with
     * a growing pause.
     */
    private int retryBusyConnect(SockAddr address, long t, long start, boolean raise) throws IOException {
        long pause = 50_000;
        for (;;) {
            long wait = pause;
            if (t > 0) {
                long left = t - (System.nanoTime() - start);
                if (left <= 0) {
                    if (raise) {
                        throw Errors.timedOut(0);
                    }
                    return p.nativeErrno(Errno.EAGAIN);
                }
                wait = Math.min(wait, left);
            }
            LockSupport.parkNanos(this, wait);
            checkAfterWait(0);
            long r = p.connect(fd, address);
            if (r == 0 || r == ctx.eisconn) {
                return 0;
            }
            if (r != ctx.eintr && !ctx.wouldBlock(r)) {
                return fail(r, raise, address);
            }
            pause = Math.min(pause * 2, 20_000_000);
        }
    }

    private int fail(long r, boolean raise, SockAddr address) throws IOException {
        if (raise) {
            throw ctx.error(r, "connect " + address);
        }
        return (int) -r;
    }

    // ---- receiving ------------------------------------------------------------------

    /** Python's {@code recv(bufsize)}: at most {@code bufsize} bytes; an empty array at end of stream. */
    public byte[] recv(int bufsize) throws IOException {
        return recv(bufsize, 0);
    }

    /** {@code recv(bufsize, flags)} with {@code MSG_*} flags. */
    public byte[] recv(int bufsize, int flags) throws IOException {
        checkSize(bufsize, "bufsize");
        byte[] b = new byte[bufsize];
        int n = recvInto(ByteBuffer.wrap(b), flags);
        return n == bufsize ? b : Arrays.copyOf(b, n);
    }

    /**
     * Python's {@code recv_into}: reads into {@code dst} from its position and advances it.
     * Returns the count, 0 at end of stream (or for an empty datagram, or an empty buffer).
     * A direct buffer is read into without a copy.
     */
    public int recvInto(ByteBuffer dst) throws IOException {
        return recvInto(dst, 0);
    }

    /** {@code recv_into(buffer, 0, flags)}. */
    public int recvInto(ByteBuffer dst, int flags) throws IOException {
        return (int) receive(dst, flags, null);
    }

    /** {@code recv_into} for {@code len} bytes of {@code b} from {@code off}. */
    public int recvInto(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return recvInto(ByteBuffer.wrap(b, off, len), 0);
    }

    /** Python's {@code recvfrom(bufsize)}: the data and the sender's address. */
    public Received recvFrom(int bufsize) throws IOException {
        return recvFrom(bufsize, 0);
    }

    /** {@code recvfrom(bufsize, flags)}. */
    public Received recvFrom(int bufsize, int flags) throws IOException {
        checkSize(bufsize, "bufsize");
        byte[] b = new byte[bufsize];
        SockAddr[] from = new SockAddr[1];
        int n = (int) receive(ByteBuffer.wrap(b), flags, from);
        return new Received(n == bufsize ? b : Arrays.copyOf(b, n), from[0]);
    }

    /** Python's {@code recvfrom_into}: the count and the sender's address. */
    public ReceivedInto recvFromInto(ByteBuffer dst) throws IOException {
        return recvFromInto(dst, 0);
    }

    /** {@code recvfrom_into(buffer, 0, flags)}. */
    public ReceivedInto recvFromInto(ByteBuffer dst, int flags) throws IOException {
        SockAddr[] from = new SockAddr[1];
        int n = (int) receive(dst, flags, from);
        return new ReceivedInto(n, from[0]);
    }

    /** What {@link #recvFrom} returns: Python's {@code (bytes, address)}; the address may be null (unnamed, or a connected stream). */
    public record Received(byte[] data, SockAddr address) {}

    /** What {@link #recvFromInto} returns: Python's {@code (nbytes, address)}. */
    public record ReceivedInto(int nbytes, SockAddr address) {}

    private long receive(ByteBuffer dst, int flags, SockAddr[] from) throws IOException {
        checkWritable(dst);
        if (from == null && !dst.hasRemaining() && isOpen()) {
            return 0; // CPython's recv/recv_into of 0 bytes: nothing to wait for, no system call
        }
        enter();
        try {
            long t = timeoutNanos;
            long start = t > 0 ? System.nanoTime() : 0;
            for (;;) {
                int seq = waiters.seq(Poller.READ);
                long n = p.recv(fd, dst, flags, from);
                if (n >= 0) {
                    // MSG_TRUNC may report more than the buffer held; only what fits was written.
                    dst.position(dst.position() + (int) Math.min(n, dst.remaining()));
                    return n;
                }
                if (n != ctx.eintr) {
                    if (!ctx.wouldBlock(n)) {
                        throw ctx.error(n, from == null ? "recv" : "recvfrom");
                    }
                    await(Poller.READ, seq, t, start, 0, n);
                }
            }
        } finally {
            exit();
        }
    }

    // ---- sending --------------------------------------------------------------------

    /** Python's {@code send}: sends some of {@code data}; returns how much. */
    public int send(byte[] data) throws IOException {
        return send(ByteBuffer.wrap(data), 0);
    }

    /** {@code send(data, flags)}. */
    public int send(byte[] data, int flags) throws IOException {
        return send(ByteBuffer.wrap(data), flags);
    }

    /** {@code send} from {@code src}'s position, advancing it by the count sent. */
    public int send(ByteBuffer src) throws IOException {
        return send(src, 0);
    }

    /** {@code send(src, flags)}. */
    public int send(ByteBuffer src, int flags) throws IOException {
        return (int) transmit(src, flags, null, false);
    }

    /**
     * Python's {@code sendall}: sends every byte, waiting as needed. The timeout covers the
     * whole call; on timeout {@link WeftTimeoutException#bytesTransferred} says how many
     * bytes went out.
     */
    public void sendAll(byte[] data) throws IOException {
        sendAll(ByteBuffer.wrap(data), 0);
    }

    /** {@code sendall(data, flags)}. */
    public void sendAll(byte[] data, int flags) throws IOException {
        sendAll(ByteBuffer.wrap(data), flags);
    }

    /** {@code sendall} from {@code src}'s position to its limit; the position ends at the limit. */
    public void sendAll(ByteBuffer src) throws IOException {
        sendAll(src, 0);
    }

    /** {@code sendall(src, flags)}. */
    public void sendAll(ByteBuffer src, int flags) throws IOException {
        transmit(src, flags, null, true);
    }

    /** Python's {@code sendto(data, address)}. */
    public int sendTo(byte[] data, SockAddr address) throws IOException {
        return sendTo(ByteBuffer.wrap(data), 0, address);
    }

    /** {@code sendto(data, flags, address)} from {@code src}'s position. */
    public int sendTo(ByteBuffer src, int flags, SockAddr address) throws IOException {
        checkFamily(address);
        return (int) transmit(src, flags, address, false);
    }

    private long transmit(ByteBuffer src, int flags, SockAddr to, boolean all) throws IOException {
        Objects.requireNonNull(src, "data");
        enter();
        try {
            long t = timeoutNanos;
            long start = t > 0 ? System.nanoTime() : 0;
            long sent = 0;
            for (;;) {
                int seq = waiters.seq(Poller.WRITE);
                long n = p.send(fd, src, flags, to);
                if (n >= 0) {
                    src.position(src.position() + (int) n);
                    sent += n;
                    if (!all || !src.hasRemaining()) {
                        return sent;
                    }
                    continue;
                }
                if (n != ctx.eintr) {
                    if (!ctx.wouldBlock(n)) {
                        IOException e = ctx.error(n, to == null ? "send" : "sendto " + to);
                        if (sent > 0) {
                            e.addSuppressed(new IOException(sent + " bytes had been sent"));
                        }
                        throw e;
                    }
                    await(Poller.WRITE, seq, t, start, sent, n);
                }
            }
        } finally {
            exit();
        }
    }

    // ---- the rest -------------------------------------------------------------------

    /** {@code shutdown(2)} with {@link #SHUT_RD}, {@link #SHUT_WR} or {@link #SHUT_RDWR}. */
    public void shutdown(int how) throws IOException {
        if (how < SHUT_RD || how > SHUT_RDWR) {
            throw new IllegalArgumentException("how must be SHUT_RD, SHUT_WR or SHUT_RDWR, got " + how);
        }
        enter();
        try {
            int r = p.shutdown(fd, how);
            if (r < 0) {
                throw ctx.error(r, "shutdown");
            }
        } finally {
            exit();
        }
    }

    /** {@code getsockname(2)}. */
    public SockAddr getSockName() throws IOException {
        enter();
        try {
            return p.getSockName(fd);
        } finally {
            exit();
        }
    }

    /** {@code getpeername(2)}; throws {@code ENOTCONN} if not connected. */
    public SockAddr getPeerName() throws IOException {
        enter();
        try {
            return p.getPeerName(fd);
        } finally {
            exit();
        }
    }

    /** Sets a typed option, e.g. {@code setOption(SockOpt.TCP_NODELAY, true)}. */
    public <T> void setOption(SockOpt<T> option, T value) throws IOException {
        Objects.requireNonNull(value, "value");
        byte[] raw = p.encodeOption(option.name(), option.type().cast(value));
        setSockOpt(level(option), optionNumber(option), raw);
    }

    /** Reads a typed option, e.g. {@code getOption(SockOpt.SO_RCVBUF)}. */
    public <T> T getOption(SockOpt<T> option) throws IOException {
        byte[] b = new byte[64];
        int level = level(option);
        int name = optionNumber(option);
        int n;
        enter();
        try {
            n = p.getSockOpt(fd, level, name, b);
            if (n < 0) {
                throw ctx.error(n, "getsockopt " + option.name());
            }
        } finally {
            exit();
        }
        return option.type().cast(p.decodeOption(option.name(), b, n));
    }

    private int level(SockOpt<?> o) {
        return Sockets.requireConstant(p, o.level());
    }

    private int optionNumber(SockOpt<?> o) {
        return Sockets.requireConstant(p, o.name());
    }

    /** Python's {@code setsockopt(level, name, int)}. */
    public void setSockOpt(int level, int name, int value) throws IOException {
        setSockOpt(level, name, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** Python's {@code setsockopt(level, name, bytes)}. */
    public void setSockOpt(int level, int name, byte[] value) throws IOException {
        Objects.requireNonNull(value, "value");
        enter();
        try {
            int r = p.setSockOpt(fd, level, name, value);
            if (r < 0) {
                throw ctx.error(r, "setsockopt level " + level + " option " + name);
            }
            if (name == Sockets.constant("SO_LINGER", -2) && level == Sockets.constant("SOL_SOCKET", -2)) {
                lingering = value.length >= 4 && (value[0] | value[1] | value[2] | value[3]) != 0;
            }
        } finally {
            exit();
        }
    }

    /** Python's {@code getsockopt(level, name)}: the value as an int. */
    public int getSockOpt(int level, int name) throws IOException {
        byte[] b = getSockOpt(level, name, 4);
        ByteBuffer bb = ByteBuffer.wrap(Arrays.copyOf(b, 4)).order(ByteOrder.nativeOrder());
        return b.length == 1 ? b[0] & 0xFF : bb.getInt();
    }

    /** Python's {@code getsockopt(level, name, buflen)}: up to {@code buflen} (1-1024) bytes. */
    public byte[] getSockOpt(int level, int name, int buflen) throws IOException {
        if (buflen <= 0 || buflen > 1024) {
            throw new IllegalArgumentException("getsockopt buflen out of range: " + buflen + " (1-1024)");
        }
        byte[] b = new byte[buflen];
        enter();
        try {
            int n = p.getSockOpt(fd, level, name, b);
            if (n < 0) {
                throw ctx.error(n, "getsockopt level " + level + " option " + name);
            }
            return n == buflen ? b : Arrays.copyOf(b, n);
        } finally {
            exit();
        }
    }

    /**
     * Closes the socket; idempotent. Threads waiting in it wake with
     * {@link SocketClosedException}; the descriptor is closed when the last has left.
     */
    @Override
    public void close() throws IOException {
        int s = (int) STATE.getAndBitwiseOr(this, CLOSING);
        if ((s & CLOSING) != 0) {
            return;
        }
        waiters.ready(Poller.READ | Poller.WRITE);
        if ((s & COUNT) == 0) {
            finishClose();
        }
    }

    private void finishClose() {
        int s = (int) STATE.getAndBitwiseOr(this, CLOSED);
        if ((s & CLOSED) != 0) {
            return;
        }
        if (lingering) {
            // close(2) with SO_LINGER on waits in the kernel even on a non-blocking socket.
            try {
                BlockingCalls.call(() -> {
                    cleanable.clean();
                    return null;
                }, -1);
            } catch (IOException e) {
                // Only an interrupt ends the wait early; the pool thread still closes.
            }
        } else {
            cleanable.clean();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<weft.Socket fd=").append(fileno())
                .append(", family=").append(family != null ? family : nativeFamily)
                .append(", type=").append(type != null ? type : nativeType)
                .append(", proto=").append(proto);
        if (isOpen()) {
            try {
                sb.append(", laddr=").append(getSockName());
                sb.append(", raddr=").append(getPeerName());
            } catch (IOException | RuntimeException ignored) {
                // not bound or not connected: Python leaves the field out too
            }
        }
        return sb.append('>').toString();
    }

    // ---- internals ------------------------------------------------------------------

    private void enter() throws SocketClosedException {
        for (;;) {
            int s = state;
            if ((s & CLOSING) != 0) {
                throw Errors.closed();
            }
            if (STATE.compareAndSet(this, s, s + 1)) {
                return;
            }
        }
    }

    private void exit() {
        int s = (int) STATE.getAndAdd(this, -1) - 1;
        if (s == CLOSING) {
            finishClose();
        }
    }

    void armPoller(int direction) throws IOException {
        ctx.poller.arm(pollKey, direction);
    }

    /**
     * The call would block: throw in non-blocking mode or when time is up, else park until
     * the poller reports {@code direction} after {@code seq}.
     */
    private void await(int direction, int seq, long t, long start, long bytes, long err) throws IOException {
        long left = -1;
        if (t == 0) {
            throw ctx.error(err, "non-blocking socket");
        }
        if (t > 0) {
            left = t - (System.nanoTime() - start);
            if (left <= 0) {
                throw Errors.timedOut(bytes);
            }
        }
        waiters.await(this, direction, seq, left);
        checkAfterWait(bytes);
    }

    private void checkAfterWait(long bytes) throws IOException {
        if (!isOpen()) {
            throw Errors.closed();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw Errors.interrupted(bytes);
        }
    }

    private void checkFamily(SockAddr a) {
        Objects.requireNonNull(a, "address");
        Family f = a.family();
        if (f == null ? ((SockAddr.Raw) a).nativeFamily() != nativeFamily : f != family) {
            throw new IllegalArgumentException("a " + (f == null ? "family " + ((SockAddr.Raw) a).nativeFamily() : f)
                    + " address (" + a + ") does not fit a " + (family != null ? family : nativeFamily) + " socket");
        }
    }

    private static void checkSize(int n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException("negative " + what + ": " + n);
        }
    }

    private static void checkWritable(ByteBuffer b) {
        Objects.requireNonNull(b, "buffer");
        if (b.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
    }
}
