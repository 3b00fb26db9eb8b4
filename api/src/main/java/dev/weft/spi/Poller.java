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

    /** Starts watching {@code fd}; returns the key for {@link #arm} and {@link #deregister}. */
    Object register(long fd, ReadyListener listener) throws IOException;

    /** Asks for a notification of {@code events}; called before each park. */
    default void arm(Object key, int events) throws IOException {}

    /**
     * No thread will wait for {@code events} for a while (a connect has finished): a poller
     * that asks for readiness on demand may stop. A later {@link #arm} asks again.
     */
    default void disarm(Object key, int events) {}

    /** Stops watching; called before the descriptor is closed, so its number can't be reused meanwhile. */
    void deregister(Object key);

    /** Receives readiness from the poller thread; must be quick and never block. */
    @FunctionalInterface
    interface ReadyListener {
        /** {@code events} is a mask of {@link #READ} and {@link #WRITE}; errors and hang-ups set both. */
        void ready(int events);
    }
}
