package dev.weft.kit;

import dev.weft.Errno;
import dev.weft.faults.Fault;
import dev.weft.faults.FaultSource;
import dev.weft.faults.Faults;
import dev.weft.faults.SocketInfo;
import dev.weft.spi.ForwardingSocketProvider;
import dev.weft.spi.SocketProvider;
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
 * EINTR"), or tied to progress ("sends fail with ECONNRESET after 100 KiB"). They count
 * calls across all sockets, in the order they happen; for faults tied to each socket's own
 * operations, reproducible whatever the interleaving, use {@code dev.weft.faults}.
 *
 * <p>The faults are injected by the {@code weft-faults} provider ({@link Faults#wrap(SocketProvider,
 * FaultSource)}): an injected {@code EAGAIN} also reports the descriptor ready, as a
 * spurious wake-up would, and an {@code EINTR} on connect leaves the attempt running.
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

    private final Rules rules;

    /** Wraps {@code delegate} with no faults yet. */
    public FaultInjector(SocketProvider delegate) {
        this(delegate, new Rules());
    }

    private FaultInjector(SocketProvider delegate, Rules rules) {
        super(Faults.wrap(delegate, rules));
        this.rules = rules;
    }

    private record Storm(Errno errno, double probability, RandomGenerator random) {}

    private record Budget(Errno errno, long afterBytes, AtomicLong passed) {}

    /** The faults, as a source the fault provider asks at every call it knows. */
    private static final class Rules implements FaultSource {
        private final ReentrantLock lock = new ReentrantLock();
        private final Map<Call, Deque<Errno>> scripted = new EnumMap<>(Call.class);
        private final Map<Call, List<Storm>> storms = new EnumMap<>(Call.class);
        private final Map<Call, Budget> budgets = new EnumMap<>(Call.class);
        private final Map<Call, AtomicLong> injected = new ConcurrentHashMap<>();

        private static Call of(dev.weft.faults.Call c) {
            return switch (c) {
                case CONNECT -> Call.CONNECT;
                case ACCEPT -> Call.ACCEPT;
                case RECV -> Call.RECV;
                case SEND -> Call.SEND;
                case RECVMSG -> Call.RECVMSG;
                case SENDMSG -> Call.SENDMSG;
                default -> null;
            };
        }

        @Override
        public Fault decide(SocketInfo socket, dev.weft.faults.Call c, long seq, long want) {
            Call call = of(c);
            if (call == null) {
                return null;
            }
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
            if (e == null) {
                return null;
            }
            injected.computeIfAbsent(call, k -> new AtomicLong()).incrementAndGet();
            return new Fault.Fail(e);
        }

        @Override
        public void completed(SocketInfo socket, dev.weft.faults.Call c, long result) {
            Call call = of(c);
            Budget b = call == null ? null : budgets.get(call);
            if (b != null && result > 0) {
                b.passed.addAndGet(result);
            }
        }
    }

    /** The next {@code times} calls of {@code call} fail with {@code errno}. */
    public FaultInjector failNext(Call call, Errno errno, int times) {
        rules.lock.lock();
        try {
            Deque<Errno> q = rules.scripted.computeIfAbsent(call, c -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.add(errno);
            }
        } finally {
            rules.lock.unlock();
        }
        return this;
    }

    /** Each call of {@code call} fails with {@code errno} with this probability, drawn from {@code random}. */
    public FaultInjector storm(Call call, Errno errno, double probability, RandomGenerator random) {
        rules.lock.lock();
        try {
            rules.storms.computeIfAbsent(call, c -> new ArrayList<>()).add(new Storm(errno, probability, random));
        } finally {
            rules.lock.unlock();
        }
        return this;
    }

    /** Once {@code afterBytes} have passed through {@code call} (SEND or RECV), every further one fails with {@code errno}. */
    public FaultInjector failAfter(Call call, long afterBytes, Errno errno) {
        rules.lock.lock();
        try {
            rules.budgets.put(call, new Budget(errno, afterBytes, new AtomicLong()));
        } finally {
            rules.lock.unlock();
        }
        return this;
    }

    /** How many faults were injected into {@code call} so far. */
    public long injected(Call call) {
        AtomicLong n = rules.injected.get(call);
        return n == null ? 0 : n.get();
    }
}
