package dev.weft.spi;

import java.io.IOException;

/**
 * A provider's readiness notifier (epoll, kqueue, ...). weft's core registers every socket
 * once; the poller calls {@link ReadyListener#ready} from its own thread when the OS reports
 * the descriptor readable or writable, and the core unparks whoever waits.
 *
 * <p>The core's protocol makes lost wake-ups impossible with either registration style: a
 * waiter notes the listener's event count, tries the call, registers itself, calls
 * {@link #arm}, re-checks the count, and only then parks. An edge-triggered poller may make
 * {@code arm} a no-op; a one-shot poller re-arms there.
 */
public interface Poller {
    /** Readiness to read (or accept, or a peer hang-up). */
    int READ = 1;
    /** Readiness to write (or a finished connect). */
    int WRITE = 2;
    /**
     * Beside {@link #READ}: more than new data came, so a read may return without more
     * arriving: the peer ended the stream, an error is pending, or urgent data arrived.
     */
    int STATE_CHANGE = 4;

    /** Starts watching {@code fd}; returns the key for {@link #arm} and {@link #deregister}. */
    Object register(long fd, ReadyListener listener) throws IOException;

    /**
     * Asks for a notification of {@code events}; called before each park. A poller that can
     * no longer report (its wait failed) throws here, so that no thread parks on it.
     */
    default void arm(Object key, int events) throws IOException {}

    /**
     * No thread will wait for {@code events} for a while (a connect has finished): a poller
     * that asks for readiness on demand may stop. A later {@link #arm} asks again.
     */
    default void disarm(Object key, int events) {}

    /**
     * True if every arrival of data (or end of stream, or error) on a registered TCP socket
     * is reported, even while earlier data is still unread, as Linux's edge-triggered epoll
     * does, and reports flag {@link #STATE_CHANGE} whenever the socket's state at the time
     * of the report includes an end of stream, an error or urgent data. The core then lets
     * a TCP reader that just emptied the socket park without first asking the kernel again
     * (see {@code Socket}'s receive): one system call less per message on a
     * request/response connection. This also relies on the provider's TCP
     * {@code recv} returning fewer bytes than asked only when the socket is then empty, as
     * the kernel's does: a wrapping provider that shortens reads must return false, or
     * report the socket readable after each read it shortened (weft-faults does). A
     * poller that reports only some arrivals must return false (the default).
     */
    default boolean reportsEveryArrival() {
        return false;
    }

    /**
     * True while the poller has not had its turn for longer than it should: threads that
     * spin (retry a call, yielding, instead of parking) are then keeping it from running, and
     * the core parks them instead. The JDK's scheduler runs a carrier's own queue before
     * anything submitted from outside it, so spinners that keep finding data among
     * themselves would otherwise keep a poller that waits in that outside queue, and every
     * thread only it can wake, waiting for good. The default, false, suits a poller that runs
     * on platform threads.
     */
    default boolean starved() {
        return false;
    }

    /**
     * The calling thread is about to park until a socket is ready: a poller may use the
     * moment to collect events itself, without blocking, and so wake another waiter on this
     * carrier instead of through its own thread. Called after {@link #arm}; it must never
     * block. The default does nothing.
     */
    default void beforePark() {}

    /**
     * The number of carrier threads of the JDK's default virtual-thread scheduler
     * ({@code -Djdk.virtualThreadScheduler.parallelism}, else the available processors):
     * what a spin or a poller per carrier is sized by.
     */
    static int carriers() {
        return Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    /** Stops watching; called before the descriptor is closed, so its number can't be reused meanwhile. */
    void deregister(Object key);

    /** Receives readiness from the poller thread; must be quick and never block. */
    @FunctionalInterface
    interface ReadyListener {
        /** {@code events} is a mask of {@link #READ} and {@link #WRITE}; errors and hang-ups set both. */
        void ready(int events);
    }
}
