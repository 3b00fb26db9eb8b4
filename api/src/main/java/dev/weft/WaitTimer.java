package dev.weft;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock behind timed waits: wakes a socket's waiters of one direction at a time asked
 * for, on one daemon platform thread ({@code weft-timer}, started by the first timed wait
 * and kept, as the poller's thread is).
 *
 * <p>Why not {@code LockSupport.parkNanos} per wait: each such park schedules a timer with
 * the JDK's virtual-thread scheduler and cancels it when the wait ends early, and each of
 * those wakes that scheduler's timer thread (two futex calls and a context switch). A server
 * whose connections carry an idle timeout waits with one on every read, almost always ending
 * long before it: under {@code wrk} that was 0.85 futex calls per HTTP request and about a
 * third of the server's CPU per request (the JDK's own sockets with {@code setSoTimeout} pay
 * the same). Here a waiter parks untimed and its socket keeps at most one timer per direction
 * armed ({@link Waiters}): a later wait whose deadline is no earlier than the armed one arms
 * nothing, and the timer, when it fires, wakes whoever waits then; a waiter woken before its
 * own deadline parks again and arms its own. Nothing is cancelled while the socket is open, so
 * a timer outlives its wait by at most the timeout, holding only the small {@code Waiters}
 * object; closing the socket cancels its timers.
 */
final class WaitTimer {
    private WaitTimer() {}

    /**
     * Made with the class, which {@link Waiters}' initializer loads: constructing the executor
     * starts no thread (its first {@code schedule} does), and initialising it there, not on
     * the first timed wait, keeps racing first waiters from pinning their carriers while one
     * of them runs this initializer.
     */
    private static final ScheduledThreadPoolExecutor CLOCK = clock();

    private static ScheduledThreadPoolExecutor clock() {
        // The thread stays, as the poller's does: idle, it sleeps without a timeout.
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "weft-timer");
            t.setDaemon(true);
            return t;
        });
        clock.setRemoveOnCancelPolicy(true); // a closed socket's timer leaves the queue at once
        return clock;
    }

    /** Initialises this class (see {@link #CLOCK}). */
    static void load() {}

    /** Runs {@code wake} at {@link System#nanoTime()} {@code at} (at once if that has passed). */
    static java.util.concurrent.Future<?> at(long at, Runnable wake) {
        return CLOCK.schedule(wake, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Timers armed and not yet fired, for tests. */
    static int pending() {
        return CLOCK.getQueue().size();
    }
}
