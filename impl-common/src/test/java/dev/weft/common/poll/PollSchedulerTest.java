package dev.weft.common.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.spi.Poller;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scheduler on a mechanism that is not the OS's ({@link FakeMechanism}), in each of its
 * designs: it must deliver every report whatever the mechanism, fall back to one instance
 * where the mechanism cannot nest, and fail waiters, never leave them hanging, when the
 * mechanism's wait fails.
 */
class PollSchedulerTest {
    /** The scheduler's designs, and whether the mechanism nests. */
    enum Design {
        /** Virtual-thread drainers, three instances nested in the primary's, a nested master. */
        NESTED(true, true, 3),
        /** Virtual-thread drainer, one instance, a master that waits on it directly. */
        DIRECT(false, true, 1),
        /** One platform thread blocked in the wait. */
        PLATFORM(true, false, 1);

        final boolean nest;
        final boolean virtualThreads;
        final int count;

        Design(boolean nest, boolean virtualThreads, int count) {
            this.nest = nest;
            this.virtualThreads = virtualThreads;
            this.count = count;
        }

        PollScheduler start(FakeMechanism m) throws IOException {
            return new PollScheduler(m, new PollScheduler.Settings(virtualThreads, count, 0, 1_000_000, true, 50_000));
        }
    }

    /** A socket's side of the protocol: an event count, and the one thread that waits. */
    static final class Listener implements Poller.ReadyListener {
        final AtomicInteger reads = new AtomicInteger();
        volatile Thread waiter;

        @Override
        public void ready(int events) {
            if ((events & Poller.READ) != 0) {
                reads.incrementAndGet();
                Thread t = waiter;
                if (t != null) {
                    LockSupport.unpark(t);
                }
            }
        }

        /**
         * Waits as the core does ({@code Waiters.await}): note the count, publish, arm,
         * re-check, offer the park, park; until the count moves past {@code seq}.
         */
        void awaitRead(Poller p, Object key, int seq) throws IOException {
            waiter = Thread.currentThread();
            try {
                while (reads.get() == seq) {
                    p.arm(key, Poller.READ);
                    if (reads.get() != seq) {
                        return;
                    }
                    p.beforePark();
                    LockSupport.park(this);
                }
            } finally {
                waiter = null;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void everyReportReachesItsWaiterInEveryInstance(Design d) throws Exception {
        FakeMechanism m = new FakeMechanism(d.nest);
        PollScheduler p = d.start(m);
        int sockets = 8; // spread over every instance (fd % count)
        int rounds = 200;
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        for (int s = 0; s < sockets; s++) {
            long fd = m.descriptor();
            Listener l = new Listener();
            Object key = p.register(fd, l);
            CompletableFuture<Integer> f = new CompletableFuture<>();
            done.add(f);
            // A reader that waits for a report, then makes the next one itself from another
            // thread, as a peer's send would: every report must come through the scheduler.
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < rounds; i++) {
                        int seq = l.reads.get();
                        Thread.ofPlatform().start(() -> m.fire(fd, Poller.READ));
                        l.awaitRead(p, key, seq);
                    }
                    f.complete(l.reads.get());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        }
        for (CompletableFuture<Integer> f : done) {
            assertTrue(f.get(60, TimeUnit.SECONDS) >= rounds);
        }
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void writeReadinessIsAskedForOnlyWhileAWriterWaits(Design d) throws Exception {
        FakeMechanism m = new FakeMechanism(d.nest);
        PollScheduler p = d.start(m);
        long fd = m.descriptor();
        Object key = p.register(fd, new Listener());
        p.arm(key, Poller.READ);
        p.arm(key, Poller.WRITE);
        p.arm(key, Poller.WRITE);
        p.disarm(key, Poller.WRITE);
        assertEquals(List.of(Poller.READ, Poller.READ | Poller.WRITE, Poller.READ), m.interests(fd));
    }

    @Test
    void aStartThatFailsClosesEveryInstanceItOpened() {
        FakeMechanism m = new FakeMechanism(true);
        m.opensLeft = Design.NESTED.count; // every drainer's instance; the master's then fails
        IOException e = assertThrows(IOException.class, () -> Design.NESTED.start(m));
        assertTrue(e.getMessage().contains("OPEN: errno 24"), e.getMessage());
        assertEquals(0, m.openInstances());
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void aFailedWaitFailsEveryParkedWaiterWithTheErrnoInsteadOfLeavingItParked(Design d) throws Exception {
        FakeMechanism m = new FakeMechanism(d.nest);
        PollScheduler p = d.start(m);
        List<CompletableFuture<Throwable>> waiters = parkWaiters(m, p);
        m.failWaits(9, true); // every wait, the blocked one of the master or platform thread too
        assertFailed(m, p, waiters);
    }

    @ParameterizedTest
    @EnumSource(value = Design.class, names = {"NESTED", "DIRECT"})
    void aDrainersFailedPollFailsEveryParkedWaiter(Design d) throws Exception {
        // The case of the issue: the master's blocking wait is fine, the virtual-thread
        // drainer's poll fails once a report sends it polling.
        FakeMechanism m = new FakeMechanism(d.nest);
        PollScheduler p = d.start(m);
        List<CompletableFuture<Throwable>> waiters = parkWaiters(m, p);
        long trigger = m.descriptor();
        p.register(trigger, new Listener());
        m.failWaits(9, false);
        m.fire(trigger, Poller.READ);
        assertFailed(m, p, waiters);
    }

    /** Four sockets, each with a thread parked on it that retries after every wake-up, as a socket does. */
    private static List<CompletableFuture<Throwable>> parkWaiters(FakeMechanism m, PollScheduler p) throws Exception {
        List<Listener> listeners = new ArrayList<>();
        List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            long fd = m.descriptor();
            Listener l = new Listener();
            listeners.add(l);
            Object key = p.register(fd, l);
            CompletableFuture<Throwable> f = new CompletableFuture<>();
            outcomes.add(f);
            Thread.ofVirtual().start(() -> {
                try {
                    for (;;) {
                        l.awaitRead(p, key, l.reads.get());
                    }
                } catch (Throwable e) {
                    f.complete(e);
                }
            });
        }
        for (Listener l : listeners) {
            while (l.waiter == null || l.waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        return outcomes;
    }

    /** Each waiter ended with the mechanism's error, and so does a new registration. */
    private static void assertFailed(FakeMechanism m, PollScheduler p, List<CompletableFuture<Throwable>> waiters) throws Exception {
        for (CompletableFuture<Throwable> f : waiters) {
            Throwable e = f.get(60, TimeUnit.SECONDS);
            assertInstanceOf(IOException.class, e);
            assertTrue(e.getMessage().contains("WAIT: errno 9"), e.getMessage());
        }
        IOException later = assertThrows(IOException.class, () -> p.register(m.descriptor(), new Listener()));
        assertTrue(later.getMessage().contains("errno 9"), later.getMessage());
        assertFalse(p.starved(), "a stopped poller does not keep spinners from parking");
    }
}
