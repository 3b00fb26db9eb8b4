package dev.weft;

import dev.weft.spi.Poller;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads parked on one socket, per direction, and the poller's event counts.
 *
 * <p>A waiter reads the direction's count <em>before</em> its system call; after
 * {@code EAGAIN} it publishes itself, then parks only if the count is unchanged. The poller
 * bumps the count <em>before</em> it looks for waiters. With both steps volatile, either the
 * waiter sees the new count or the poller sees the waiter: no wake-up is lost, even with an
 * edge-triggered registration that reports each edge once.
 *
 * <p>The common case, one reader and one writer, costs no allocation: each direction has
 * one slot; further waiters (several threads in {@code recvfrom} on one datagram socket)
 * go to a queue made on first need. This object never refers to its {@link Socket}, so
 * the poller's table does not keep an abandoned socket reachable.
 */
final class Waiters implements Poller.ReadyListener {
    private static final VarHandle READ_SEQ;
    private static final VarHandle WRITE_SEQ;
    private static final VarHandle READER;
    private static final VarHandle WRITER;
    private static final VarHandle MORE_READERS;
    private static final VarHandle MORE_WRITERS;
    private static final VarHandle READ_TIMER;
    private static final VarHandle WRITE_TIMER;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            READ_SEQ = l.findVarHandle(Waiters.class, "readSeq", int.class);
            WRITE_SEQ = l.findVarHandle(Waiters.class, "writeSeq", int.class);
            READ_TIMER = l.findVarHandle(Waiters.class, "readTimerAt", long.class);
            WRITE_TIMER = l.findVarHandle(Waiters.class, "writeTimerAt", long.class);
            WaitTimer.load();
            READER = l.findVarHandle(Waiters.class, "reader", Thread.class);
            WRITER = l.findVarHandle(Waiters.class, "writer", Thread.class);
            MORE_READERS = l.findVarHandle(Waiters.class, "moreReaders", ConcurrentLinkedQueue.class);
            MORE_WRITERS = l.findVarHandle(Waiters.class, "moreWriters", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int readSeq;
    private volatile int writeSeq;
    private volatile Thread reader;
    private volatile Thread writer;
    private volatile ConcurrentLinkedQueue<Thread> moreReaders;
    private volatile ConcurrentLinkedQueue<Thread> moreWriters;
    /** When the armed {@link WaitTimer} of each direction fires ({@link System#nanoTime()}); {@link #NO_TIMER} if none is. */
    private volatile long readTimerAt;
    private volatile long writeTimerAt;
    private static final long NO_TIMER = 0;
    /** The armed timers themselves, cancelled when the socket closes (see {@link #closed()}). */
    private volatile java.util.concurrent.Future<?> readTimer;
    private volatile java.util.concurrent.Future<?> writeTimer;
    private volatile boolean closed;
    /** Sticky: a report flagged {@link Poller#STATE_CHANGE} came (end of stream, error, urgent data). */
    private volatile boolean stateChanged;

    int seq(int direction) {
        return direction == Poller.READ ? readSeq : writeSeq;
    }

    /** Whether any report so far said more than new data came; see {@link Poller#STATE_CHANGE}. */
    boolean stateChanged() {
        return stateChanged;
    }

    @Override
    public void ready(int events) {
        if ((events & Poller.STATE_CHANGE) != 0) {
            stateChanged = true; // before the count moves: whoever sees the new count sees this
        }
        if ((events & Poller.READ) != 0) {
            READ_SEQ.getAndAdd(this, 1);
            wake(reader, moreReaders);
        }
        if ((events & Poller.WRITE) != 0) {
            WRITE_SEQ.getAndAdd(this, 1);
            wake(writer, moreWriters);
        }
    }

    private static void wake(Thread t, ConcurrentLinkedQueue<Thread> more) {
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (more != null) {
            for (Thread w : more) {
                LockSupport.unpark(w);
            }
        }
    }

    /**
     * Parks until the poller reports {@code direction} after {@code seq}, the time is up
     * ({@code nanos}; negative means no limit), the thread is interrupted, or the socket
     * closes. Returns without parking if an event already came. Spurious returns are
     * possible; the caller retries its call and re-checks its deadline.
     */
    void await(Socket socket, int direction, int seq, long nanos) throws java.io.IOException {
        Thread me = Thread.currentThread();
        boolean inSlot = claim(direction, null, me);
        ConcurrentLinkedQueue<Thread> queue = null;
        if (!inSlot) {
            queue = overflow(direction);
            queue.add(me);
        }
        try {
            if (seq(direction) != seq || !socket.isOpen()) {
                return;
            }
            socket.armPoller(direction);
            if (seq(direction) != seq) {
                return;
            }
            long deadline = nanos >= 0 ? System.nanoTime() + nanos : 0;
            if (nanos >= 0) {
                wakeBy(direction, deadline);
            }
            socket.beforePark();
            // Both calls above may park this thread for a moment (the timer queue's lock is a
            // ReentrantLock), and such a park takes the permit of an unpark that came meanwhile:
            // the poller's, whose report would then wake nobody until the timer fired (20 s
            // stalls in about 1 of 6,000 echoes under load). The poller moves the count before it
            // unparks, so looking again here, after the last thing that may park, finds it.
            if (seq(direction) != seq || !socket.isOpen() || nanos >= 0 && System.nanoTime() - deadline >= 0) {
                return;
            }
            LockSupport.park(this); // a timed wait is woken by its socket's timer: see WaitTimer
        } finally {
            if (inSlot) {
                claim(direction, me, null);
            } else {
                queue.remove(me);
            }
        }
    }

    /**
     * Makes sure this direction's waiters are woken no later than {@code deadline}: arms a
     * timer unless one that fires no later is armed already (a wait that ends early leaves its
     * timer armed; the next wait, whose deadline is later, reuses it).
     */
    private void wakeBy(int direction, long deadline) {
        long at = deadline == NO_TIMER ? 1 : deadline;
        for (;;) {
            long armed = direction == Poller.READ ? readTimerAt : writeTimerAt;
            if (armed != NO_TIMER && armed - at <= 0) {
                return;
            }
            if (direction == Poller.READ ? READ_TIMER.compareAndSet(this, armed, at) : WRITE_TIMER.compareAndSet(this, armed, at)) {
                java.util.concurrent.Future<?> timer = WaitTimer.at(at, () -> timerFired(direction, at));
                if (direction == Poller.READ) {
                    readTimer = timer;
                } else {
                    writeTimer = timer;
                }
                if (closed) { // closed() ran meanwhile and may have missed this timer
                    timer.cancel(false);
                }
                return;
            }
        }
    }

    /**
     * The socket closed (its waiters were woken): drops the timers still armed, so that a
     * server whose connections come and go with a long idle timeout does not hold a timer per
     * closed connection until each one's timeout has passed.
     */
    void closed() {
        closed = true;
        java.util.concurrent.Future<?> r = readTimer;
        java.util.concurrent.Future<?> w = writeTimer;
        if (r != null) {
            r.cancel(false);
        }
        if (w != null) {
            w.cancel(false);
        }
    }

    /**
     * A timer armed for {@code at} fired: wake every waiter of the direction. Those whose own
     * deadline has not come (a later wait that reused this timer) find time left, and park
     * again arming their own. Disarmed first, so that a waiter arriving meanwhile arms anew
     * or, if it saw this timer still armed, is already published and so woken below.
     */
    private void timerFired(int direction, long at) {
        if (direction == Poller.READ) {
            READ_TIMER.compareAndSet(this, at, NO_TIMER);
            wake(reader, moreReaders);
        } else {
            WRITE_TIMER.compareAndSet(this, at, NO_TIMER);
            wake(writer, moreWriters);
        }
    }

    /*
     * Every VarHandle below is used as a constant, one per direction, never chosen at run time
     * (`h = read ? A : B; h.compareAndSet(...)`): C2 cannot intrinsify a VarHandle it cannot
     * prove constant and inlines the generic invoke path instead (slower, and a large odd graph).
     * JDK 25.0.3's C2 crashed four times in a day of test runs (SIGSEGV in
     * Compile::final_graph_reshaping_walk) compiling Socket.retry with that path inlined from
     * here; it never reproduced on demand, so this is the prime suspect, not a proven cause.
     */

    /** Moves {@code direction}'s waiter slot from {@code expect} to {@code to}, if it holds {@code expect}. */
    private boolean claim(int direction, Thread expect, Thread to) {
        return direction == Poller.READ
                ? READER.compareAndSet(this, expect, to)
                : WRITER.compareAndSet(this, expect, to);
    }

    private ConcurrentLinkedQueue<Thread> overflow(int direction) {
        ConcurrentLinkedQueue<Thread> q = direction == Poller.READ ? moreReaders : moreWriters;
        if (q == null) {
            ConcurrentLinkedQueue<Thread> fresh = new ConcurrentLinkedQueue<>();
            if (direction == Poller.READ) {
                MORE_READERS.compareAndSet(this, null, fresh);
                q = moreReaders;
            } else {
                MORE_WRITERS.compareAndSet(this, null, fresh);
                q = moreWriters;
            }
        }
        return q;
    }
}
