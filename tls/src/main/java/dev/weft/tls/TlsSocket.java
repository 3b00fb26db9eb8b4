package dev.weft.tls;

import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketType;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * TLS over a connected weft stream socket of any family (TCP, AF_UNIX, VSOCK ...), in weft's
 * blocking style: Python's {@code ssl.SSLSocket} calls ({@code recv}, {@code recv_into},
 * {@code send}, {@code sendall}, {@code do_handshake}, {@code unwrap}) over a
 * {@link SSLEngine} made from the {@link SSLContext} you give.
 *
 * <p><b>Timeouts</b> work as on {@link Socket}: {@code null} blocks, {@link Duration#ZERO}
 * is non-blocking ({@link WouldBlockException} when a whole record is not there yet), a
 * positive timeout bounds each call as a whole, including the handshake steps and every
 * read and write of the plain socket it needs ({@link WeftTimeoutException}, whose
 * {@code bytesTransferred} counts plaintext bytes). The timeout starts as the plain
 * socket's.
 *
 * <p><b>Handshake.</b> Done by the first {@link #recv}/{@link #send} (or an explicit
 * {@link #handshake()}) inside that call's deadline. Clients made with
 * {@link #client} send SNI and verify the server's name (endpoint identification
 * {@code "HTTPS"}) against the certificate; use {@link #wrap} with your own engine to
 * change that. A failed handshake (an untrusted certificate, a wrong name, an alert)
 * throws the engine's {@link javax.net.ssl.SSLHandshakeException} and closes this socket
 * and the plain one: nothing is left open.
 *
 * <p><b>Threads.</b> One thread may read while another writes (each direction has its own
 * lock and its own deadline; the write side uses a duplicate of the plain descriptor so
 * that the two deadlines never share the plain socket's timeout field). {@link #close()}
 * from any thread wakes both. Locks are {@code java.util.concurrent} locks, never monitors,
 * so virtual threads never pin.
 *
 * <p><b>Closing.</b> {@link #close()} sends {@code close_notify} (if it can without waiting)
 * and closes the plain socket. {@link #unwrap()} does Python's {@code unwrap}: the full
 * TLS shutdown, then hands back the plain socket, still open. An end of stream without the
 * peer's {@code close_notify} reads as an end of stream (Python's
 * {@code suppress_ragged_eofs=True}).
 *
 * <pre>{@code
 * Socket plain = Sockets.createConnection("example.org", 443, Duration.ofSeconds(5), null);
 * try (TlsSocket tls = TlsSocket.client(plain, SSLContext.getDefault(), "example.org")) {
 *     tls.sendAll("GET / HTTP/1.0\r\nHost: example.org\r\n\r\n".getBytes());
 *     byte[] reply = tls.recv(4096);
 * }
 * }</pre>
 */
public final class TlsSocket implements AutoCloseable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    /** How long {@link #close()} gives a close_notify when the socket has no timeout of its own. */
    private static final long CLOSE_NOTIFY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Socket plain;
    /** A duplicate of {@link #plain}'s descriptor: every write goes through it, under {@link #writeLock}. */
    private final Socket out;
    private final SSLEngine engine;
    /** Held by whoever runs the first handshake; taken before {@link #readLock} and {@link #writeLock}. */
    private final ReentrantLock handshakeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Ciphertext received and not yet unwrapped, in write mode; under {@link #readLock}. */
    private ByteBuffer netIn;
    /** Plaintext unwrapped and not yet returned, in read mode; under {@link #readLock}. */
    private ByteBuffer appIn;
    /** Ciphertext wrapped and not yet sent, in read mode; under {@link #writeLock}. */
    private ByteBuffer netOut;
    /** The peer's close_notify (or end of stream) was read; under {@link #readLock}. */
    private boolean inboundDone;
    /** The last timeout each side's socket was given, to skip setting it again. */
    private long plainTimeoutSet = Long.MIN_VALUE;
    private long outTimeoutSet = Long.MIN_VALUE;
    private volatile boolean handshakeDone;
    /** Under {@link #handshakeLock}. */
    private boolean handshakeBegun;
    /** -1 blocking, 0 non-blocking, else nanoseconds. */
    private volatile long timeoutNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean unwrapped;

    private TlsSocket(Socket plain, SSLEngine engine) throws IOException {
        if (plain.type() != SocketType.STREAM) {
            throw new IllegalArgumentException("TLS needs a stream socket, not " + plain.type());
        }
        if (!plain.isOpen()) {
            throw new IllegalArgumentException("the plain socket is closed");
        }
        this.plain = plain;
        this.engine = engine;
        Duration t = plain.getTimeout();
        this.timeoutNanos = t == null ? -1 : t.toNanos();
        this.out = plain.dup();
        SSLSession s = engine.getSession();
        this.netIn = ByteBuffer.allocate(s.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize()).flip();
        this.netOut = ByteBuffer.allocate(s.getPacketBufferSize()).flip();
    }

    /**
     * The client side of TLS over {@code plain} (connected), for the server named
     * {@code hostname}: sends it as SNI (unless it is an IP address, which SNI cannot carry)
     * and checks the server's certificate against it (endpoint identification
     * {@code "HTTPS"}, as Python's {@code check_hostname}). On success this socket owns
     * {@code plain}; on failure the caller still does.
     *
     * @throws IllegalArgumentException if {@code plain} is not an open stream socket
     */
    public static TlsSocket client(Socket plain, SSLContext context, String hostname) throws IOException {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(hostname, "hostname");
        SSLEngine e = context.createSSLEngine(hostname, peerPort(plain));
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(hostname)) {
            // The JDK sends SNI only for names with a dot; Python (and curl) send "localhost" too.
            p.setServerNames(List.of(new SNIHostName(hostname)));
        }
        e.setSSLParameters(p);
        return new TlsSocket(plain, e);
    }

    /** The server side of TLS over {@code plain} (an accepted socket). On success this socket owns {@code plain}. */
    public static TlsSocket server(Socket plain, SSLContext context) throws IOException {
        Objects.requireNonNull(plain, "plain");
        SSLEngine e = context.createSSLEngine();
        e.setUseClientMode(false);
        return new TlsSocket(plain, e);
    }

    /**
     * TLS over {@code plain} with an engine you configured (client or server mode, SNI,
     * endpoint identification, ALPN, client authentication ...); nothing is changed on it.
     * A handshake must not have begun. On success this socket owns {@code plain}.
     */
    public static TlsSocket wrap(Socket plain, SSLEngine engine) throws IOException {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(engine, "engine");
        return new TlsSocket(plain, engine);
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9'));
    }

    private static int peerPort(Socket plain) {
        try {
            SockAddr a = plain.getPeerName();
            if (a instanceof SockAddr.Inet4 v4) {
                return v4.port();
            }
            if (a instanceof SockAddr.Inet6 v6) {
                return v6.port();
            }
        } catch (IOException e) {
            // Not connected yet, or no port in this family: the port only keys session reuse.
        }
        return -1;
    }

    // ---- modes and accessors ---------------------------------------------------------

    /** As {@link Socket#setTimeout}: null blocks, {@code ZERO} is non-blocking, else each call's bound. */
    public void setTimeout(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + timeout);
        }
        timeoutNanos = timeout == null ? -1 : timeout.toNanos();
    }

    /** As {@link Socket#getTimeout}. */
    public Duration getTimeout() {
        long t = timeoutNanos;
        return t < 0 ? null : Duration.ofNanos(t);
    }

    /**
     * The plain socket underneath, for its address, options and descriptor. Do not read or
     * write it while TLS runs over it; close this socket rather than it.
     */
    public Socket plain() {
        return plain;
    }

    /** The engine, for what it negotiated ({@code getSession()}, {@code getApplicationProtocol()}). */
    public SSLEngine engine() {
        return engine;
    }

    /** The session: the peer's certificates, protocol and cipher suite once the handshake is done. */
    public SSLSession session() {
        return engine.getSession();
    }

    /** Whether the handshake has completed. */
    public boolean isHandshakeDone() {
        return handshakeDone;
    }

    /** Python's {@code pending()}: plaintext bytes already decrypted and ready to read without waiting. */
    public int pending() {
        readLock.lock();
        try {
            return appIn.remaining();
        } finally {
            readLock.unlock();
        }
    }

    /** Whether neither {@link #close()} nor {@link #unwrap()} has been called. */
    public boolean isOpen() {
        return !closed.get();
    }

    // ---- handshake -------------------------------------------------------------------

    /** Python's {@code do_handshake()}: runs the handshake now, within the timeout; nothing if done. */
    public void handshake() throws IOException {
        long t = timeoutNanos;
        ensureHandshake(t, start(t));
    }

    private void ensureHandshake(long t, long start) throws IOException {
        if (handshakeDone) {
            return;
        }
        checkOpen();
        lock(handshakeLock, t, start, 0);
        try {
            if (handshakeDone) {
                return;
            }
            lock(readLock, t, start, 0);
            try {
                lock(writeLock, t, start, 0);
                try {
                    if (!handshakeBegun) {
                        handshakeBegun = true; // a retry after a timeout resumes where the engine is
                        engine.beginHandshake();
                    }
                    runHandshake(t, start);
                    handshakeDone = true;
                } catch (SSLException e) {
                    failed(e);
                    throw e;
                } finally {
                    writeLock.unlock();
                }
            } finally {
                readLock.unlock();
            }
        } finally {
            handshakeLock.unlock();
        }
    }

    /** Steps the engine until it stops handshaking; the caller holds both locks. */
    private void runHandshake(long t, long start) throws IOException {
        for (;;) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    wrapInto(EMPTY);
                    flush(t, start, 0);
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    SSLEngineResult r = unwrapOnce();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        if (readMore(t, start, 0) < 0) {
                            throw new SSLException("the peer closed the connection during the TLS handshake");
                        }
                    } else if (r.getStatus() == SSLEngineResult.Status.CLOSED
                            && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                        throw new SSLException("the peer closed TLS during the handshake");
                    }
                }
                default -> {
                    flush(t, start, 0); // what the last wrap produced (e.g. the client's Finished)
                    return;
                }
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /**
     * A handshake failed: send the engine's alert if that is possible at once, then close
     * everything, so the caller is left with nothing to clean up.
     */
    private void failed(SSLException e) {
        try {
            if (writeLock.isHeldByCurrentThread()) {
                engine.closeOutbound();
                wrapInto(EMPTY);
                flush(0, 0, 0);
            }
        } catch (IOException | RuntimeException ignored) {
            // The alert is a courtesy; the error the caller gets is the handshake's.
        }
        closeSockets();
    }

    // ---- receiving -------------------------------------------------------------------

    /** Python's {@code recv(bufsize)}: up to {@code bufsize} plaintext bytes; empty at end of stream. */
    public byte[] recv(int bufsize) throws IOException {
        if (bufsize < 0) {
            throw new IllegalArgumentException("negative bufsize " + bufsize);
        }
        byte[] b = new byte[bufsize];
        int n = recvInto(ByteBuffer.wrap(b));
        return n == bufsize ? b : Arrays.copyOf(b, n);
    }

    /** {@code recv_into} for {@code len} bytes of {@code b} from {@code off}. */
    public int recvInto(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return recvInto(ByteBuffer.wrap(b, off, len));
    }

    /**
     * Python's {@code recv_into}: plaintext into {@code dst} from its position (advanced);
     * the count, 0 at end of stream (the peer's close_notify, or end of the plain stream).
     */
    public int recvInto(ByteBuffer dst) throws IOException {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        long t = timeoutNanos;
        long start = start(t);
        ensureHandshake(t, start);
        if (!dst.hasRemaining()) {
            return 0;
        }
        lock(readLock, t, start, 0);
        try {
            checkOpen();
            for (;;) {
                if (appIn.hasRemaining()) {
                    int n = Math.min(appIn.remaining(), dst.remaining());
                    int lim = appIn.limit();
                    appIn.limit(appIn.position() + n);
                    dst.put(appIn);
                    appIn.limit(lim);
                    return n;
                }
                if (inboundDone) {
                    return 0;
                }
                SSLEngineResult r = unwrapOnce();
                switch (r.getStatus()) {
                    case BUFFER_UNDERFLOW -> {
                        if (readMore(t, start, 0) < 0) {
                            inboundDone = true; // a ragged end: Python's suppress_ragged_eofs
                        }
                    }
                    case CLOSED -> inboundDone = true;
                    default -> { }
                }
                afterUnwrap(t, start);
            }
        } catch (SSLException e) {
            closeSockets(); // a corrupt or forged record: the connection cannot go on
            throw e;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * What a record read after the handshake may ask for: a task, or a reply (a TLS 1.3
     * KeyUpdate, a TLS 1.2 renegotiation's messages) that the reader sends itself.
     */
    private void afterUnwrap(long t, long start) throws IOException {
        for (;;) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    if (engine.isOutboundDone()) {
                        return;
                    }
                    lock(writeLock, t, start, 0);
                    try {
                        flush(t, start, 0);
                        while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP
                                && !engine.isOutboundDone()) {
                            wrapInto(EMPTY);
                            flush(t, start, 0);
                        }
                    } finally {
                        writeLock.unlock();
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** One unwrap of {@link #netIn} into {@link #appIn}, growing {@link #appIn} if it is too small. */
    private SSLEngineResult unwrapOnce() throws SSLException {
        for (;;) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
                netIn.compact();
            }
            if (r.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    int need = engine.getSession().getPacketBufferSize();
                    if (netIn.capacity() < need) {
                        netIn = grow(netIn.flip(), need).compact();
                    }
                }
                return r;
            }
            appIn = grow(appIn, appIn.remaining() + engine.getSession().getApplicationBufferSize());
        }
    }

    /** A copy of {@code b}'s remaining bytes (read mode) in a buffer of at least {@code capacity}, in read mode. */
    private static ByteBuffer grow(ByteBuffer b, int capacity) {
        ByteBuffer n = ByteBuffer.allocate(Math.max(capacity, b.remaining()));
        n.put(b).flip();
        return n;
    }

    /** Reads ciphertext into {@link #netIn} within the deadline; -1 at end of stream. */
    private int readMore(long t, long start, long done) throws IOException {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn.flip(), netIn.capacity() * 2).compact();
        }
        plainTimeoutSet = setRemaining(plain, plainTimeoutSet, t, start, done);
        int n;
        try {
            n = plain.recvInto(netIn);
        } catch (WeftTimeoutException e) {
            throw timedOut("recv", done);
        }
        return n == 0 ? -1 : n;
    }

    // ---- sending ---------------------------------------------------------------------

    /** Python's {@code send}: encrypts and sends one record of up to 16 KiB of {@code data}; returns how much it took. */
    public int send(byte[] data) throws IOException {
        return send(ByteBuffer.wrap(data));
    }

    /**
     * {@code send} from {@code src}'s position (advanced by the count). In non-blocking
     * mode a record the kernel took only part of stays queued here and goes out first on
     * the next send, {@link #sendAll} or {@link #close()}.
     */
    public int send(ByteBuffer src) throws IOException {
        return (int) write(src, false);
    }

    /** Python's {@code sendall}: every byte of {@code data}, within the timeout. */
    public void sendAll(byte[] data) throws IOException {
        write(ByteBuffer.wrap(data), true);
    }

    /**
     * {@code sendall} from {@code src}'s position to its limit. On timeout,
     * {@link WeftTimeoutException#bytesTransferred} says how many plaintext bytes were
     * taken (and {@code src}'s position is past them); they go out, in order, before
     * anything sent later.
     */
    public void sendAll(ByteBuffer src) throws IOException {
        write(src, true);
    }

    private long write(ByteBuffer src, boolean all) throws IOException {
        long t = timeoutNanos;
        long start = start(t);
        ensureHandshake(t, start);
        lock(writeLock, t, start, 0);
        long done = 0;
        try {
            checkOpen();
            flush(t, start, 0);
            do {
                if (engine.isOutboundDone()) {
                    throw new SocketClosedException(dev.weft.Errno.EPIPE, 0, "TLS connection closed for sending");
                }
                int before = src.position();
                SSLEngineResult r = wrapInto(src);
                done += src.position() - before;
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                try {
                    flush(t, start, done);
                } catch (WouldBlockException e) {
                    if (done > 0 && !all) {
                        return done; // the record is queued in netOut and goes out first next time
                    }
                    throw done == 0 ? e : timedOut("sendall", done);
                }
                if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP && src.hasRemaining()
                        && r.bytesConsumed() == 0) {
                    awaitPeerHandshake(t, start, done);
                }
            } while (all && src.hasRemaining() || done == 0 && src.hasRemaining());
            return done;
        } catch (SSLException e) {
            closeSockets();
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A renegotiation (TLS 1.2) holds writes until the peer's messages are read. A reader
     * may be waiting in {@link #recvInto} and read them; else this writer reads them. The
     * write lock is let go meanwhile so that the reader can answer. Never in TLS 1.3.
     */
    private void awaitPeerHandshake(long t, long start, long done) throws IOException {
        writeLock.unlock();
        try {
            while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
                if (readLock.tryLock(1, TimeUnit.MILLISECONDS)) {
                    try {
                        lock(writeLock, t, start, done);
                        try {
                            runHandshake(t, start);
                        } finally {
                            writeLock.unlock();
                        }
                    } finally {
                        readLock.unlock();
                    }
                }
                remaining(t, start, done, "sendall");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(done);
        } finally {
            writeLock.lock(); // write() unlocks it; a short wait, the holder is between records
        }
    }

    /** Wraps {@code src} (or an empty buffer for handshake and closing records) into {@link #netOut}, which must be empty. */
    private SSLEngineResult wrapInto(ByteBuffer src) throws SSLException {
        for (;;) {
            netOut.compact();
            SSLEngineResult r;
            try {
                r = engine.wrap(src, netOut);
            } finally {
                netOut.flip();
            }
            if (r.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return r;
            }
            netOut = grow(netOut, netOut.remaining() + engine.getSession().getPacketBufferSize());
        }
    }

    /** Sends all of {@link #netOut} within the deadline; what is not sent stays there. */
    private void flush(long t, long start, long done) throws IOException {
        while (netOut.hasRemaining()) {
            outTimeoutSet = setRemaining(out, outTimeoutSet, t, start, done);
            try {
                out.send(netOut);
            } catch (WeftTimeoutException e) {
                throw timedOut("sendall", done);
            }
        }
    }

    // ---- closing ---------------------------------------------------------------------

    /**
     * Python's {@code unwrap()}: the TLS shutdown (our close_notify, then the peer's, within
     * the timeout), and the plain socket back, open, for plaintext after TLS. Plaintext
     * the peer sent after its close_notify and that was already read is dropped.
     */
    public Socket unwrap() throws IOException {
        long t = timeoutNanos;
        long start = start(t);
        checkOpen();
        lock(readLock, t, start, 0);
        try {
            lock(writeLock, t, start, 0);
            try {
                checkOpen();
                if (handshakeDone) {
                    flush(t, start, 0);
                    engine.closeOutbound();
                    while (!engine.isOutboundDone()) {
                        wrapInto(EMPTY);
                        flush(t, start, 0);
                    }
                    while (!inboundDone) {
                        SSLEngineResult r = unwrapOnce();
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            inboundDone = true;
                        } else if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                                && readMore(t, start, 0) < 0) {
                            throw new SSLException("the peer closed the connection without close_notify");
                        }
                        appIn.position(appIn.limit()); // plaintext after we said goodbye is dropped
                    }
                }
                unwrapped = true;
                closed.set(true);
                out.close();
                return plain;
            } finally {
                writeLock.unlock();
            }
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Sends {@code close_notify} when that needs no waiting (no other thread is writing, and
     * it fits in the socket's send buffer now or within the timeout, at most 100 ms when
     * the socket has none), then closes the plain socket; idempotent. Threads blocked in
     * this socket wake with {@link SocketClosedException}.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (handshakeDone && writeLock.tryLock()) {
            try {
                long t = timeoutNanos;
                t = t < 0 ? CLOSE_NOTIFY_NANOS : Math.min(t, CLOSE_NOTIFY_NANOS);
                long start = start(t);
                flush(t, start, 0);
                engine.closeOutbound();
                while (!engine.isOutboundDone()) {
                    wrapInto(EMPTY);
                    flush(t, start, 0);
                }
            } catch (IOException | RuntimeException e) {
                // close_notify is a courtesy to the peer; the descriptors are closed below anyway.
            } finally {
                writeLock.unlock();
            }
        }
        closeSockets();
    }

    private void closeSockets() {
        closed.set(true);
        try {
            out.close();
        } catch (IOException ignored) {
            // a close(2) error leaves nothing open
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // likewise
        }
    }

    @Override
    public String toString() {
        return "<weft.TlsSocket " + (engine.getUseClientMode() ? "client" : "server")
                + (handshakeDone ? " " + engine.getSession().getProtocol() + " " + engine.getSession().getCipherSuite() : "")
                + (isOpen() ? "" : unwrapped ? " [unwrapped]" : " [closed]") + " over " + plain + ">";
    }

    // ---- deadlines -------------------------------------------------------------------

    private static long start(long t) {
        return t > 0 ? System.nanoTime() : 0;
    }

    /** What is left of the call's time (-1 blocking, 0 non-blocking), or the timeout exception. */
    private static long remaining(long t, long start, long done, String call) throws WeftTimeoutException {
        if (t <= 0) {
            return t;
        }
        long left = t - (System.nanoTime() - start);
        if (left <= 0) {
            throw timedOut(call, done);
        }
        return left;
    }

    /** Gives {@code s} the rest of the call's time unless it has it already; returns what it now has. */
    private static long setRemaining(Socket s, long current, long t, long start, long done) throws WeftTimeoutException {
        long left = remaining(t, start, done, "tls");
        if (left != current || left > 0) {
            s.setTimeout(left < 0 ? null : Duration.ofNanos(left));
        }
        return left;
    }

    private static WeftTimeoutException timedOut(String call, long done) {
        return new WeftTimeoutException("TLS " + call + " timed out", done);
    }

    private static InterruptedIOException interrupted(long done) {
        InterruptedIOException e = new InterruptedIOException("interrupted");
        e.bytesTransferred = (int) Math.min(Integer.MAX_VALUE, done);
        return e;
    }

    /** Takes {@code lock} within the call's deadline; an interrupt ends the wait as it ends a socket's. */
    private static void lock(ReentrantLock lock, long t, long start, long done) throws IOException {
        if (lock.tryLock()) {
            return;
        }
        try {
            if (t < 0) {
                lock.lockInterruptibly();
            } else if (!lock.tryLock(remaining(t, start, done, "lock"), TimeUnit.NANOSECONDS)) {
                throw t == 0 ? new WouldBlockException(dev.weft.Errno.EAGAIN, 0, "another thread is using this TLS direction")
                        : timedOut("wait", done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(done);
        }
    }

    private void checkOpen() throws SocketClosedException {
        if (closed.get()) {
            throw new SocketClosedException(dev.weft.Errno.EBADF, 0, unwrapped ? "TLS socket unwrapped" : "Socket closed");
        }
    }
}
