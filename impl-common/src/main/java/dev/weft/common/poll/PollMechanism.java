package dev.weft.common.poll;

import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What one OS contributes to the poller: its readiness notification system calls, and
 * nothing of when or by whom they are called ({@link PollScheduler} decides that, the same
 * on every OS). A mechanism is stateless beyond what it needs to make the calls; the
 * scheduler owns the instances it opens, the event arrays and the registrations.
 *
 * <p><b>What a mechanism must do.</b>
 * <ul>
 *   <li><b>Edge-triggered.</b> After {@link #add} or {@link #modify} asking for
 *       {@link Poller#READ} (and {@link Poller#WRITE}), a descriptor that is ready then is
 *       reported once, and then once more for every new readiness: each arrival of data,
 *       each freeing of send space, the end of the stream, an error. Unread data must not
 *       make later waits report the descriptor again (epoll's {@code EPOLLET}, kqueue's
 *       {@code EV_CLEAR}). The scheduler never re-arms an ordinary registration: a
 *       one-shot registration that the mechanism did not re-arm itself would lose every
 *       report after its first. A mechanism whose OS only has one-shot requests (Windows'
 *       {@code AFD_POLL}) re-issues the request as it decodes its report; one that only
 *       has level-triggered reports is correct but keeps the drainers busy while any
 *       socket has unread data, and must then return false from
 *       {@link #reportsEveryArrival}.</li>
 *   <li><b>One-shot, for the scheduler's own watch.</b> With {@link #ONE_SHOT} in the
 *       interest, the descriptor (always another instance, see {@link #canNest}) is reported
 *       once and then not again until the next {@link #modify}; added with
 *       {@code ONE_SHOT} alone it is registered but reports nothing.</li>
 *   <li><b>Any thread, any time.</b> {@code add}, {@code modify} and {@code delete} are
 *       called from any thread, also while another thread is blocked in {@link #wait} on
 *       the same instance, and must take effect on that blocked wait (epoll, kqueue and an
 *       I/O completion port do; a {@code poll(2)}-based mechanism must wake its waiter, for
 *       example through a pipe, and poll again). Several threads may call {@code wait} on
 *       one instance at once; each report goes to one of them. A wait with timeout 0,
 *       {@code add} and {@code modify} must never park the calling thread (no lock that
 *       parks): they run on a virtual thread's way to its own park
 *       ({@link Poller#beforePark}), and a park inside them would take the unpark meant
 *       for that one. A system call that holds the carrier for a moment is fine.</li>
 *   <li><b>Errors as numbers.</b> The calls return 0 or a native errno (a wait: the count
 *       of events, or a negated errno), never throw; {@code EINTR} is retried inside.
 *       {@link #error} makes the exception the scheduler throws, naming the call and the
 *       errno.</li>
 * </ul>
 *
 * <p><b>Nesting.</b> If an instance's handle can itself be registered in another instance
 * and is then reported readable while it has events (epoll and kqueue can; Windows cannot),
 * {@link #canNest} is true and the scheduler runs an instance per carrier with the idle
 * drainers parked behind one blocking master. Otherwise it runs one instance, and its master
 * thread waits on that instance itself (see {@link PollScheduler}).
 *
 * <p>A sketch of a kqueue mechanism: {@code open} is {@code kqueue()}; {@code add} and
 * {@code modify} one {@code kevent} call with {@code EVFILT_READ} (and {@code EVFILT_WRITE},
 * or its {@code EV_DELETE}) flagged {@code EV_ADD | EV_CLEAR} (or {@code EV_DISPATCH} for
 * {@code ONE_SHOT}), the user data in {@code udata}; {@code wait} a {@code kevent} with a
 * timeout; {@code ready} maps the filter, {@code EV_EOF} and {@code EV_ERROR}.
 */
public interface PollMechanism {
    /**
     * Beside {@link Poller#READ}: report the descriptor once, then not again until the next
     * {@link #modify}. Only used for one instance nested in another.
     */
    int ONE_SHOT = 8;

    /** Short name for thread names and messages, e.g. {@code "epoll"}. */
    String name();

    /** Bytes of one event in the array {@link #wait} fills. */
    int eventSize();

    /** Opens a new instance and returns its handle (a descriptor, or another number, never negative). */
    long open() throws IOException;

    /** Closes an instance the scheduler opened (when it could not finish starting). */
    void close(long instance);

    /**
     * Registers {@code fd} in {@code instance} for {@code interest} (a mask of
     * {@link Poller#READ}, {@link Poller#WRITE} and {@link #ONE_SHOT}); each report of it
     * carries {@code data}. Returns 0 or the errno.
     */
    int add(long instance, long fd, long data, int interest);

    /** Replaces what a registered {@code fd} asks for (and re-arms a {@code ONE_SHOT} one); 0 or the errno. */
    int modify(long instance, long fd, long data, int interest);

    /** Removes {@code fd} from {@code instance}; 0 or the errno (one for a descriptor gone already is fine). */
    int delete(long instance, long fd);

    /**
     * Waits up to {@code timeoutMillis} (0: do not block, -1: no limit) for reports and
     * writes up to {@code max} of them, {@link #eventSize} bytes each, at {@code address};
     * {@code view} sees the same memory from byte {@code offset}. Returns how many were
     * written, or the negated errno. {@code EINTR} is retried here.
     */
    int wait(long instance, long address, ByteBuffer view, int offset, int max, int timeoutMillis);

    /** The {@code data} of the event at {@code offset} of {@code view}. */
    long data(ByteBuffer view, int offset);

    /**
     * The event at {@code offset} of {@code view} as a mask of {@link Poller#READ},
     * {@link Poller#WRITE} and {@link Poller#STATE_CHANGE}; a hang-up or an error sets all
     * three, an end of stream or urgent data sets {@code STATE_CHANGE} beside {@code READ}.
     */
    int ready(ByteBuffer view, int offset);

    /** Whether an instance's handle can be added to another instance (see the class comment). */
    boolean canNest();

    /** See {@link Poller#reportsEveryArrival}: true only for a truly edge-triggered mechanism. */
    boolean reportsEveryArrival();

    /**
     * The exception for operation {@code op} failed with native errno {@code errno}: names
     * the errno and the system call, followed by {@code detail} if not null.
     */
    IOException error(int errno, Op op, String detail);

    /** The operations, for {@link #error}. */
    enum Op {
        OPEN, ADD, MODIFY, DELETE, WAIT
    }
}
