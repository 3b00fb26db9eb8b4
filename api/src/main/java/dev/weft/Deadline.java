package dev.weft;

/**
 * When one call must be over: the socket's mode at the start of the call, fixed for the whole
 * of it, so that a {@code sendAll} that parks ten times still ends within the one timeout
 * (CPython's rule). Blocking and non-blocking calls share two constants; only a call with a
 * timeout allocates, and only once.
 */
final class Deadline {
    /** No limit: the call parks as long as it must. */
    static final Deadline BLOCKING = new Deadline(-1, 0);
    /** Non-blocking: a call that would wait fails at once. */
    static final Deadline NOW = new Deadline(0, 0);

    private final long timeoutNanos;
    private final long start;

    private Deadline(long timeoutNanos, long start) {
        this.timeoutNanos = timeoutNanos;
        this.start = start;
    }

    /** A deadline {@code timeoutNanos} from now: -1 blocking, 0 non-blocking, else the timeout. */
    static Deadline after(long timeoutNanos) {
        return timeoutNanos < 0 ? BLOCKING : timeoutNanos == 0 ? NOW : new Deadline(timeoutNanos, System.nanoTime());
    }

    boolean blocking() {
        return timeoutNanos < 0;
    }

    boolean nonBlocking() {
        return timeoutNanos == 0;
    }

    /** Nanoseconds left: -1 for no limit; zero or less once the time is up (never for a blocking call). */
    long left() {
        return timeoutNanos < 0 ? -1 : timeoutNanos - (System.nanoTime() - start);
    }

    /** Whether a timed call's time is up at {@code now} (a {@link System#nanoTime()}). */
    boolean passed(long now) {
        return timeoutNanos > 0 && now - start >= timeoutNanos;
    }
}
