package dev.weft.faults;

import dev.weft.AddrInfo;
import dev.weft.Ancillary;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.GaiException;
import dev.weft.HostEntry;
import dev.weft.HostException;
import dev.weft.SockAddr;
import dev.weft.SocketType;
import dev.weft.spi.ForwardingSocketProvider;
import dev.weft.spi.MsgResult;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The fault-injecting provider: every call goes to the wrapped (OS) provider unless the
 * session's {@link FaultSource} decides a fault for it. Get one with
 * {@link Faults#wrap(SocketProvider, FaultPlan)}, or let {@code ServiceLoader} pick it with
 * {@code -Dweft.provider=faults} (it then wraps the provider weft would have chosen, or
 * {@code -Dweft.faults.delegate=NAME}); it never wins on priority unless asked for by name
 * or by a {@code weft.faults.*} property (see {@link Faults}).
 *
 * <p>How each fault keeps weft's no-lost-wake-up protocol: an injected {@code EAGAIN}
 * reports the socket ready at once (a spurious wake-up); a delay answers {@code EAGAIN}
 * until its time is up and reports the socket ready then, from a timer, so a parked caller
 * always hears again; an {@code EINTR} on connect starts the real attempt first, as POSIX
 * says an interrupted connect goes on. A stream read it shortens (a short read, or one that
 * stops at a reset or half-close to come) may leave bytes that no new arrival will announce,
 * so it reports the socket readable at once, and the reader asks again: its poller can then
 * say {@link Poller#reportsEveryArrival()} as the wrapped one does, whatever the source and
 * even for the one {@code -Dweft.provider=faults} installs, whose source may change per test.
 * A session that can inject nothing passes each call straight through.
 *
 * <pre>{@code
 * FaultProvider p = Faults.wrap(Sockets.provider(), FaultPlan.profile("short-reads").withSeed(7));
 * try (Socket s = Socket.open(p, Family.INET, SocketType.STREAM, 0)) { ... }
 * System.out.println(p.session().log());
 * }</pre>
 */
public final class FaultProvider extends ForwardingSocketProvider {
    /** Per-socket state of a session. */
    static final class Sock {
        final SocketInfo info;
        final ReentrantLock lock = new ReentrantLock();
        final long[] seq = new long[Call.values().length];
        final long[] logged = filled(-1);
        final long[] delaySeq = filled(-1);
        final long[] delayUntil = new long[Call.values().length];
        long accepted;
        boolean connDrawn;
        Fault conn;
        long received;
        long transferred;
        boolean reset;
        boolean halfClosed;
        boolean attempted;
        Fault connectHold;
        long connectUntil;
        Held held;

        Sock(SocketInfo info) {
            this.info = info;
        }

        private static long[] filled(long v) {
            long[] a = new long[Call.values().length];
            Arrays.fill(a, v);
            return a;
        }
    }

    private record Held(byte[] data, int family, int type, int flags, SockAddr to) {}

    private record Op(long seq, Fault fault) {}

    private record Key(Object real, long fd) {}

    /** What the OS calls its numbers, looked up on first use (the delegate may be a placeholder until then). */
    private record Numbers(long eagain, long ewouldblock, long eintr, long einprogress, long ealready, long etimedout,
            long econnreset, int msgPeek, int msgTrunc, int solSocket, int soType) {}

    private static final class Timers {
        static final ScheduledThreadPoolExecutor EXEC = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "weft-faults-timer");
            t.setDaemon(true);
            return t;
        });

        static {
            EXEC.setRemoveOnCancelPolicy(true);
        }
    }

    private final boolean switchable;
    private final boolean active;
    private final String unavailable;
    private final Semaphore permit = new Semaphore(1);
    private final Map<Long, Poller.ReadyListener> listeners = new ConcurrentHashMap<>();
    private final ReentrantLock pollerLock = new ReentrantLock();
    private volatile FaultSession session;
    private volatile Poller poller;
    private volatile Numbers numbers;
    private final String announce;

    /**
     * For {@code ServiceLoader} only: wraps the provider weft would choose without this one,
     * with the plan the {@code weft.faults.*} system properties give ({@link Faults}).
     * Loads nothing native and never throws: a bad setting is reported when the provider is used.
     */
    public FaultProvider() {
        this(Config.fromSystemProperties());
    }

    private FaultProvider(Config c) {
        super(c.delegate);
        this.switchable = true;
        this.active = c.active;
        this.unavailable = c.error;
        this.session = new FaultSession(this, c.source, c.description, null, null);
        this.announce = c.active ? "weft.faults: " + c.description + c.replayHint : null;
        if (c.active && c.logFile != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> writeLog(c.logFile), "weft-faults-log"));
        }
    }

    FaultProvider(SocketProvider delegate, FaultSource source, String description) {
        super(delegate);
        this.switchable = false;
        this.active = true;
        this.unavailable = null;
        this.session = new FaultSession(this, source, description, null, null);
        this.announce = null;
    }

    private void writeLog(String where) {
        String text = session.log().toString();
        if (where.equals("stderr")) {
            System.err.print(text);
        } else {
            try {
                session.log().writeTo(Path.of(where));
            } catch (IOException e) {
                System.err.println("weft.faults: cannot write the log to " + where + ": " + e);
            }
        }
    }

    @Override
    public String name() {
        return "faults";
    }

    /** True only if asked for ({@code weft.provider=faults} or a {@code weft.faults.*} property) and the wrapped provider is supported. */
    @Override
    public boolean isSupported() {
        return active && unavailable == null && delegate().isSupported();
    }

    /** One above the wrapped provider's when asked for by a {@code weft.faults.*} property; else the lowest. */
    @Override
    public int priority() {
        return isSupported() ? delegate().priority() + 1 : Integer.MIN_VALUE;
    }

    /** The wrapped provider. */
    public SocketProvider wrapped() {
        return delegate();
    }

    /** The session now in force (its {@link FaultSession#log() log} says what was injected). */
    public FaultSession session() {
        return session;
    }

    /**
     * Starts a session with {@code source} on this provider (the one {@code -Dweft.provider=faults}
     * installed); closing it restores the one before. One at a time: a second waits for
     * the first to close (tests under {@link WeftFaults} run one after another).
     */
    FaultSession begin(FaultSource source, String description) {
        if (!switchable) {
            throw new IllegalStateException("a provider from Faults.wrap keeps its own plan; wrap again for another");
        }
        try {
            if (!permit.tryAcquire(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("weft.faults: another fault session has been open for 5 minutes; close it first");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another fault session to end", e);
        }
        FaultSession s = new FaultSession(this, source, description, session, permit);
        session = s;
        return s;
    }

    void restore(FaultSession ending, FaultSession previous) {
        if (session == ending) {
            session = previous;
        }
    }

    private Numbers nums() {
        Numbers n = numbers;
        if (n == null) {
            SocketProvider d = delegate();
            Map<String, Integer> c = d.constants();
            n = new Numbers(-d.nativeErrno(Errno.EAGAIN), -d.nativeErrno(Errno.EWOULDBLOCK), -d.nativeErrno(Errno.EINTR),
                    -d.nativeErrno(Errno.EINPROGRESS), -d.nativeErrno(Errno.EALREADY), -d.nativeErrno(Errno.ETIMEDOUT),
                    -d.nativeErrno(Errno.ECONNRESET), c.getOrDefault("MSG_PEEK", 0), c.getOrDefault("MSG_TRUNC", 0),
                    c.getOrDefault("SOL_SOCKET", -1), c.getOrDefault("SO_TYPE", -1));
            numbers = n;
        }
        return n;
    }

    private boolean wouldBlock(long r) {
        Numbers n = nums();
        return r == n.eagain || r == n.ewouldblock;
    }

    // ---- the poller ------------------------------------------------------------------

    @Override
    public Poller poller() {
        Poller p = poller;
        if (p == null) {
            pollerLock.lock();
            try {
                if (poller == null) {
                    if (unavailable != null) {
                        throw new IllegalStateException(unavailable);
                    }
                    if (announce != null) {
                        System.err.println(announce);
                    }
                    poller = new FaultPoller(delegate().poller());
                }
                p = poller;
            } finally {
                pollerLock.unlock();
            }
        }
        return p;
    }

    private final class FaultPoller implements Poller {
        private final Poller real;
        private final boolean everyArrival;

        FaultPoller(Poller real) {
            this.real = real;
            this.everyArrival = real.reportsEveryArrival(); // shortened reads report themselves (stream)
        }

        @Override
        public Object register(long fd, ReadyListener listener) throws IOException {
            Object key = real.register(fd, listener);
            listeners.put(fd, listener);
            return new Key(key, fd);
        }

        @Override
        public void arm(Object key, int events) throws IOException {
            real.arm(((Key) key).real(), events);
        }

        @Override
        public void disarm(Object key, int events) {
            real.disarm(((Key) key).real(), events);
        }

        @Override
        public boolean reportsEveryArrival() {
            return everyArrival;
        }

        @Override
        public boolean starved() {
            return real.starved();
        }

        @Override
        public void beforePark() {
            real.beforePark();
        }

        @Override
        public void deregister(Object key) {
            listeners.remove(((Key) key).fd());
            real.deregister(((Key) key).real());
        }
    }

    private void ready(long fd, int events) {
        Poller.ReadyListener l = listeners.get(fd);
        if (l != null) {
            l.ready(events);
        }
    }

    private void readyLater(long micros, long fd, int events) {
        Poller.ReadyListener l = listeners.get(fd);
        Timers.EXEC.schedule(() -> {
            // Only the listener of that time: a descriptor number reused since must not hear it (it would be harmless, though).
            if (listeners.get(fd) == l && l != null) {
                l.ready(events);
            }
        }, micros, TimeUnit.MICROSECONDS);
    }

    // ---- bookkeeping -----------------------------------------------------------------

    private Sock sock(FaultSession s, long fd) {
        Sock k = s.sockets.get(fd);
        if (k == null) {
            k = s.sockets.computeIfAbsent(fd, f -> new Sock(new SocketInfo(s.nextLabel(), probeType(f), probeFamily(f))));
        }
        return k;
    }

    private SocketType probeType(long fd) {
        Numbers n = nums();
        if (n.solSocket < 0 || n.soType < 0) {
            return null;
        }
        byte[] v = new byte[4];
        int len = super.getSockOpt(fd, n.solSocket, n.soType, v);
        if (len != 4) {
            return null;
        }
        int t = java.nio.ByteBuffer.wrap(v).order(java.nio.ByteOrder.nativeOrder()).getInt();
        return delegate().type(t);
    }

    private Family probeFamily(long fd) {
        try {
            SockAddr a = super.getSockName(fd);
            return a == null ? null : a.family();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Op op(FaultSession s, Sock k, Call call, long want) {
        int d = call.direction().ordinal();
        long seq;
        k.lock.lock();
        try {
            seq = k.seq[d];
        } finally {
            k.lock.unlock();
        }
        Fault f = s.source.decide(k.info, call, seq, want);
        if (f != null) {
            boolean first;
            k.lock.lock();
            try {
                first = k.logged[d] != seq;
                k.logged[d] = seq;
            } finally {
                k.lock.unlock();
            }
            if (first) {
                s.log().add(new FaultEvent(k.info.label(), call, seq, f));
            }
        }
        return new Op(seq, f);
    }

    private static void done(Sock k, Call call, long seq) {
        int d = call.direction().ordinal();
        k.lock.lock();
        try {
            if (k.seq[d] == seq) {
                k.seq[d] = seq + 1;
            }
        } finally {
            k.lock.unlock();
        }
    }

    /** Minus the errno; an EAGAIN also reports {@code events}, so a caller about to park retries instead. */
    private long fail(long fd, Errno e, int events) {
        if (e == Errno.EAGAIN || e == Errno.EWOULDBLOCK) {
            ready(fd, events);
        }
        return -nativeErrno(e);
    }

    /** True while operation {@code op}'s delay lasts; the first time, starts it and the timer that ends it with a readiness report. */
    private boolean waiting(Sock k, Call call, Op op, Fault.Delay dl, long fd, int events) {
        int d = call.direction().ordinal();
        long now = System.nanoTime();
        k.lock.lock();
        try {
            if (k.delaySeq[d] != op.seq) {
                k.delaySeq[d] = op.seq;
                k.delayUntil[d] = now + dl.micros() * 1000;
                readyLater(dl.micros(), fd, events);
                return dl.micros() > 0;
            }
            return now - k.delayUntil[d] < 0;
        } finally {
            k.lock.unlock();
        }
    }

    private Fault connection(FaultSession s, Sock k) {
        if (!k.info.isStream()) {
            return null;
        }
        k.lock.lock();
        try {
            if (!k.connDrawn) {
                k.connDrawn = true;
                k.conn = s.source.decide(k.info, Call.CONNECTION, 0, 0);
            }
            return k.conn;
        } finally {
            k.lock.unlock();
        }
    }

    private long fireReset(FaultSession s, Sock k, long fd) {
        boolean first;
        k.lock.lock();
        try {
            first = !k.reset;
            k.reset = true;
        } finally {
            k.lock.unlock();
        }
        if (first) {
            s.log().add(new FaultEvent(k.info.label(), Call.CONNECTION, 0, k.conn));
            super.shutdown(fd, 2); // the peer hears that the connection is gone, too
        }
        return nums().econnreset;
    }

    private void fireHalfClose(FaultSession s, Sock k) {
        boolean first;
        k.lock.lock();
        try {
            first = !k.halfClosed;
            k.halfClosed = true;
        } finally {
            k.lock.unlock();
        }
        if (first) {
            s.log().add(new FaultEvent(k.info.label(), Call.CONNECTION, 0, k.conn));
        }
    }

    private static void add(Sock k, long n, boolean in) {
        if (n > 0) {
            k.lock.lock();
            try {
                k.transferred += n;
                if (in) {
                    k.received += n;
                }
            } finally {
                k.lock.unlock();
            }
        }
    }

    @FunctionalInterface
    private interface Io {
        long call(long limit);
    }

    private static ByteBuffer view(ByteBuffer b, long limit) {
        return limit >= b.remaining() ? b : b.duplicate().limit(b.position() + (int) limit);
    }

    private static ByteBuffer[] views(ByteBuffer[] bs, long limit) {
        long total = 0;
        for (ByteBuffer b : bs) {
            total += b.remaining();
        }
        if (limit >= total) {
            return bs;
        }
        ByteBuffer[] out = new ByteBuffer[bs.length];
        long left = limit;
        for (int i = 0; i < bs.length; i++) {
            long take = Math.min(left, bs[i].remaining());
            out[i] = bs[i].duplicate().limit(bs[i].position() + (int) take);
            left -= take;
        }
        return out;
    }

    private static long remaining(ByteBuffer[] bs) {
        long t = 0;
        for (ByteBuffer b : bs) {
            t += b.remaining();
        }
        return t;
    }

    // ---- the generic shapes of a call ---------------------------------------------------

    /** A call that only errnos and delays can hit (messages, batches, peeks). */
    private long plain(FaultSession s, Sock k, long fd, Call call, int events, long want, Io io) {
        return plain(s, k, fd, call, events, want, io, op(s, k, call, want));
    }

    /** {@link #plain} with the operation's decision already taken (a source may count its calls: ask once per call). */
    private long plain(FaultSession s, Sock k, long fd, Call call, int events, long want, Io io, Op op) {
        Fault f = op.fault;
        if (f instanceof Fault.Fail e) {
            done(k, call, op.seq);
            return fail(fd, e.errno(), events);
        }
        if (f instanceof Fault.Delay dl && waiting(k, call, op, dl, fd, events)) {
            return nums().eagain;
        }
        long n = io.call(want);
        finish(s, k, call, op, n);
        return n;
    }

    private void finish(FaultSession s, Sock k, Call call, Op op, long n) {
        if (n >= 0 || !wouldBlock(n)) {
            done(k, call, op.seq);
        }
        s.source.completed(k.info, call, n);
    }

    /**
     * A stream read ({@code in}) or write: the connection's fate first (a reset, a half-close
     * after N bytes), then this operation's fault (a failure, a delay, a short count), then
     * the real call for at most what is left.
     */
    private long stream(FaultSession s, Sock k, long fd, Call call, long want, Io io, boolean in) {
        int direction = in ? Poller.READ : Poller.WRITE;
        Fault conn = connection(s, k);
        if (k.reset) {
            return nums().econnreset;
        }
        if (in && k.halfClosed) {
            return 0;
        }
        Op op = op(s, k, call, want);
        Fault f = op.fault;
        if (f instanceof Fault.Fail e) {
            done(k, call, op.seq);
            return fail(fd, e.errno(), direction);
        }
        if (f instanceof Fault.Delay dl && waiting(k, call, op, dl, fd, direction)) {
            return nums().eagain;
        }
        long limit = want;
        if (f instanceof Fault.Short sh && want > 1) {
            limit = Math.min(want - 1, sh.bytes());
        }
        if (conn instanceof Fault.Reset rs) {
            long left = rs.afterBytes() - k.transferred;
            if (left <= 0) {
                done(k, call, op.seq);
                return fireReset(s, k, fd);
            }
            limit = Math.min(limit, left);
        } else if (in && conn instanceof Fault.HalfClose hc) {
            long left = hc.afterBytes() - k.received;
            if (left <= 0) {
                done(k, call, op.seq);
                fireHalfClose(s, k);
                return 0;
            }
            limit = Math.min(limit, left);
        }
        long n = io.call(limit);
        add(k, n, in);
        finish(s, k, call, op, n);
        if (in && n > 0 && n == limit && limit < want) {
            // Bytes may be left that no new arrival will report: the reader must ask again
            // rather than park (a core that trusts reportsEveryArrival would).
            ready(fd, Poller.READ);
        }
        return n;
    }

    private long in(long fd, Call call, int flags, long want, Io io) {
        FaultSession s = session;
        if (s.quiet || (flags & nums().msgPeek) != 0) {
            return io.call(want); // a peek takes nothing: the read that takes the bytes gets the fault
        }
        Sock k = sock(s, fd);
        return k.info.isStream() ? stream(s, k, fd, call, want, io, true) : plain(s, k, fd, call, Poller.READ, want, io);
    }

    private long out(long fd, Call call, long want, Io io) {
        FaultSession s = session;
        if (s.quiet) {
            return io.call(want);
        }
        Sock k = sock(s, fd);
        return k.info.isStream() ? stream(s, k, fd, call, want, io, false) : plain(s, k, fd, call, Poller.WRITE, want, io);
    }

    // ---- descriptors -------------------------------------------------------------------

    @Override
    public long socket(int family, int type, int protocol) {
        long fd = super.socket(family, type, protocol);
        FaultSession s = session;
        if (fd >= 0 && !s.quiet) {
            SocketType t = delegate().type(type);
            s.register(fd, s.nextLabel(), t != null ? t : probeType(fd), delegate().family(family));
        }
        return fd;
    }

    @Override
    public int socketPair(int family, int type, int protocol, long[] fds) {
        int r = super.socketPair(family, type, protocol, fds);
        FaultSession s = session;
        if (r == 0 && !s.quiet) {
            for (int i = 0; i < 2; i++) {
                SocketType t = delegate().type(type);
                s.register(fds[i], s.nextLabel(), t != null ? t : probeType(fds[i]), delegate().family(family));
            }
        }
        return r;
    }

    @Override
    public int close(long fd) {
        FaultSession s = session;
        Sock k = s.sockets.remove(fd);
        if (k != null) {
            flushHeld(s, k, fd);
        }
        return super.close(fd);
    }

    // ---- connection set-up ---------------------------------------------------------------

    @Override
    public int connect(long fd, SockAddr address) {
        FaultSession s = session;
        if (s.quiet) {
            return super.connect(fd, address);
        }
        Sock k = sock(s, fd);
        Numbers n = nums();
        long now = System.nanoTime();
        Fault hold;
        k.lock.lock();
        try {
            hold = k.connectHold;
            if (hold != null) {
                if (now - k.connectUntil < 0) {
                    return (int) n.ealready;
                }
                k.connectHold = null;
            }
        } finally {
            k.lock.unlock();
        }
        if (hold instanceof Fault.Hang) {
            return (int) n.etimedout;
        }
        if (hold != null) {
            return super.connect(fd, address); // a slow connect's time is up: the kernel has the outcome
        }
        Op op = op(s, k, Call.CONNECT, 0);
        done(k, Call.CONNECT, op.seq);
        Fault f = op.fault;
        if (f instanceof Fault.Fail e) {
            Errno en = e.errno();
            if (en == Errno.EAGAIN || en == Errno.EWOULDBLOCK) {
                if (!k.attempted) {
                    return (int) fail(fd, en, Poller.WRITE);
                }
                // The kernel says EAGAIN only when it could not start an attempt (a full AF_UNIX
                // backlog, no free port); once one is under way connect reports EALREADY or the outcome.
            } else if (en == Errno.EINTR) {
                // POSIX: an interrupted connect is not aborted, it goes on in the background. A
                // fake EINTR that never started the attempt would leave the caller waiting for
                // an edge that cannot come, so make the attempt, keep a real failure, and report
                // readiness so the caller asks connect(2) again for the outcome.
                int r = super.connect(fd, address);
                k.attempted = true;
                if (r != 0 && r != n.einprogress) {
                    return r;
                }
                ready(fd, Poller.WRITE);
                return (int) n.eintr;
            } else {
                return (int) fail(fd, en, Poller.WRITE);
            }
        }
        if (f instanceof Fault.Hang h) {
            k.lock.lock();
            try {
                k.attempted = true;
                k.connectHold = h;
                k.connectUntil = now + h.millis() * 1_000_000;
            } finally {
                k.lock.unlock();
            }
            readyLater(h.millis() * 1000, fd, Poller.WRITE);
            return (int) n.einprogress; // no SYN ever leaves: nothing answers until the timeout
        }
        int r = super.connect(fd, address);
        if (r != n.eagain) {
            k.attempted = true;
        }
        if (f instanceof Fault.Delay d && (r == 0 || r == n.einprogress)) {
            k.lock.lock();
            try {
                k.connectHold = d;
                k.connectUntil = now + d.micros() * 1000;
            } finally {
                k.lock.unlock();
            }
            readyLater(d.micros(), fd, Poller.WRITE);
            return (int) n.einprogress;
        }
        s.source.completed(k.info, Call.CONNECT, r);
        return r;
    }

    @Override
    public long accept(long fd, SockAddr[] peer) {
        FaultSession s = session;
        if (s.quiet) {
            return super.accept(fd, peer);
        }
        Sock k = sock(s, fd);
        Op op = op(s, k, Call.ACCEPT, 0);
        Fault f = op.fault;
        if (f instanceof Fault.Fail e) {
            done(k, Call.ACCEPT, op.seq);
            return fail(fd, e.errno(), Poller.READ);
        }
        if (f instanceof Fault.Delay dl && waiting(k, Call.ACCEPT, op, dl, fd, Poller.READ)) {
            return nums().eagain;
        }
        long r = super.accept(fd, peer);
        if (r >= 0) {
            long n;
            k.lock.lock();
            try {
                n = k.accepted++;
            } finally {
                k.lock.unlock();
            }
            s.register(r, k.info.label() + "a" + n, k.info.type(), k.info.family());
        }
        finish(s, k, Call.ACCEPT, op, r);
        return r;
    }

    // ---- data ---------------------------------------------------------------------------

    @Override
    public long recv(long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from) {
        FaultSession s = session;
        if (s.quiet) {
            return super.recv(fd, family, type, dst, flags, from); // no lambda made per message
        }
        if ((flags & nums().msgPeek) == 0) {
            Sock k = sock(s, fd);
            if (k.info.isUdp()) {
                return udpRecv(s, k, fd, family, type, dst, flags, from);
            }
        }
        return in(fd, Call.RECV, flags, dst.remaining(), limit -> super.recv(fd, family, type, view(dst, limit), flags, from));
    }

    @Override
    public long send(long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
        FaultSession s = session;
        if (s.quiet) {
            return super.send(fd, family, type, src, flags, to);
        }
        Sock k = sock(s, fd);
        if (k.info.isUdp()) {
            return udpSend(s, k, fd, family, type, src, flags, to);
        }
        return out(fd, Call.SEND, src.remaining(), limit -> super.send(fd, family, type, view(src, limit), flags, to));
    }

    @Override
    public long recvMsg(long fd, int family, int type, ByteBuffer[] dsts, int controlLen, int flags, MsgResult out) {
        return in(fd, Call.RECVMSG, flags, remaining(dsts),
                limit -> super.recvMsg(fd, family, type, views(dsts, limit), controlLen, flags, out));
    }

    @Override
    public long sendMsg(long fd, int family, int type, ByteBuffer[] srcs, List<Ancillary> ancillary, int flags, SockAddr to) {
        return out(fd, Call.SENDMSG, remaining(srcs),
                limit -> super.sendMsg(fd, family, type, views(srcs, limit), ancillary, flags, to));
    }

    @Override
    public long sendFile(long fd, long fileFd, long offset, long count) {
        return out(fd, Call.SENDFILE, count, limit -> super.sendFile(fd, fileFd, offset, limit));
    }

    @Override
    public long recvMmsg(long fd, int family, int type, ByteBuffer[] dsts, SockAddr[] from, int[] lengths, int flags) {
        FaultSession s = session;
        if (s.quiet) {
            return super.recvMmsg(fd, family, type, dsts, from, lengths, flags);
        }
        return plain(s, sock(s, fd), fd, Call.RECVMMSG, Poller.READ, dsts.length,
                m -> super.recvMmsg(fd, family, type, dsts, from, lengths, flags));
    }

    @Override
    public long sendMmsg(long fd, int family, int type, ByteBuffer[] srcs, SockAddr[] to, int flags) {
        FaultSession s = session;
        if (s.quiet) {
            return super.sendMmsg(fd, family, type, srcs, to, flags);
        }
        return plain(s, sock(s, fd), fd, Call.SENDMMSG, Poller.WRITE, srcs.length,
                m -> super.sendMmsg(fd, family, type, srcs, to, flags));
    }

    // ---- datagrams ------------------------------------------------------------------------

    private long udpSend(FaultSession s, Sock k, long fd, int family, int type, ByteBuffer src, int flags, SockAddr to) {
        Op op = op(s, k, Call.SEND, src.remaining());
        Fault f = op.fault;
        if (f instanceof Fault.Fail e) {
            done(k, Call.SEND, op.seq);
            return fail(fd, e.errno(), Poller.WRITE);
        }
        if (f instanceof Fault.Delay dl && waiting(k, Call.SEND, op, dl, fd, Poller.WRITE)) {
            return nums().eagain;
        }
        k.lock.lock();
        try {
            if (f instanceof Fault.Drop) {
                done(k, Call.SEND, op.seq);
                s.log().tally(FaultLog.DROPPED);
                return src.remaining();
            }
            if (f instanceof Fault.Reorder && k.held == null) {
                byte[] b = new byte[src.remaining()];
                src.duplicate().get(b);
                Held h = new Held(b, family, type, flags, to);
                k.held = h;
                done(k, Call.SEND, op.seq);
                Timers.EXEC.schedule(() -> {
                    k.lock.lock();
                    try {
                        if (k.held == h) {
                            k.held = null;
                            sendHeld(s, fd, h, FaultLog.DELAYED);
                        }
                    } finally {
                        k.lock.unlock();
                    }
                }, 20, TimeUnit.MILLISECONDS);
                return b.length;
            }
            long n = super.send(fd, family, type, src, flags, to);
            if (n >= 0) {
                if (f instanceof Fault.Duplicate && super.send(fd, family, type, src, flags, to) >= 0) {
                    s.log().tally(FaultLog.DUPLICATED);
                }
                Held h = k.held;
                if (h != null) {
                    k.held = null;
                    sendHeld(s, fd, h, FaultLog.REORDERED);
                }
            }
            finish(s, k, Call.SEND, op, n);
            return n;
        } finally {
            k.lock.unlock();
        }
    }

    private void sendHeld(FaultSession s, long fd, Held h, String what) {
        long r = super.send(fd, h.family, h.type, ByteBuffer.wrap(h.data), h.flags, h.to);
        s.log().tally(r >= 0 ? what : FaultLog.DROPPED); // a held datagram the kernel would not take is lost
    }

    private void flushHeld(FaultSession s, Sock k, long fd) {
        k.lock.lock();
        try {
            Held h = k.held;
            if (h != null) {
                k.held = null;
                sendHeld(s, fd, h, FaultLog.DELAYED);
            }
        } finally {
            k.lock.unlock();
        }
    }

    private long udpRecv(FaultSession s, Sock k, long fd, int family, int type, ByteBuffer dst, int flags, SockAddr[] from) {
        int want = dst.remaining();
        Op op = op(s, k, Call.RECV, want);
        Fault f = op.fault;
        if (!(f instanceof Fault.Truncate t)) {
            return plain(s, k, fd, Call.RECV, Poller.READ, want, limit -> super.recv(fd, family, type, dst, flags, from), op);
        }
        Numbers n = nums();
        long size = super.recv(fd, family, type, view(dst, 0), flags | n.msgPeek | n.msgTrunc, null);
        if (size < 0) {
            finish(s, k, Call.RECV, op, size);
            return size;
        }
        long keep = Math.min(want, (long) Math.floor(t.fraction() * size));
        long r = super.recv(fd, family, type, view(dst, keep), flags | n.msgTrunc, from);
        finish(s, k, Call.RECV, op, r);
        if (r < 0) {
            return r;
        }
        if (keep < Math.min(r, want)) {
            s.log().tally(FaultLog.TRUNCATED);
        }
        return (flags & n.msgTrunc) != 0 ? r : Math.min(r, keep);
    }

    // ---- the resolver ------------------------------------------------------------------------

    private Fault lookup(String host) throws IOException {
        FaultSession s = session;
        if (s.quiet || host == null || isNumeric(host)) {
            return null;
        }
        String label = "dns:" + host;
        long seq = s.nextLookup(host);
        Fault f = s.source.decide(new SocketInfo(label, null, null), Call.RESOLVE, seq, 0);
        if (f != null) {
            s.log().add(new FaultEvent(label, Call.RESOLVE, seq, f));
        }
        if (f instanceof Fault.Delay d) {
            try {
                TimeUnit.MICROSECONDS.sleep(d.micros()); // on weft's blocking pool, where lookups run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted during an injected resolver delay");
            }
            return null;
        }
        return f;
    }

    private static boolean isNumeric(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    @Override
    public List<AddrInfo> getAddrInfo(String host, String service, int family, int type, int protocol, int flags) throws IOException {
        if (lookup(host) instanceof Fault.Gai g) {
            boolean again = g.code().equals("EAI_AGAIN");
            int code = delegate().constants().getOrDefault(g.code(), again ? -3 : -2);
            throw new GaiException(code, g.code(), "[Errno " + code + "] "
                    + (again ? "Temporary failure in name resolution" : "Name or service not known"));
        }
        return super.getAddrInfo(host, service, family, type, protocol, flags);
    }

    @Override
    public HostEntry getHostByName(String name) throws IOException {
        if (lookup(name) instanceof Fault.Gai g) {
            boolean again = g.code().equals("EAI_AGAIN");
            throw again ? new HostException(2, "TRY_AGAIN", "[Errno 2] Host name lookup failure")
                    : new HostException(1, "HOST_NOT_FOUND", "[Errno 1] Unknown host");
        }
        return super.getHostByName(name);
    }

    // ---- selection by system properties ----------------------------------------------------

    private record Config(SocketProvider delegate, boolean active, FaultSource source, String description, String replayHint,
            String error, String logFile) {
        static Config fromSystemProperties() {
            boolean byName = "faults".equals(System.getProperty("weft.provider"));
            String profile = System.getProperty("weft.faults.profile");
            String planFile = System.getProperty("weft.faults.plan");
            String seedText = System.getProperty("weft.faults.seed");
            String replay = System.getProperty("weft.faults.replay");
            String log = System.getProperty("weft.faults.log");
            boolean active = byName || profile != null || planFile != null || seedText != null || replay != null;
            String error = null;
            FaultSource source = new SeededSource(FaultPlan.none());
            String description = FaultPlan.none().toString();
            String hint = "";
            if (active) {
                try {
                    if (replay != null) {
                        source = new ScriptedSource(FaultLog.readEvents(Path.of(replay)));
                        description = "replay of " + replay;
                    } else {
                        FaultPlan plan = planFile != null ? FaultPlan.read(Path.of(planFile)) : FaultPlan.none();
                        if (profile != null) {
                            plan = FaultPlan.profile(profile).withSeed(plan.seed());
                        }
                        long seed = seedText != null ? FaultPlan.parseSeed(seedText)
                                : planFile != null ? plan.seed() : FaultPlan.mix(System.nanoTime() ^ ProcessHandle.current().pid());
                        plan = plan.withSeed(seed);
                        source = new SeededSource(plan);
                        description = plan.toString();
                        hint = plan.isEmpty() ? " (no faults outside sessions; -Dweft.faults.profile=NAME chooses some)"
                                : " (replay: -Dweft.faults.seed=" + seed + (profile != null ? " -Dweft.faults.profile=" + profile : "") + ")";
                    }
                } catch (IOException | RuntimeException e) {
                    error = "weft.faults: bad settings: " + e.getMessage();
                }
            }
            if (!active || RESOLVING.get() != null) {
                // Not asked for, or made by another wrapper that is looking for its own delegate
                // while this one looks for its: make nothing (two wrappers that each made every
                // other provider would make each other for ever). The tables read empty.
                return new Config(placeholder("weft.faults: not selected (-Dweft.provider=faults selects it)"), false, source,
                        description, hint, null, log);
            }
            SocketProvider d = null;
            if (error == null) {
                RESOLVING.set(Boolean.TRUE);
                try {
                    d = findDelegate();
                } catch (RuntimeException | ServiceConfigurationError e) {
                    error = e.getMessage();
                } finally {
                    RESOLVING.remove();
                }
            }
            if (d == null) {
                d = placeholder(error != null ? error : "weft.faults: nothing to wrap");
            }
            return new Config(d, active, source, description, hint, error, log);
        }
    }

    /** Set while this thread looks for the provider to wrap. */
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    /** The provider weft would choose without this one (or {@code -Dweft.faults.delegate=NAME}). */
    static SocketProvider findDelegate() {
        String wanted = System.getProperty("weft.faults.delegate");
        List<SocketProvider> all = new ArrayList<>();
        ServiceLoader.load(SocketProvider.class, FaultProvider.class.getClassLoader()).stream()
                .filter(p -> p.type() != FaultProvider.class)
                .forEach(p -> {
                    try {
                        all.add(p.get());
                    } catch (ServiceConfigurationError ignored) {
                        // a provider that cannot even be made is no candidate; ProviderContext reports it
                    }
                });
        if (wanted != null) {
            return all.stream().filter(p -> p.name().equals(wanted)).findFirst().orElseThrow(() -> new IllegalStateException(
                    "weft.faults: -Dweft.faults.delegate=" + wanted + " names no provider; found " + all.stream().map(SocketProvider::name).toList()));
        }
        return all.stream().filter(SocketProvider::isSupported).max(Comparator.comparingInt(SocketProvider::priority))
                .orElseThrow(() -> new IllegalStateException("weft.faults: no provider to wrap supports this OS; found "
                        + all.stream().map(SocketProvider::name).toList() + " (add the provider for your OS, e.g. dev.weft:weft-impl-linux)"));
    }

    private static SocketProvider placeholder(String why) {
        return (SocketProvider) java.lang.reflect.Proxy.newProxyInstance(SocketProvider.class.getClassLoader(),
                new Class<?>[] {SocketProvider.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "toString" -> "unavailable: " + why;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "isSupported" -> false;
                    case "priority" -> Integer.MIN_VALUE;
                    case "name" -> "faults";
                    // The tables stay readable, empty, as an unsupported provider's are.
                    case "constants" -> Map.of();
                    case "capabilities" -> java.util.Set.of();
                    default -> throw new IllegalStateException(why);
                });
    }
}
