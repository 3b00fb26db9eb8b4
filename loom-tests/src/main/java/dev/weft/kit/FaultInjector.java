package dev.weft.kit;

import dev.weft.Errno;
import dev.weft.SockAddr;
import dev.weft.spi.ForwardingSocketProvider;
import dev.weft.spi.MsgResult;
import dev.weft.spi.Poller;
import dev.weft.spi.SocketProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * A provider wrapper that makes chosen system calls fail with chosen errnos, to prove that
 * error paths leave sockets and the poller consistent. Faults are scripted ("the next two
 * accepts fail with EMFILE"), random with a seeded generator ("a third of all receives get
 * EINTR"), or tied to progress ("sends fail with ECONNRESET after 100 KiB").
 *
 * <p>An injected {@code EAGAIN} also reports the descriptor ready, as a spurious wake-up
 * would: the waiter retries instead of waiting for an edge that will not come.
 *
 * <pre>{@code
 * FaultInjector faults = new FaultInjector(Sockets.provider())
 *         .storm(Call.RECV, Errno.EINTR, 0.3, RandomGenerator.of("L64X128MixRandom"))
 *         .failNext(Call.ACCEPT, Errno.EMFILE, 1);
 * try (Socket s = Socket.open(faults, Family.INET, SocketType.STREAM, 0)) { ... }
 * }</pre>
 */
public final class FaultInjector extends ForwardingSocketProvider {
    /** The calls faults can be injected into. */
    public enum Call {
        CONNECT, ACCEPT, RECV, SEND, RECVMSG, SENDMSG
    }

    private record Storm(Errno errno, double probability, RandomGenerator random) {}

    private record Budget(Errno errno, long afterBytes, AtomicLong passed) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Call, Deque<Errno>> scripted = new EnumMap<>(Call.class);
    private final Map<Call, List<Storm>> storms = new EnumMap<>(Call.class);
    private final Map<Call, Budget> budgets = new EnumMap<>(Call.class);
    private final Map<Call, AtomicLong> injected = new ConcurrentHashMap<>();
    private final Map<Long, Poller.ReadyListener> listeners = new ConcurrentHashMap<>();
    /** Descriptors on which a real connect(2) was made. */
    private final java.util.Set<Long> attempted = ConcurrentHashMap.newKeySet();
    private final Poller poller;

    /** Wraps {@code delegate} with no faults yet. */
    public FaultInjector(SocketProvider delegate) {
        super(delegate);
        Poller real = delegate.poller();
        this.poller = new Poller() {
            @Override
            public Object register(long fd, ReadyListener listener) throws IOException {
                Object key = real.register(fd, listener);
                listeners.put(fd, listener);
                return new Object[] {key, fd};
            }

            @Override
            public void arm(Object key, int events) throws IOException {
                real.arm(((Object[]) key)[0], events);
            }

            @Override
            public void disarm(Object key, int events) {
                real.disarm(((Object[]) key)[0], events);
            }

            @Override
            public boolean reportsEveryArrival() {
                return real.reportsEveryArrival(); // faults are errors, never shortened reads
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
                listeners.remove((Long) ((Object[]) key)[1]);
                attempted.remove((Long) ((Object[]) key)[1]);
                real.deregister(((Object[]) key)[0]);
            }
        };
    }

    /** The next {@code times} calls of {@code call} fail with {@code errno}. */
    public FaultInjector failNext(Call call, Errno errno, int times) {
        lock.lock();
        try {
            Deque<Errno> q = scripted.computeIfAbsent(call, c -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.add(errno);
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Each call of {@code call} fails with {@code errno} with this probability, drawn from {@code random}. */
    public FaultInjector storm(Call call, Errno errno, double probability, RandomGenerator random) {
        lock.lock();
        try {
            storms.computeIfAbsent(call, c -> new ArrayList<>()).add(new Storm(errno, probability, random));
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Once {@code afterBytes} have passed through {@code call} (SEND or RECV), every further one fails with {@code errno}. */
    public FaultInjector failAfter(Call call, long afterBytes, Errno errno) {
        lock.lock();
        try {
            budgets.put(call, new Budget(errno, afterBytes, new AtomicLong()));
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** How many faults were injected into {@code call} so far. */
    public long injected(Call call) {
        AtomicLong n = injected.get(call);
        return n == null ? 0 : n.get();
    }

    @Override
    public Poller poller() {
        return poller;
    }

    /** The fault for this call, or null to let it through. */
    private Errno fault(Call call, long fd) {
        Errno e;
        lock.lock();
        try {
            Deque<Errno> q = scripted.get(call);
            e = q == null ? null : q.poll();
            if (e == null) {
                for (Storm s : storms.getOrDefault(call, List.of())) {
                    if (s.random.nextDouble() < s.probability) {
                        e = s.errno;
                        break;
                    }
                }
            }
            if (e == null) {
                Budget b = budgets.get(call);
                if (b != null && b.passed.get() >= b.afterBytes) {
                    e = b.errno;
                }
            }
        } finally {
            lock.unlock();
        }
        if (e != null) {
            injected.computeIfAbsent(call, c -> new AtomicLong()).incrementAndGet();
            if (e == Errno.EAGAIN || e == Errno.EWOULDBLOCK) {
                Poller.ReadyListener l = listeners.get(fd);
                if (l != null) {
                    l.ready(Poller.READ | Poller.WRITE); // a spurious wake-up, as the kernel may give
                }
            }
        }
        return e;
    }

    private long passed(Call call, long r) {
        Budget b = budgets.get(call);
        if (b != null && r > 0) {
            b.passed.addAndGet(r);
        }
        return r;
    }

    private int code(Errno e) {
        return -nativeErrno(e);
    }

    @Override
    public int connect(long fd, SockAddr address) {
        Errno e = fault(Call.CONNECT, fd);
        if ((e == Errno.EAGAIN || e == Errno.EWOULDBLOCK) && attempted.contains(fd)) {
            // The kernel says EAGAIN only when it could not start an attempt (a full AF_UNIX
            // backlog, no free port); once one is under way connect reports EALREADY or the outcome.
            e = null;
        }
        if (e == null || e == Errno.EINTR) {
            attempted.add(fd);
        }
        if (e == Errno.EINTR) {
            // POSIX: an interrupted connect is not aborted, it goes on in the background. A
            // fake EINTR that never started the attempt would leave the caller waiting for
            // an edge that cannot come, so make the attempt, keep a real failure, and report
            // readiness so the caller asks connect(2) again for the outcome.
            int r = super.connect(fd, address);
            if (r != 0 && r != -nativeErrno(Errno.EINPROGRESS)) {
                return r;
            }
            Poller.ReadyListener l = listeners.get(fd);
            if (l != null) {
                l.ready(Poller.WRITE);
            }
        }
        return e != null ? code(e) : super.connect(fd, address);
    }

    @Override
    public long accept(long fd, SockAddr[] peer) {
        Errno e = fault(Call.ACCEPT, fd);
        return e != null ? code(e) : super.accept(fd, peer);
    }

    @Override
    public long recv(long fd, ByteBuffer dst, int flags, SockAddr[] from) {
        Errno e = fault(Call.RECV, fd);
        return e != null ? code(e) : passed(Call.RECV, super.recv(fd, dst, flags, from));
    }

    @Override
    public long send(long fd, ByteBuffer src, int flags, SockAddr to) {
        Errno e = fault(Call.SEND, fd);
        return e != null ? code(e) : passed(Call.SEND, super.send(fd, src, flags, to));
    }

    @Override
    public long recvMsg(long fd, ByteBuffer[] dsts, int controlLen, int flags, MsgResult out) {
        Errno e = fault(Call.RECVMSG, fd);
        return e != null ? code(e) : super.recvMsg(fd, dsts, controlLen, flags, out);
    }

    @Override
    public long sendMsg(long fd, ByteBuffer[] srcs, List<dev.weft.Ancillary> ancillary, int flags, SockAddr to) {
        Errno e = fault(Call.SENDMSG, fd);
        return e != null ? code(e) : super.sendMsg(fd, srcs, ancillary, flags, to);
    }
}
