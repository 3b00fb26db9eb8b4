package dev.weft.faults;

import dev.weft.Family;
import dev.weft.SocketType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run under a {@link FaultSource}: its sockets (numbered from {@code s0} in the order
 * they are opened or first seen), their operation counters and its {@link FaultLog}. The
 * provider {@code -Dweft.provider=faults} installs has one session for the JVM's life, or
 * one per test with {@link Faults#session} and {@link WeftFaults}; closing a session
 * restores the one before.
 *
 * <pre>{@code
 * try (FaultSession s = Faults.session(FaultPlan.profile("short-reads").withSeed(7))) {
 *     runMyClient();
 *     System.out.println(s.log());
 * }
 * }</pre>
 */
public final class FaultSession implements AutoCloseable {
    final FaultSource source;
    final boolean quiet;
    private final FaultLog log;
    private final FaultProvider provider;
    private final FaultSession previous;
    private final Semaphore permit;
    private final AtomicLong opened = new AtomicLong();
    final Map<Long, FaultProvider.Sock> sockets = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> lookups = new ConcurrentHashMap<>();
    private final ReentrantLock closeLock = new ReentrantLock();
    private boolean closed;

    FaultSession(FaultProvider provider, FaultSource source, String description, FaultSession previous, Semaphore permit) {
        this.provider = provider;
        this.source = source;
        this.quiet = source.isQuiet();
        this.log = new FaultLog(description);
        this.previous = previous;
        this.permit = permit;
    }

    /** What was injected so far. */
    public FaultLog log() {
        return log;
    }

    /** The plan, if the source is one ({@link FaultPlan}); else null. */
    public FaultPlan plan() {
        return source instanceof SeededSource s ? s.plan() : null;
    }

    /** Ends the session: the provider goes back to the session before. Idempotent. */
    @Override
    public void close() {
        closeLock.lock();
        try {
            if (closed || permit == null) {
                return;
            }
            closed = true;
        } finally {
            closeLock.unlock();
        }
        provider.restore(this, previous);
        permit.release();
    }

    FaultProvider.Sock register(long fd, String label, SocketType type, Family family) {
        FaultProvider.Sock s = new FaultProvider.Sock(new SocketInfo(label, type, family));
        sockets.put(fd, s);
        return s;
    }

    String nextLabel() {
        return "s" + opened.getAndIncrement();
    }

    long nextLookup(String host) {
        return lookups.computeIfAbsent(host, h -> new AtomicLong()).getAndIncrement();
    }
}
