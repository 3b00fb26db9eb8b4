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
import dev.weft.spi.MsgResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
public final class Socket implements java.io.Closeable {
    /** {@link #shutdown} the receiving side. */
    public static final int SHUT_RD = 0;
    /** {@link #shutdown} the sending side. */
    public static final int SHUT_WR = 1;
    /** {@link #shutdown} both sides. */
    public static final int SHUT_RDWR = 2;

    private static final Cleaner CLEANER = Cleaner.create();
    private static final VarHandle STATE;
    private static final VarHandle IO_REFS;
    private static final VarHandle VIEWS;
    // state: the number of threads inside a call, plus these flags.
    private static final int CLOSING = 1 << 30;
    private static final int CLOSED = 1 << 29;
    private static final int COUNT = (1 << 29) - 1;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Socket.class, "state", int.class);
            IO_REFS = MethodHandles.lookup().findVarHandle(Socket.class, "ioRefs", int.class);
            VIEWS = MethodHandles.lookup().findVarHandle(Socket.class, "views", SocketStreams.Views.class);
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
    /** Whether reads may skip the kernel after emptying the socket; see {@link #drainedAt}. */
    private volatile boolean skipDrained;
    /**
     * Set by a plain TCP read that returned fewer bytes than asked for, and so left the
     * socket empty: {@link #drained(int)} of the poller's read count before that call; 0
     * otherwise. While the count is unchanged, no data has been reported since, and the
     * next read that would park anyway parks at once instead of making a system call that
     * can only say EAGAIN. Only the poller's next report (which any new data, end of
     * stream or error brings) wakes it, after which it reads as usual. A hint: racing
     * readers can only make it skip less.
     *
     * <p>Never after a report flagged {@link Poller#STATE_CHANGE}: an end of stream or an
     * error reported before the read that emptied the socket is still there to be read,
     * and nothing new will be reported for it. TCP only: an AF_UNIX stream read also stops
     * short of the end at a message carrying descriptors or other credentials, and MPTCP
     * is another protocol; nor once an upper layer ({@code TCP_ULP}, e.g. kernel TLS) is
     * set, whose reads end at its records.
     */
    private volatile long drainedAt;
    /**
     * Spin backoff (see {@link #SPIN_NANOS}): waits still to park at once after a spin that
     * found nothing, and the next such count. Plain fields: a hint, racing readers at worst
     * spin once more or less.
     */
    private int spinSkips;
    private int spinBackoff;
    /** IANA's protocol number for TCP, the same on every OS. */
    private static final int IPPROTO_TCP = 6;
    private final Release release;
    private final Cleaner.Cleanable cleanable;
    private volatile int state;
    /** -1 blocking, 0 non-blocking, else the timeout in nanoseconds. */
    private volatile long timeoutNanos;
    /**
     * A datagram socket's read side, as this object's {@link #shutdown} left it:
     * {@link #READ_OPEN}, {@link #READ_SHUT}, or {@link #READ_SHUT_IF_REPORTED} when
     * {@code shutdown(2)} said {@code ENOTCONN} (Linux shuts an unconnected datagram
     * socket's read side anyway, and the poller reports it as a state change).
     */
    private volatile int readSide;
    private static final int READ_OPEN = 0;
    private static final int READ_SHUT_IF_REPORTED = 1;
    private static final int READ_SHUT = 2;
    /** Set once SO_LINGER is on: close(2) may then block, so it runs off the carrier. */
    private volatile boolean lingering;
    /** Open files made by {@link #makeFile} from this socket. */
    private volatile int ioRefs;
    /** The java.net-rule views, made on the first {@link #inputStream}, {@link #outputStream} or {@link #channel}. */
    private volatile SocketStreams.Views views;
    /** close() was called while {@link #ioRefs} was positive. */
    private volatile boolean closeRequested;

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
        this.skipDrained = ctx.skipDrainedReads && this.type == SocketType.STREAM
                && (family == Family.INET || family == Family.INET6) && (proto == 0 || proto == IPPROTO_TCP);
        this.release = new Release(ctx, fd, key);
        this.cleanable = CLEANER.register(this, release);
    }

    /** Closes the descriptor of a socket that was closed, or that became unreachable unclosed. */
    private static final class Release implements Runnable {
        private final ProviderContext ctx;
        private final long fd;
        private final Object key;
        /** Set by {@link #detach()}: leave the process's descriptor open. */
        volatile boolean keepDescriptor;
        /** What close(2) returned (0 or -errno); 0 until it ran, or if the descriptor was kept. */
        volatile int result;

        Release(ProviderContext ctx, long fd, Object key) {
            this.ctx = ctx;
            this.fd = fd;
            this.key = key;
        }

        @Override
        public void run() {
            ctx.poller.deregister(key);
            if (!keepDescriptor) {
                result = ctx.provider.close(fd);
            }
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
        return open(ProviderContext.require(), family, type, proto);
    }

    /** The same on an explicit provider (a wrapper such as a fault injector, or a test double). */
    public static Socket open(SocketProvider provider, Family family, SocketType type, int proto) throws IOException {
        return open(ProviderContext.require(Objects.requireNonNull(provider, "provider")), family, type, proto);
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

    /**
     * Python's {@code socket(family, type, proto)} with native numbers, for anything the enums
     * lack. As in CPython, {@code SOCK_NONBLOCK} and {@code SOCK_CLOEXEC} may be or-ed into
     * {@code nativeType}: they are masked off {@link #type()} and {@link #nativeType()}, and
     * {@code SOCK_NONBLOCK} makes the socket non-blocking (timeout zero) whatever the default
     * timeout. Every descriptor is non-blocking and close-on-exec underneath anyway.
     *
     * <pre>{@code
     * Socket s = Socket.open(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0); // type() STREAM, getTimeout() ZERO
     * }</pre>
     */
    public static Socket open(int nativeFamily, int nativeType, int proto) throws IOException {
        return open(ProviderContext.require(), nativeFamily, nativeType, proto);
    }

    private static Socket open(ProviderContext ctx, int nf, int nt, int proto) throws IOException {
        long fd = ctx.provider.socket(nf, nt, proto);
        if (fd < 0) {
            throw ctx.error(fd, "socket");
        }
        int nonBlock = ctx.provider.constants().getOrDefault("SOCK_NONBLOCK", 0);
        int typeFlags = nonBlock | ctx.provider.constants().getOrDefault("SOCK_CLOEXEC", 0);
        Socket s = new Socket(ctx, fd, nf, nt & ~typeFlags, proto);
        if ((nt & nonBlock) != 0) {
            s.timeoutNanos = 0;
        }
        return s;
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
        listen(Math.min(128, p.constants().getOrDefault("SOMAXCONN", 128)));
    }

    /**
     * {@code accept4(2)}: waits for a connection. The new socket is blocking, or has the
     * default timeout if {@link Sockets#setDefaultTimeout} set one, whatever this socket's
     * mode (Python's rule). On {@code AF_ALG} (an operation socket) the address is null, as
     * CPython's {@code None}: that family has no peer name, and the kernel refuses an accept
     * that asks for one ({@code ECONNABORTED}).
     */
    public Accepted accept() throws IOException {
        SockAddr[] peer = nativeFamily == p.constants().getOrDefault("AF_ALG", -2) ? null : new SockAddr[1];
        long r = retry(Poller.READ, deadline(0), SPIN, () -> p.accept(fd, peer), "accept", null, 0, 0);
        return new Accepted(adopt(ctx, r, nativeFamily, nativeType, proto), peer == null ? null : peer[0]);
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
            Deadline d = Deadline.after(timeoutNanos);
            int seq = waiters.seq(Poller.WRITE);
            long r = p.connect(fd, address);
            boolean interrupted = false;
            while (r == ctx.eintr) {
                // A signal cut connect(2) short; the attempt may or may not have started.
                // Asking again tells which, without waiting for an edge that may never come:
                // EALREADY/EINPROGRESS (in flight), EISCONN (done), or the attempt's error.
                interrupted = true;
                r = p.connect(fd, address);
            }
            if (r == 0 || interrupted && r == ctx.eisconn) {
                return 0;
            }
            boolean inProgress = r == ctx.einprogress || interrupted && r == ctx.ealready;
            if (!inProgress && !ctx.wouldBlock(r)) {
                return fail(r, raise, address);
            }
            if (d.nonBlocking()) {
                return fail(r, raise, address);
            }
            if (inProgress) {
                // Over loopback the handshake has usually finished inside the first call (the
                // kernel processes it in the same softirq): asking again settles it without
                // arming the poller, parking and disarming. Measured with jmh ConnectAccept.
                long again = p.connect(fd, address);
                if (again == 0 || again == ctx.eisconn) {
                    return 0;
                }
                if (again != ctx.ealready && again != ctx.einprogress && again != ctx.eintr) {
                    return fail(again, raise, address);
                }
            } else {
                int[] retrySeq = new int[1];
                int done = retryBusyConnect(address, d, raise, retrySeq);
                if (done != CONNECT_STARTED) {
                    return done;
                }
                seq = retrySeq[0];
            }
            for (;;) {
                try {
                    await(Poller.WRITE, seq, d, 0, r);
                } catch (WeftTimeoutException e) {
                    if (raise) {
                        throw e;
                    }
                    return p.nativeErrno(Errno.EAGAIN);
                }
                seq = waiters.seq(Poller.WRITE);
                // connect(2) again tells the outcome: 0 or EISCONN when done, EALREADY while
                // still in progress, else the error the attempt ended with.
                do {
                    r = p.connect(fd, address);
                } while (r == ctx.eintr);
                if (r == 0 || r == ctx.eisconn) {
                    // Connected: write readiness is no longer wanted until a send must wait.
                    ctx.poller.disarm(pollKey, Poller.WRITE);
                    return 0;
                }
                if (r != ctx.ealready && r != ctx.einprogress) {
                    return fail(r, raise, address);
                }
            }
        } finally {
            exit();
        }
    }

    /** From {@link #retryBusyConnect}: the retry started an attempt ({@code EINPROGRESS}); never an errno. */
    private static final int CONNECT_STARTED = Integer.MIN_VALUE;

    /**
     * An AF_UNIX connect that found the listener's backlog full ({@code EAGAIN}): a blocked
     * connect would wait for room, but no readiness event reports room, so retry with
     * a growing pause.
     */
    private int retryBusyConnect(SockAddr address, Deadline d, boolean raise, int[] seqOut) throws IOException {
        long pause = 50_000;
        for (;;) {
            long wait = pause;
            if (!d.blocking()) {
                long left = d.left();
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
            seqOut[0] = waiters.seq(Poller.WRITE);
            long r = p.connect(fd, address);
            if (r == 0 || r == ctx.eisconn) {
                return 0;
            }
            if (r == ctx.einprogress || r == ctx.eintr) {
                return CONNECT_STARTED; // an attempt is under way now: wait for it as for any connect
            }
            if (!ctx.wouldBlock(r)) {
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
        int n = Math.min(recvInto(ByteBuffer.wrap(b), flags), bufsize); // MSG_TRUNC may say more
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

    /**
     * {@code recv_into} for {@code len} bytes of {@code b} from {@code off}. Unlike CPython's
     * {@code recv_into(buf, nbytes)}, where {@code nbytes} 0 means the whole buffer,
     * {@code len} is a count as everywhere in {@code java.io}: 0 reads nothing and returns 0;
     * {@code recvInto(ByteBuffer.wrap(b))} is CPython's {@code recv_into(b)}.
     */
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
        int n = (int) Math.min(receive(ByteBuffer.wrap(b), flags, from), bufsize);
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
        return receive(dst, flags, from, 0);
    }

    /**
     * The channel view's read: {@code recv_into}, but in non-blocking mode an empty socket
     * returns {@link #WOULD_BLOCK} rather than throwing.
     */
    long channelRead(ByteBuffer dst) throws IOException {
        return receive(dst, 0, null, NOW);
    }

    /**
     * The channel view's write: {@code send}, but in non-blocking mode a full send buffer
     * writes 0 bytes rather than throwing.
     */
    int channelWrite(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "data");
        long n = retry(Poller.WRITE, deadline(0), SENDS | NOW, SEND, src, 0, null, "send", null, 0, 0);
        if (n == WOULD_BLOCK) {
            return 0;
        }
        src.position(src.position() + (int) n);
        return (int) n;
    }

    private long receive(ByteBuffer dst, int flags, SockAddr[] from, int now) throws IOException {
        checkWritable(dst);
        if (from == null && !dst.hasRemaining() && isOpen()) {
            return 0; // CPython's recv/recv_into of 0 bytes: nothing to wait for, no system call
        }
        Deadline d = deadline(flags);
        // MSG_WAITALL on a stream: the kernel cannot wait on a non-blocking descriptor,
        // so keep receiving until the buffer is full, the stream ends, or time is up.
        boolean waitAll = (flags & ctx.msgWaitall) != 0 && ctx.msgWaitall != 0 && type == SocketType.STREAM;
        int policy = (flags == 0 && from == null && skipDrained ? SPIN | SKIP_DRAINED : SPIN) | now;
        String what = from == null ? "recv" : "recvfrom";
        long got = 0;
        for (;;) {
            long n = retry(Poller.READ, d, policy, RECV, dst, flags, from, what, null, got, dst.remaining());
            if (n == WOULD_BLOCK) {
                return n; // only under NOW, which is never combined with MSG_WAITALL
            }
            // MSG_TRUNC may report more than the buffer held; only what fits was written.
            dst.position(dst.position() + (int) Math.min(n, dst.remaining()));
            got += n;
            if (!waitAll || n == 0 || !dst.hasRemaining()) {
                return waitAll ? got : n;
            }
        }
    }

    /** {@link #drainedAt}'s value for a read that emptied the socket after the poller's count was {@code seq}. */
    private static long drained(int seq) {
        return (1L << 32) | (seq & 0xFFFFFFFFL);
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
        return transmit(src, flags, to, all, deadline(flags), 0);
    }

    /** Sends within {@code d}; {@code before} bytes of the whole call went out earlier. */
    private long transmit(ByteBuffer src, int flags, SockAddr to, boolean all, Deadline d, long before)
            throws IOException {
        Objects.requireNonNull(src, "data");
        String what = to == null ? "send" : "sendto";
        long sent = 0;
        for (;;) {
            long n = retry(Poller.WRITE, d, SENDS, SEND, src, flags, to, what, to, before + sent, 0);
            src.position(src.position() + (int) n);
            sent += n;
            if (!all || !src.hasRemaining()) {
                return sent;
            }
        }
    }

    // ---- messages -------------------------------------------------------------------

    /** What {@link #recvMsg} returns: Python's {@code (data, ancdata, msg_flags, address)}. */
    public record Message(byte[] data, List<Ancillary> ancillary, int flags, SockAddr address) {}

    /** What {@link #recvMsgInto} returns: Python's {@code (nbytes, ancdata, msg_flags, address)}. */
    public record MessageInto(int nbytes, List<Ancillary> ancillary, int flags, SockAddr address) {}

    /** What {@link #recvFds} returns: Python's {@code (msg, fds, flags, addr)}; the descriptors are the caller's to close. */
    public record FdMessage(byte[] data, int[] fds, int flags, SockAddr address) {}

    /** Python's {@code recvmsg(bufsize)}: no ancillary data. */
    public Message recvMsg(int bufsize) throws IOException {
        return recvMsg(bufsize, 0, 0);
    }

    /**
     * Python's {@code recvmsg(bufsize, ancbufsize, flags)}: {@code recvmsg(2)} with room for
     * {@code ancBufSize} bytes of ancillary data (size it with {@link Sockets#cmsgSpace}).
     * {@code MSG_CTRUNC} in the flags says some did not fit; descriptors that did not fit are
     * closed by the kernel, and received ones are close-on-exec.
     */
    public Message recvMsg(int bufsize, int ancBufSize, int flags) throws IOException {
        checkSize(bufsize, "bufsize");
        byte[] b = new byte[bufsize];
        MessageInto m = recvMsgInto(List.of(ByteBuffer.wrap(b)), ancBufSize, flags);
        int n = Math.min(m.nbytes(), bufsize);
        return new Message(n == bufsize ? b : Arrays.copyOf(b, n), m.ancillary(), m.flags(), m.address());
    }

    /**
     * Python's {@code recvmsg_into(buffers, ancbufsize, flags)}: scatters into the buffers in
     * order, advancing their positions.
     */
    public MessageInto recvMsgInto(List<ByteBuffer> buffers, int ancBufSize, int flags) throws IOException {
        ByteBuffer[] dsts = buffers.toArray(new ByteBuffer[0]);
        for (ByteBuffer d : dsts) {
            checkWritable(d);
        }
        checkSize(ancBufSize, "ancbufsize");
        MsgResult out = new MsgResult();
        long n = retry(Poller.READ, deadline(flags), SPIN, () -> p.recvMsg(fd, nativeFamily, nativeType, dsts, ancBufSize, flags, out), "recvmsg", null, 0, 0);
        advance(dsts, n);
        return new MessageInto((int) n, out.ancillary, out.flags, out.address);
    }

    /**
     * Python's {@code sendmsg(buffers, ancdata, flags, address)}: gathers the buffers in order
     * and sends them with the ancillary data in one {@code sendmsg(2)}; advances the buffers
     * by the count sent, which it returns.
     *
     * @param address the destination for an unconnected datagram socket, or null
     */
    public long sendMsg(List<ByteBuffer> buffers, List<Ancillary> ancillary, int flags, SockAddr address) throws IOException {
        ByteBuffer[] srcs = buffers.toArray(new ByteBuffer[0]);
        for (ByteBuffer b : srcs) {
            Objects.requireNonNull(b, "buffer");
        }
        List<Ancillary> anc = List.copyOf(ancillary);
        if (address != null) {
            checkFamily(address);
        }
        long n = retry(Poller.WRITE, deadline(flags), SPIN, () -> p.sendMsg(fd, nativeFamily, nativeType, srcs, anc, flags, address), "sendmsg", null, 0, 0);
        advance(srcs, n);
        return n;
    }

    /**
     * Python's {@code socket.send_fds(sock, buffers, fds, flags, address)}: sends the data and
     * the descriptors ({@code SCM_RIGHTS}) in one message.
     */
    public long sendFds(List<ByteBuffer> buffers, int[] fds, int flags, SockAddr address) throws IOException {
        return sendMsg(buffers, List.of(Ancillary.rights(fds)), flags, address);
    }

    /**
     * Python's {@code sendmsg_afalg(msg, *, op, iv, assoclen, flags)}: one {@code sendmsg(2)}
     * on an {@code AF_ALG} operation socket with {@code ALG_SET_OP}, {@code ALG_SET_IV}
     * ({@code struct af_alg_iv}) and {@code ALG_SET_AEAD_ASSOCLEN} as ancillary data, each
     * only when given (null leaves it out, as CPython's {@code None}).
     *
     * <pre>{@code
     * op.sendMsgAfAlg(List.of(ByteBuffer.wrap(plain)), SocketConstants.ALG_OP_ENCRYPT, iv, null, 0);
     * byte[] cipher = op.recv(plain.length);
     * }</pre>
     *
     * @param op       {@code ALG_OP_ENCRYPT}, {@code ALG_OP_DECRYPT}..., or null
     * @param iv       the initialisation vector, or null
     * @param assocLen the length of the associated data at the start of the message (AEAD), or null
     * @return the number of bytes sent
     */
    public long sendMsgAfAlg(List<ByteBuffer> msg, Integer op, byte[] iv, Integer assocLen, int flags) throws IOException {
        int solAlg = Sockets.requireConstant(p, "SOL_ALG");
        List<Ancillary> anc = new ArrayList<>(3);
        if (op != null) {
            anc.add(new Ancillary(solAlg, Sockets.requireConstant(p, "ALG_SET_OP"), nativeInt(op)));
        }
        if (iv != null) {
            anc.add(new Ancillary(solAlg, Sockets.requireConstant(p, "ALG_SET_IV"),
                    ByteBuffer.allocate(4 + iv.length).order(ByteOrder.nativeOrder()).putInt(iv.length).put(iv).array()));
        }
        if (assocLen != null) {
            if (assocLen < 0) {
                throw new IllegalArgumentException("assoclen must be positive, got " + assocLen);
            }
            anc.add(new Ancillary(solAlg, Sockets.requireConstant(p, "ALG_SET_AEAD_ASSOCLEN"), nativeInt(assocLen)));
        }
        return sendMsg(msg, anc, flags, null);
    }

    private static byte[] nativeInt(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    /**
     * Python's {@code socket.recv_fds(sock, bufsize, maxfds, flags)}: receives data and up to
     * {@code maxFds} descriptors. Descriptors beyond {@code maxFds} are closed by the kernel
     * ({@code MSG_CTRUNC} is then set).
     */
    public FdMessage recvFds(int bufsize, int maxFds, int flags) throws IOException {
        checkSize(maxFds, "maxfds");
        // CMSG_LEN, not CMSG_SPACE, as CPython: the padding could otherwise take one more.
        Message m = recvMsg(bufsize, Sockets.cmsgLen(maxFds * 4), flags);
        int[] fds = new int[0];
        for (Ancillary a : m.ancillary()) {
            if (a.level() == SocketConstants.SOL_SOCKET && a.type() == SocketConstants.SCM_RIGHTS) {
                int[] more = a.ints();
                int[] all = Arrays.copyOf(fds, fds.length + more.length);
                System.arraycopy(more, 0, all, fds.length, more.length);
                fds = all;
            }
        }
        if (fds.length > maxFds) {
            for (int i = maxFds; i < fds.length; i++) {
                p.close(fds[i]); // never hand out more than asked, never leak the rest
            }
            fds = Arrays.copyOf(fds, maxFds);
        }
        return new FdMessage(m.data(), fds, m.flags(), m.address());
    }

    private static void advance(ByteBuffer[] bufs, long n) {
        for (ByteBuffer b : bufs) {
            int k = (int) Math.min(n, b.remaining());
            b.position(b.position() + k);
            n -= k;
        }
    }

    // ---- batches of datagrams (Linux) -------------------------------------------------

    /**
     * {@code recvmmsg(2)}: waits (within the timeout) until at least one datagram is queued,
     * then takes up to {@code maxMessages} in one system call, each up to {@code bufsize}
     * bytes, boundaries intact. None of CPython, socket2 or the JDK offers this.
     *
     * <pre>{@code
     * for (Socket.Received d : udp.recvMmsg(64, 2048, 0)) handle(d.data(), d.address());
     * }</pre>
     */
    public List<Received> recvMmsg(int maxMessages, int bufsize, int flags) throws IOException {
        if (maxMessages <= 0) {
            throw new IllegalArgumentException("maxMessages must be positive, got " + maxMessages);
        }
        checkSize(bufsize, "bufsize");
        ByteBuffer[] bufs = new ByteBuffer[maxMessages];
        for (int i = 0; i < maxMessages; i++) {
            bufs[i] = ByteBuffer.allocate(bufsize);
        }
        SockAddr[] from = new SockAddr[maxMessages];
        int n = recvMmsgInto(bufs, from, flags);
        List<Received> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Received(Arrays.copyOf(bufs[i].array(), bufs[i].position()), from[i]));
        }
        return out;
    }

    /**
     * {@code recvmmsg(2)} into the caller's buffers, one datagram each (direct buffers are
     * filled in place): returns how many arrived; each buffer's position advances by its
     * datagram's length, and {@code from[i]} (if {@code from} is non-null) is its sender.
     */
    public int recvMmsgInto(ByteBuffer[] buffers, SockAddr[] from, int flags) throws IOException {
        for (ByteBuffer b : buffers) {
            checkWritable(b);
        }
        if (from != null && from.length < buffers.length) {
            throw new IllegalArgumentException("from has " + from.length + " slots for " + buffers.length + " buffers");
        }
        int[] lengths = new int[buffers.length];
        int n = (int) retry(Poller.READ, deadline(flags), SPIN, () -> p.recvMmsg(fd, nativeFamily, nativeType, buffers, from, lengths, flags), "recvmmsg",
                null, 0, 0);
        for (int i = 0; i < n; i++) {
            buffers[i].position(buffers[i].position() + Math.min(lengths[i], buffers[i].remaining()));
        }
        return n;
    }

    /**
     * {@code sendmmsg(2)}: sends each buffer as one datagram, to {@code to[i]} when {@code to}
     * is non-null (else to the connected peer); waits within the timeout until at least one
     * goes. Returns how many went; their buffers are advanced to their limits.
     */
    public int sendMmsg(ByteBuffer[] buffers, SockAddr[] to, int flags) throws IOException {
        for (ByteBuffer b : buffers) {
            Objects.requireNonNull(b, "buffer");
        }
        if (to != null) {
            if (to.length < buffers.length) {
                throw new IllegalArgumentException("to has " + to.length + " addresses for " + buffers.length + " buffers");
            }
            for (SockAddr a : to) {
                if (a != null) {
                    checkFamily(a);
                }
            }
        }
        int n = (int) retry(Poller.WRITE, deadline(flags), SPIN, () -> p.sendMmsg(fd, nativeFamily, nativeType, buffers, to, flags), "sendmmsg",
                null, 0, 0);
        for (int i = 0; i < n; i++) {
            buffers[i].position(buffers[i].limit());
        }
        return n;
    }

    // ---- descriptors ----------------------------------------------------------------

    /** Python's {@code dup()}: a new socket on a close-on-exec duplicate of the descriptor, with this one's timeout. */
    public Socket dup() throws IOException {
        enter();
        try {
            long d = p.dup(fd);
            if (d < 0) {
                throw ctx.error(d, "dup");
            }
            Socket s = adopt(ctx, d, nativeFamily, nativeType, proto);
            s.timeoutNanos = timeoutNanos;
            return s;
        } finally {
            exit();
        }
    }

    /**
     * Python's {@code detach()}: closes this object without closing the descriptor, and
     * returns the descriptor, now the caller's (still non-blocking). Threads waiting in the
     * socket wake with {@link SocketClosedException}.
     */
    public int detach() throws IOException {
        if (!isOpen()) {
            return -1;
        }
        release.keepDescriptor = true;
        int n = (int) fd;
        close();
        return n;
    }

    /**
     * Python's {@code ioctl(control, option)} (Windows only, as in CPython): {@code SIO_RCVALL}
     * or {@code SIO_LOOPBACK_FAST_PATH} with one value, {@code SIO_KEEPALIVE_VALS} with
     * {@code onoff, keepalivetime, keepaliveinterval} (ms). Elsewhere it throws
     * {@link UnsupportedOperationException}.
     *
     * <pre>{@code
     * raw.ioctl(SocketConstants.SIO_RCVALL, SocketConstants.RCVALL_ON);
     * }</pre>
     */
    public void ioctl(int control, long... values) throws IOException {
        Objects.requireNonNull(values, "values");
        enter();
        try {
            int r = p.ioctl(fd, control, values.clone());
            if (r < 0) {
                throw ctx.error(r, "ioctl " + Integer.toUnsignedString(control));
            }
        } finally {
            exit();
        }
    }

    /**
     * Python's {@code share(process_id)} (Windows only, as in CPython): bytes from which
     * process {@code pid} makes its own socket for this one with {@link Sockets#fromShare}.
     * Elsewhere it throws {@link UnsupportedOperationException}.
     */
    public byte[] share(int pid) throws IOException {
        enter();
        try {
            return p.share(fd, pid);
        } finally {
            exit();
        }
    }

    /** Python's {@code get_inheritable()}: whether child processes inherit the descriptor (false by default). */
    public boolean getInheritable() throws IOException {
        enter();
        try {
            int r = p.getInheritable(fd);
            if (r < 0) {
                throw ctx.error(r, "get_inheritable");
            }
            return r == 1;
        } finally {
            exit();
        }
    }

    /** Python's {@code set_inheritable()}. */
    public void setInheritable(boolean inheritable) throws IOException {
        enter();
        try {
            int r = p.setInheritable(fd, inheritable);
            if (r < 0) {
                throw ctx.error(r, "set_inheritable");
            }
        } finally {
            exit();
        }
    }

    // ---- files, streams and channels ------------------------------------------------

    /**
     * Python's {@code makefile(mode, buffering, encoding)}: {@code mode} is made of
     * {@code r}, {@code w} and {@code b}, and reads when it has no {@code w} (so {@code ""}
     * and {@code "b"} read, as in CPython); {@code buffering} negative for the default, 0 for
     * none (binary only). The descriptor stays open until this socket and every file are
     * closed. As CPython's, a file that timed out refuses to read again ("cannot read from
     * timed out object"): its buffers may hold part of what was read.
     *
     * <p>Unlike CPython, a {@code buffering} larger than a Java array can be
     * ({@code Integer.MAX_VALUE - 8}) is refused. If anything fails (a buffer the heap cannot
     * hold, say), the file takes no reference on the socket, which can still be closed.
     *
     * <pre>{@code
     * try (SocketFile f = s.makeFile("rb", -1, null)) { byte[] line = f.inputStream().readNBytes(5); }
     * }</pre>
     *
     * @throws IllegalArgumentException for a bad mode, text without buffering, or too large a buffer
     */
    public SocketFile makeFile(String mode, int buffering, java.nio.charset.Charset encoding) {
        Objects.requireNonNull(mode, "mode");
        if (!mode.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'b')) {
            throw new IllegalArgumentException("invalid mode '" + mode + "' (only r, w, b allowed)");
        }
        boolean writing = mode.indexOf('w') >= 0;
        boolean reading = mode.indexOf('r') >= 0 || !writing;
        boolean binary = mode.indexOf('b') >= 0;
        if (buffering == 0 && !binary) {
            throw new IllegalArgumentException("unbuffered streams must be binary");
        }
        if (buffering > SocketFile.MAX_BUFFERING) {
            throw new IllegalArgumentException("buffering " + buffering + " is more than a Java array holds ("
                    + SocketFile.MAX_BUFFERING + ")");
        }
        return new SocketFile(this, mode, reading, writing, binary, buffering,
                encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : encoding);
    }

    /**
     * The socket as an {@link java.io.InputStream}, under java.net's rule (not
     * {@link #makeFile}'s): every call returns the same stream; closing it closes this
     * socket, and {@link #close()} ends it, waking a thread blocked in {@code read} with
     * {@link SocketClosedException}. A read is a {@code recv} in the socket's mode and
     * timeout; -1 at end of stream (after the peer's or this side's {@code SHUT_RD}).
     *
     * <pre>{@code
     * try (Socket s = Sockets.createConnection("example.org", 80, null, null)) {
     *     s.outputStream().write(request);
     *     byte[] reply = s.inputStream().readAllBytes();
     * }   // closes the streams with the socket
     * }</pre>
     */
    public java.io.InputStream inputStream() {
        return views().in;
    }

    /**
     * The socket as an {@link java.io.OutputStream}, under java.net's rule like
     * {@link #inputStream()}: one stream, closing it closes the socket, {@link #close()}
     * ends it. Every write is a {@code sendall}.
     */
    public java.io.OutputStream outputStream() {
        return views().out;
    }

    /**
     * The socket as a {@code java.nio} channel, under java.net's rule like
     * {@link #inputStream()}: one channel, closing it closes the socket, {@link #close()}
     * ends it. Not an {@link java.nio.channels.InterruptibleChannel}: an interrupt ends
     * only the call, as everywhere in weft ({@link SocketByteChannel} says why).
     */
    public SocketByteChannel channel() {
        return views().channel;
    }

    private SocketStreams.Views views() {
        SocketStreams.Views v = views;
        if (v == null) {
            v = new SocketStreams.Views(this);
            if (!VIEWS.compareAndSet(this, null, v)) {
                v = views;
            }
        }
        return v;
    }

    void acquireIoRef() {
        IO_REFS.getAndAdd(this, 1);
    }

    void releaseIoRef() {
        if ((int) IO_REFS.getAndAdd(this, -1) == 1 && closeRequested) {
            try {
                closeNow();
            } catch (IOException ignored) {
                // Closing the last view: nothing can fail that the caller could act on.
            }
        }
    }

    // ---- sendfile -------------------------------------------------------------------

    /**
     * Python's {@code sendfile(file, offset, count)}: sends the file from {@code offset}
     * with {@code sendfile(2)} where the OS has it (else through a buffer), {@code count}
     * bytes or, if {@code count < 0}, to end of file (CPython's {@code count=None}). Returns
     * the bytes sent. The timeout covers the whole call; on timeout {@code bytesTransferred}
     * says how much went.
     *
     * @throws IllegalArgumentException on a non-stream or non-blocking socket, a negative
     *     offset or a count of 0, as Python's ValueError
     */
    public long sendFile(java.nio.file.Path file, long offset, long count) throws IOException {
        checkSendFile(offset, count);
        long ffd;
        try {
            ffd = p.openForReading(file.toString());
        } catch (UnsupportedOperationException noSendfile) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                return sendFile(ch, offset, count);
            }
        }
        if (ffd < 0) {
            throw ctx.error(ffd, "open " + file);
        }
        try {
            return sendFileDescriptor(ffd, offset, count);
        } finally {
            p.close(ffd);
        }
    }

    /**
     * {@code sendfile} from an open channel through a buffer, from {@code offset}; the
     * channel's position ends after the last byte sent (also on error), as CPython leaves a
     * file's position. {@code count} as above: negative for the whole file, never 0.
     */
    public long sendFile(java.nio.channels.FileChannel file, long offset, long count) throws IOException {
        checkSendFile(offset, count);
        Deadline d = Deadline.after(timeoutNanos);
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        long sent = 0;
        try {
            while (count < 0 || sent < count) {
                buf.clear();
                if (count >= 0 && count - sent < buf.capacity()) {
                    buf.limit((int) (count - sent));
                }
                int n = file.read(buf, offset + sent);
                if (n <= 0) {
                    break;
                }
                buf.flip();
                try {
                    transmit(buf, 0, null, true, d, sent);
                } finally {
                    sent += n - buf.remaining();
                }
            }
            return sent;
        } finally {
            file.position(offset + sent);
        }
    }

    private void checkSendFile(long offset, long count) {
        if (type != SocketType.STREAM) {
            throw new IllegalArgumentException("only SOCK_STREAM type sockets are supported");
        }
        if (timeoutNanos == 0) {
            throw new IllegalArgumentException("non-blocking sockets are not supported");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
        if (count == 0) {
            // CPython's rule; a negative count is CPython's None.
            throw new IllegalArgumentException("count must be a positive integer (got 0)");
        }
    }

    private long sendFileDescriptor(long ffd, long offset, long count) throws IOException {
        Deadline d = Deadline.after(timeoutNanos);
        enter(); // a closed socket fails even when there is nothing to send
        try {
            long sent = 0;
            while (count < 0 || sent < count) {
                long chunk = count < 0 ? 1L << 30 : Math.min(count - sent, 1L << 30);
                long at = offset + sent;
                long n = retry(Poller.WRITE, d, SENDS, () -> p.sendFile(fd, ffd, at, chunk), "sendfile", null, sent, 0);
                if (n == 0) {
                    break; // end of file
                }
                sent += n;
            }
            return sent;
        } finally {
            exit();
        }
    }

    // ---- the rest -------------------------------------------------------------------

    /**
     * {@code shutdown(2)} with {@link #SHUT_RD}, {@link #SHUT_WR} or {@link #SHUT_RDWR}.
     *
     * <p>On a datagram socket ({@code SOCK_DGRAM}, {@code SOCK_RAW}...), shutting the read side
     * ends every receive in blocking or timeout mode that finds nothing queued, also those
     * already waiting in other threads, with an empty result, as the kernel's blocking
     * {@code recvfrom} does: {@code recv} an empty array, {@code recvFrom} empty data and a
     * null address, {@code recvMsg} no data and no ancillary data, {@code recvMmsg} no
     * datagrams. Linux shuts an unconnected datagram socket's read side too, though the call
     * throws {@code ENOTCONN} (CPython raises it as well). In non-blocking mode a receive
     * still throws {@link WouldBlockException}, as the kernel says. Two deliberate
     * differences from CPython: in timeout mode CPython's receive retries until the timeout
     * and raises {@code TimeoutError} (its poll finds the socket readable, its non-blocking
     * {@code recvfrom} says {@code EAGAIN}), where weft returns the empty result; and only a
     * shutdown made through this object is seen (one through a duplicate descriptor or
     * another process leaves a receive waiting, as the poller's report cannot be told from
     * a pending error).
     *
     * <pre>{@code
     * udp.shutdown(Socket.SHUT_RD); // a thread blocked in udp.recvFrom(2048) gets (empty, null)
     * }</pre>
     */
    public void shutdown(int how) throws IOException {
        if (how < SHUT_RD || how > SHUT_RDWR) {
            throw new IllegalArgumentException("how must be SHUT_RD, SHUT_WR or SHUT_RDWR, got " + how);
        }
        enter();
        try {
            drainedAt = 0; // a shut read side ends the stream now: the next read must ask the kernel
            int r = p.shutdown(fd, how);
            if (how != SHUT_WR && type != SocketType.STREAM && type != SocketType.SEQPACKET) {
                // A stream's or SEQPACKET's non-blocking recv returns 0 once shut by itself; a
                // datagram socket's says EAGAIN, so its receivers must be told here.
                if (r == 0) {
                    readSide = READ_SHUT;
                } else if (p.errno(-r) == Errno.ENOTCONN && readSide == READ_OPEN) {
                    readSide = READ_SHUT_IF_REPORTED;
                }
                waiters.ready(Poller.READ);
            }
            if (r < 0) {
                throw ctx.error(r, "shutdown");
            }
        } finally {
            exit();
        }
    }

    /** Whether a datagram receive that found nothing must return empty: see {@link #shutdown}. */
    private boolean readShutDown() {
        int r = readSide;
        return r == READ_SHUT || r == READ_SHUT_IF_REPORTED && waiters.stateChanged();
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
        // The option's own name first: an option this OS lacks fails naming it, not its level.
        int name = optionNumber(option);
        int level = level(option);
        setSockOpt(level, name, p.encodeOption(option.name(), option.type().cast(value)));
    }

    /** Reads a typed option, e.g. {@code getOption(SockOpt.SO_RCVBUF)}. */
    public <T> T getOption(SockOpt<T> option) throws IOException {
        // An array (CAN_RAW_FILTER's filters) needs room for all of it: the kernel fails a shorter
        // buffer with ERANGE rather than truncating it. 1 KiB, CPython's getsockopt limit and
        // what the providers' option area holds: 128 CAN filters (the kernel takes up to 512).
        byte[] b = new byte[option.type().isArray() ? 1024 : option.type() == TcpInfo.class ? 512 : 64];
        int name = optionNumber(option);
        int level = level(option);
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
            if (name == p.constants().getOrDefault("SO_LINGER", -2) && level == p.constants().getOrDefault("SOL_SOCKET", -2)) {
                lingering = value.length >= 4 && (value[0] | value[1] | value[2] | value[3]) != 0;
            }
            if (name == p.constants().getOrDefault("TCP_ULP", -2) && level == p.constants().getOrDefault("IPPROTO_TCP", -2)) {
                skipDrained = false; // kernel TLS and other upper layers end reads at their own records
            }
        } finally {
            exit();
        }
    }

    /**
     * Python's {@code setsockopt(level, name, None, optlen)}, for the options that take only a
     * length, e.g. {@code setSockOpt(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, null, 16)}. A deliberate
     * difference from CPython, which passes a NULL value: weft passes {@code optlen} zero
     * bytes (such options read only the length).
     */
    public void setSockOpt(int level, int name, Void none, int optlen) throws IOException {
        if (optlen < 0) {
            throw new IllegalArgumentException("optlen must not be negative, got " + optlen);
        }
        setSockOpt(level, name, new byte[optlen]);
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
     * {@link #inputStream()}, {@link #outputStream()} and {@link #channel()} close with it;
     * files from {@link #makeFile} keep the descriptor open until they are closed too
     * (CPython's rule), and only then are waiting threads woken.
     * As in CPython, an error of {@code close(2)} is thrown (e.g. {@code EBADF} when the
     * descriptor was closed underneath, as a {@link SocketClosedException} carrying it),
     * except {@code ECONNRESET}; the socket is closed either way. When threads were still
     * inside, the last to leave closes the descriptor and an error then has no one to go to.
     */
    @Override
    public void close() throws IOException {
        if (ioRefs > 0) {
            // CPython's rule: files made by makefile() keep the descriptor open.
            closeRequested = true;
            if (ioRefs > 0) {
                return;
            }
        }
        closeNow();
    }

    private void closeNow() throws IOException {
        int s = (int) STATE.getAndBitwiseOr(this, CLOSING);
        if ((s & CLOSING) != 0) {
            return;
        }
        waiters.ready(Poller.READ | Poller.WRITE);
        waiters.closed();
        if ((s & COUNT) == 0) {
            IOException e = finishClose();
            if (e != null) {
                throw e;
            }
        }
    }

    /** Closes the descriptor (once); returns the error of close(2) to report, or null. */
    private IOException finishClose() {
        int s = (int) STATE.getAndBitwiseOr(this, CLOSED);
        if ((s & CLOSED) != 0) {
            return null;
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
        int r = release.result;
        return r < 0 && p.errno(-r) != Errno.ECONNRESET ? ctx.error(r, "close") : null;
    }

    /**
     * Python's {@code repr}: {@code <weft.Socket fd=3, family=INET, type=STREAM, proto=0,
     * laddr=127.0.0.1:5000, raddr=127.0.0.1:40000>}; {@code [closed]} before {@code fd=} once
     * closed, and, as CPython, no {@code laddr} or {@code raddr} where there is no such
     * address (not connected, unnamed, or closed). Unlike CPython's, the family and type are
     * names where weft has one (CPython 3.11 prints {@code family=2, type=1}), and addresses
     * print as {@link SockAddr}s do ({@code 127.0.0.1:5000}, not {@code ('127.0.0.1', 5000)}).
     */
    @Override
    public String toString() {
        boolean open = isOpen();
        StringBuilder sb = new StringBuilder("<weft.Socket ").append(open ? "" : "[closed] ").append("fd=").append(fileno())
                .append(", family=").append(family != null ? family : nativeFamily)
                .append(", type=").append(type != null ? type : nativeType)
                .append(", proto=").append(proto);
        if (open) {
            appendAddress(sb, "laddr", true);
            appendAddress(sb, "raddr", false);
        }
        return sb.append('>').toString();
    }

    private void appendAddress(StringBuilder sb, String name, boolean local) {
        SockAddr a;
        try {
            a = local ? getSockName() : getPeerName();
        } catch (IOException | RuntimeException none) {
            return; // not bound, not connected, or closed meanwhile: CPython leaves the field out
        }
        if (a != null && !(a instanceof SockAddr.Unix u && u.isUnnamed())) {
            sb.append(", ").append(name).append('=').append(a);
        }
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
            finishClose(); // close() has returned: an error of close(2) has no one to go to
        }
    }

    void armPoller(int direction) throws IOException {
        ctx.poller.arm(pollKey, direction);
    }

    void beforePark() {
        ctx.poller.beforePark();
    }

    /**
     * {@code -Dweft.spinMicros=N}: a call that would block first retries for up to N µs,
     * yielding between tries, before it parks. Off by default, and ignored with one carrier
     * (a spinning thread there only delays the peer it waits for). Measured on unpinned
     * 64 B TCP ping-pong (BENCHMARKS.md): it takes the round trip from 18 µs to about 7 by
     * keeping a second CPU busy; the drained-read skip is off while it is on.
     */
    private static final long SPIN_NANOS = spinNanos();

    private static long spinNanos() {
        long micros = Long.getLong("weft.spinMicros", 0);
        return Poller.carriers() > 1 ? Math.max(0, micros) * 1000 : 0;
    }

    /** {@link #spin}'s answer for "park": no more spinning in this call. */
    private static final long SPUN = Long.MIN_VALUE;

    /**
     * A call would block: whether to try again now (returns the spin's start time, 0 before
     * the first spin) or park (returns {@link #SPUN}). Tries again within the spin window,
     * before the deadline, with the socket open and the thread not interrupted, yielding
     * first so that other virtual threads on this carrier run. A window that ends with
     * nothing makes the next 1, 2, 4 ... 64 waits on this socket park at once; a spin that
     * succeeds ({@link #spinPaidOff}) resets that, so sockets whose data comes slowly stop
     * spinning and busy ones keep it. No spinning while the poller is starved
     * ({@link Poller#starved}): spinners feeding each other would keep it from ever running.
     */
    private long spin(long spinStart, Deadline d) {
        if (spinStart == SPUN) {
            return SPUN;
        }
        long now = System.nanoTime();
        if (spinStart == 0) {
            if (spinSkips > 0) {
                spinSkips--;
                return SPUN;
            }
            spinStart = now;
        } else if (now - spinStart >= SPIN_NANOS) {
            spinBackoff = Math.min(64, spinBackoff == 0 ? 1 : spinBackoff * 2);
            spinSkips = spinBackoff;
            return SPUN;
        }
        if (d.passed(now) || !isOpen() || Thread.currentThread().isInterrupted() || ctx.poller.starved()) {
            return SPUN;
        }
        Thread.yield();
        return spinStart;
    }

    /** The call succeeded: if it had spun, spinning pays off on this socket. */
    private void spinPaidOff(long spinStart) {
        if (spinStart != 0 && spinStart != SPUN && spinBackoff != 0) {
            spinBackoff = 0;
        }
    }

    /** The deadline of a call made with {@code flags}: {@code MSG_DONTWAIT} makes this one call non-blocking. */
    private Deadline deadline(int flags) {
        return (flags & ctx.msgDontwait) != 0 ? Deadline.NOW : Deadline.after(timeoutNanos);
    }

    /** A non-blocking system call: its result, or -errno. */
    @FunctionalInterface
    private interface Call {
        long run();
    }

    /**
     * A non-blocking system call on socket {@code s} with the arguments {@code a}, {@code i}
     * and {@code b}. The two calls every message makes ({@link #RECV}, {@link #SEND}) are
     * constants of this form: a lambda that captures its arguments is a new object per call
     * (the loop is too big to inline, so escape analysis cannot remove it), 32 bytes each,
     * which took a 64 B AF_UNIX ping-pong from 128 to 256 bytes allocated per round trip.
     */
    @FunctionalInterface
    private interface CallOn {
        long run(Socket s, Object a, int i, Object b);
    }

    private static final CallOn RECV = (s, a, i, b) -> s.p.recv(s.fd, s.nativeFamily, s.nativeType, (ByteBuffer) a, i, (SockAddr[]) b);
    private static final CallOn SEND = (s, a, i, b) -> s.p.send(s.fd, s.nativeFamily, s.nativeType, (ByteBuffer) a, i, (SockAddr) b);
    /** Any other call, a {@link Call} passed as {@code a}. */
    private static final CallOn THUNK = (s, a, i, b) -> ((Call) a).run();

    // The policies of the one loop below. Each is a choice some calls make and others do not,
    // with the reason beside it.

    /**
     * Retry for up to {@link #SPIN_NANOS} before parking, when {@code -Dweft.spinMicros} asks
     * for it: for calls whose wait is often a few microseconds (a reply to a receive, the
     * next datagram of a batch, a connection in a busy accept loop). Measured in
     * BENCHMARKS.md for receives, datagram batches and accept.
     */
    private static final int SPIN = 1;
    /**
     * A plain TCP read whose last call emptied the socket parks before asking the kernel
     * again, while the poller has reported nothing since (see {@link #drainedAt}).
     */
    private static final int SKIP_DRAINED = 2;
    /**
     * Plain sends and sendfile never spin: a full send buffer waits for the peer to read,
     * which takes about as long as the peer's next turn on a CPU, and the spin was only ever
     * measured to pay off on receives. Message sends ({@code sendmsg}, {@code sendmmsg})
     * keep {@link #SPIN} as measured with datagram batches.
     */
    private static final int SENDS = 0;
    /**
     * In non-blocking mode "would block" returns {@link #WOULD_BLOCK} instead of throwing
     * {@link WouldBlockException}: for the channel view, whose {@code java.nio} contract is a
     * 0 return there, and which should not pay for an exception it would only catch
     * (benchmark h: the throw's unwinding is about a tenth of the call).
     */
    private static final int NOW = 4;
    /** What {@link #retry} returns under {@link #NOW} when the call would block. */
    static final long WOULD_BLOCK = -1;

    /**
     * The one loop every call that may wait goes through: tries {@code call}; retries it
     * after {@code EINTR} (PEP 475); after {@code EAGAIN} fails in non-blocking mode, spins
     * if {@code policy} allows, else parks until the poller reports {@code direction} or
     * {@code d} passes, and tries again. Returns the call's non-negative result.
     *
     * <p>The wake-up protocol is {@link Waiters}': the direction's event count is read
     * before the call, so a report that comes between the call's EAGAIN and the park is
     * never lost.
     *
     * @param what the call's name for errors, followed by {@code detail} if non-null (built only on error)
     * @param before bytes earlier rounds of the same operation moved: a timeout or interrupt
     *     reports them, an OS error mentions them
     * @param want for {@link #SKIP_DRAINED}, the bytes the read asks for
     */
    private long retry(int direction, Deadline d, int policy, Call call, String what, Object detail, long before, int want)
            throws IOException {
        return retry(direction, d, policy, THUNK, call, 0, null, what, detail, before, want);
    }

    /** {@link #retry(int, Deadline, int, Call, String, Object, long, int) retry} of {@code call.run(this, a, i, b)}. */
    private long retry(int direction, Deadline d, int policy, CallOn call, Object a, int i, Object b, String what, Object detail,
            long before, int want) throws IOException {
        enter();
        try {
            boolean first = true;
            long spinStart = 0;
            for (;;) {
                int seq = waiters.seq(direction);
                if (first && (policy & SKIP_DRAINED) != 0 && !d.nonBlocking() && SPIN_NANOS == 0
                        && drainedAt == drained(seq) && !waiters.stateChanged()) {
                    first = false;
                    await(direction, seq, d, before, 0);
                    continue;
                }
                first = false;
                long r = call.run(this, a, i, b);
                if (r >= 0) {
                    spinPaidOff(spinStart);
                    if ((policy & SKIP_DRAINED) != 0) {
                        // Fewer bytes than asked for: the socket was empty when the call returned.
                        drainedAt = r > 0 && r < want ? drained(seq) : 0;
                    }
                    return r;
                }
                if (r == ctx.eintr) {
                    continue;
                }
                if (!ctx.wouldBlock(r)) {
                    IOException e = ctx.error(r, detail == null ? what : what + " " + detail);
                    if (before > 0) {
                        e.addSuppressed(new IOException(before + " bytes had been "
                                + (direction == Poller.READ ? "received" : "sent")));
                    }
                    throw e;
                }
                if (direction == Poller.READ && !d.nonBlocking() && readShutDown()) {
                    return 0; // the kernel's blocking recv on a shut datagram socket: an empty result
                }
                if ((policy & SPIN) != 0 && SPIN_NANOS > 0 && !d.nonBlocking()) {
                    spinStart = spin(spinStart, d);
                    if (spinStart != SPUN) {
                        continue;
                    }
                }
                if ((policy & NOW) != 0 && d.nonBlocking()) {
                    return WOULD_BLOCK;
                }
                await(direction, seq, d, before, r);
            }
        } finally {
            exit();
        }
    }

    /**
     * The call would block: throw in non-blocking mode or when time is up, else park until
     * the poller reports {@code direction} after {@code seq}.
     */
    private void await(int direction, int seq, Deadline d, long bytes, long err) throws IOException {
        if (d.nonBlocking()) {
            throw ctx.wouldBlockError(err);
        }
        long left = d.left();
        if (!d.blocking() && left <= 0) {
            throw Errors.timedOut(bytes);
        }
        waiters.await(this, direction, seq, left);
        checkAfterWait(bytes);
        if (err != 0 && !d.blocking() && waiters.seq(direction) == seq && d.left() <= 0) {
            // The kernel said EAGAIN before this wait, the timer woke it and nothing was reported
            // since: asking again would only hear EAGAIN again. (A wait that skipped the call,
            // see SKIP_DRAINED, asks the kernel once before it reports the timeout.)
            throw Errors.timedOut(bytes);
        }
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
        // An AF_RDS socket is addressed by AF_INET addresses (CPython parses them as AF_INET's).
        if (f == null ? ((SockAddr.Raw) a).nativeFamily() != nativeFamily : f != family && !(f == Family.INET && family == Family.RDS)) {
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
