package dev.weft.common.poll;

import dev.weft.common.NativeMemory;
import dev.weft.common.Scratch;
import dev.weft.common.poll.PollMechanism.Op;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The poller's scheduling, the same on every OS: who waits for readiness reports, when,
 * and on which carrier the threads they wake then run. The OS's part, its system calls, is
 * a {@link PollMechanism}; each socket is registered once, for reading and (while a writer
 * waits) writing, edge-triggered: a wait costs no system call of the mechanism, and the
 * core's count-then-park protocol ({@link Poller}) makes the single report of an edge enough.
 *
 * <pre>{@code
 * Poller p = new PollScheduler(mechanism); // a provider's newPoller()
 * }</pre>
 *
 * <p><b>Who polls.</b> By default ({@code -Dweft.poller=vthread}) an instance is drained by
 * a <em>virtual</em> thread with non-blocking waits: the threads it unparks are then queued
 * on the carrier it runs on, so a busy connection is served without a cross-CPU wake-up per
 * message. After a poll that found events it yields and polls again; after an empty poll it
 * parks, and a platform "master" thread blocked in a wait on a second instance (holding
 * this one, one-shot) unparks it when events arrive. Measured on loopback TCP ping-pong, a
 * platform thread unparking every waiter costs several times the round trip (see
 * BENCHMARKS.md). {@code -Dweft.poller=platform} keeps the simple design: one platform
 * thread blocked in a wait on a single instance, unparking waiters itself.
 *
 * <p><b>How many.</b> One instance and drainer per carrier ({@code -Dweft.poller.count=N} to
 * change it); a descriptor belongs to instance {@code fd % N}. Only the primary drainer
 * (instance 0) parks on the master; instance 0 also holds each other instance,
 * edge-triggered (each new event in one is reported to the primary once; no re-arming after
 * a drain). When the primary finds one of them with events while its own poll brought few,
 * it drains that instance itself, so a few sockets trading messages stay on one carrier (a
 * ping-pong's round trip depends on it); when busy, it wakes that instance's helper, whose
 * woken threads then fill another carrier's queue. A drainer that stays busy for a
 * millisecond parks instead of yielding ({@code busyNanos}), so it cannot starve the
 * scheduler's other work.
 *
 * <p><b>Threads about to park poll too.</b> While the primary is idle, a thread about to
 * park on a socket first collects the primary instance's events itself, without blocking
 * ({@link #beforePark}): the peer its own send just made ready is then queued on this
 * carrier and runs as soon as it parks. While such polls keep finding events, the idle
 * primary leaves the master unarmed ("quiet"): an armed master is woken, inside the
 * sender's system call, by every event. The first of those polls to find nothing arms it
 * again, and the primary looks by itself every {@code quietNanos} (50 µs) meanwhile, so an
 * event that no parking thread collects (from outside the process, or after the last such
 * thread parked on something other than a socket or ended) waits at most that long.
 * Unpinned 64 B TCP ping-pong: 51k to 90-98k round trips/s; {@code
 * -Dweft.poller.selfPoll=false} turns both off.
 *
 * <p><b>A mechanism that cannot nest</b> ({@link PollMechanism#canNest} false) gets one
 * instance, and its master waits on that instance itself: it collects the first events
 * that come while the primary is idle, wakes their threads from its platform thread, then
 * unparks the primary, which collects the rest as above. Correct, and only the first report
 * after an idle period pays the cross-CPU wake-up.
 *
 * <p><b>A failed wait.</b> A wait that fails (it cannot with a valid instance: a bug or a
 * descriptor closed by someone else) stops the poller for good: every thread parked on one
 * of its sockets is woken, and its next wait, like every later registration, throws the
 * mechanism's {@link PollMechanism#error} naming the errno. No socket hangs unnoticed.
 *
 * <p>The event's user data is the descriptor and a registration number, so an event still
 * in flight for a descriptor that was closed and reused is recognised and dropped.
 */
public final class PollScheduler implements Poller {
    private static final int MAX_EVENTS = 512;
    /**
     * Below this many events in a poll the primary drains a helper's instance itself. Each
     * instance drained by its own drainer took the unpinned 64 B TCP ping-pong from 55k to
     * 21k round trips/s (its two sockets in different instances, every hand-off across CPUs);
     * with this, 50-57k.
     */
    private static final int HELP_EVENTS = 8;
    /** Events a parking thread collects at most, in a small scratch area. */
    private static final int SELF_EVENTS = 64;
    /**
     * A drainer busy past {@code busyNanos} parks this long (the timer makes it longer):
     * its next turn then comes through the scheduler's outside queue, where the timers'
     * wake-ups (a sleep's end) wait too.
     */
    private static final long PAUSE_NANOS = 1000;
    /** User data of an instance nested in the primary's: a registration number no socket gets. */
    private static final long NESTED = 0xFFFFFFFFL << 32;

    /**
     * The scheduler's settings; {@link #fromProperties} reads them from the system
     * properties named below.
     *
     * @param virtualThreads {@code -Dweft.poller=vthread} (the default) or {@code platform}
     * @param count {@code -Dweft.poller.count}: instances and drainers, 1 to 64; one per
     *     carrier by default (at most 32): under load each carrier then has woken threads of
     *     its own to run instead of stealing them all from the one carrier a single drainer
     *     runs on. More drainers than carriers only queue behind each other.
     * @param spinNanos {@code -Dweft.poller.spinMicros=N}: after the last event, keep polling
     *     (yielding to any other virtual thread on the carrier) for up to N µs before parking.
     *     Off by default: it trades CPU for latency. Unpinned 64 B TCP ping-pong: 56k to
     *     100-110k round trips/s with N=50, keeping both CPUs busy; no change pinned or under
     *     load (BENCHMARKS.md). A window that ends with nothing skips the next 1, 2, 4 ... 64
     *     spins, so sparse traffic does not pay for it; a spin that finds an event resets that.
     * @param busyNanos {@code -Dweft.poller.busyMicros} (1,000): how long a drainer keeps
     *     yielding between polls that find events before it parks once instead. The JDK's
     *     ForkJoinPool runs a carrier's local queue until it is empty before it looks at
     *     tasks submitted from outside the pool (a timer's wake-up, an unpark from a platform
     *     thread), and a yield puts the drainer back on that queue: with a drainer per carrier
     *     under steady traffic no queue ever empties, and a 5 ms sleep took 3 s or more, or
     *     never ended (PollerFairnessTest). A timed park ({@code PAUSE_NANOS}) sends the
     *     drainer's next turn through the timer and the pool's external queue, where a
     *     sleep's wake-up waits too. Also the limit past which the poller counts as
     *     {@link #starved}.
     * @param selfPoll {@code -Dweft.poller.selfPoll=false}: threads about to park never poll
     *     (see {@link #beforePark})
     * @param quietNanos {@code -Dweft.poller.quietMicros} (50): quiet mode (see
     *     {@link #beforePark}): how recently a parking thread must have found events for the
     *     idle primary to leave the master unarmed, and how long it then parks before it polls
     *     again by itself; so also the most an arrival that no parking thread collects can
     *     wait. SparseEcho (a server answering requests that come now and then from outside
     *     the process) chose 50 µs: with 250 its p50 and p90 rose from 70 and 139 µs to 78 and
     *     188 µs, with 50 they did not move, and the ping-pongs keep part of what quiet mode
     *     brings them (against it off: AF_UNIX 116k round trips/s against 98-103k, UDP 91k
     *     against 79-89k; TCP 89k against 89-91k, but 15.8 CPU µs per round trip against
     *     18.1-18.6). 0 turns quiet mode off.
     */
    public record Settings(boolean virtualThreads, int count, long spinNanos, long busyNanos, boolean selfPoll, long quietNanos) {
        public Settings {
            if (count < 1 || count > 64) {
                throw new IllegalArgumentException("-Dweft.poller.count must be 1 to 64, not " + count);
            }
        }

        /** From the system properties; the default count suits {@code mechanism} (1 if it cannot nest). */
        public static Settings fromProperties(PollMechanism mechanism) {
            String mode = System.getProperty("weft.poller", "vthread");
            if (!mode.equals("platform") && !mode.equals("vthread")) {
                throw new IllegalArgumentException("-Dweft.poller must be vthread or platform, not " + mode);
            }
            boolean v = mode.equals("vthread");
            int dflt = v && mechanism.canNest() ? Math.max(1, Math.min(Poller.carriers(), 32)) : 1;
            return new Settings(v, Integer.getInteger("weft.poller.count", dflt),
                    Long.getLong("weft.poller.spinMicros", 0) * 1000,
                    Long.getLong("weft.poller.busyMicros", 1000) * 1000,
                    !"false".equals(System.getProperty("weft.poller.selfPoll")),
                    Long.getLong("weft.poller.quietMicros", 50) * 1000);
        }
    }

    private final PollMechanism mech;
    private final int eventSize;
    private final long spinNanos;
    private final long busyNanos;
    private final boolean selfPoll;
    private final long quietNanos;
    /**
     * The instances, one per drainer; a descriptor belongs to {@code drainers[fd % n]}.
     * Instance 0 (the primary's) also holds each other instance, edge-triggered, so it
     * becomes readable whenever one of them gets a new event.
     */
    private final Drainer[] drainers;
    /** The primary's second event array, for draining another instance inline. */
    private final long inlineEvents;
    private final ByteBuffer inlineView;
    /**
     * When the primary drainer last polled, or since when the master's wake-up has been
     * waiting for it to run; 0 while it is idle (parked with nothing to do), in the platform
     * design, and once the poller failed.
     */
    private volatile long lastPoll;
    /** When a parking thread last found events ({@link #beforePark}); 0 before any did. */
    private volatile long selfPollHit;
    /** The master thread of the default design; null in the platform design. */
    private final Master master;
    /** Set once, by the first failed call of the mechanism that stops the poller. */
    private volatile Failure failure;
    private static final VarHandle FAILURE;

    static {
        try {
            FAILURE = MethodHandles.lookup().findVarHandle(PollScheduler.class, "failure", Failure.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private final ReentrantLock tableLock = new ReentrantLock();
    private volatile AtomicReferenceArray<Registration> table = new AtomicReferenceArray<>(1024);
    private int nextId;

    private record Failure(int errno, Op op) {}

    /** One socket's registration; {@code out} says whether write readiness is asked for. */
    static final class Registration {
        final int fd;
        final int id;
        final ReadyListener listener;
        final ReentrantLock lock = new ReentrantLock();
        volatile boolean out;

        Registration(int fd, int id, ReadyListener listener) {
            this.fd = fd;
            this.id = id;
            this.listener = listener;
        }
    }

    /** A scheduler with the settings of the system properties. */
    public PollScheduler(PollMechanism mechanism) throws IOException {
        this(mechanism, Settings.fromProperties(mechanism));
    }

    /**
     * Opens the mechanism's instances and starts the drainers and the master of
     * {@code settings}; closes what it opened if any step fails.
     *
     * @throws IllegalArgumentException if {@code settings} ask for more than one instance
     *     of a mechanism that cannot nest
     */
    public PollScheduler(PollMechanism mechanism, Settings settings) throws IOException {
        this.mech = mechanism;
        this.eventSize = mechanism.eventSize();
        this.spinNanos = settings.spinNanos();
        this.busyNanos = settings.busyNanos();
        this.selfPoll = settings.selfPoll();
        this.quietNanos = settings.quietNanos();
        int count = settings.virtualThreads() ? settings.count() : 1;
        if (count > 1 && !mechanism.canNest()) {
            throw new IllegalArgumentException("-Dweft.poller.count must be 1 with " + mechanism.name()
                    + ", which cannot hold one instance in another, not " + count);
        }
        this.drainers = new Drainer[count];
        long[] opened = new long[count + 1];
        int nOpened = 0;
        try {
            for (int i = 0; i < count; i++) {
                opened[nOpened] = mechanism.open();
                drainers[i] = new Drainer(i, opened[nOpened++]);
            }
            Drainer primary = drainers[0];
            for (int i = 1; i < count; i++) {
                int r = mechanism.add(primary.instance, drainers[i].instance, NESTED | i, READ);
                if (r != 0) {
                    throw mechanism.error(r, Op.ADD, null);
                }
            }
            if (!settings.virtualThreads()) {
                this.master = null;
            } else {
                long masterInstance = -1;
                if (mechanism.canNest()) {
                    masterInstance = mechanism.open();
                    opened[nOpened++] = masterInstance;
                    // Added disarmed (one-shot, no events): watch() arms it.
                    int r = mechanism.add(masterInstance, primary.instance, NESTED, PollMechanism.ONE_SHOT);
                    if (r != 0) {
                        throw mechanism.error(r, Op.ADD, null);
                    }
                }
                this.master = new Master(masterInstance);
            }
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < nOpened; i++) {
                mechanism.close(opened[i]);
            }
            for (Drainer d : drainers) {
                if (d != null) {
                    NativeMemory.free(d.events);
                }
            }
            throw e;
        }
        this.inlineEvents = NativeMemory.malloc((long) MAX_EVENTS * eventSize);
        this.inlineView = view(inlineEvents);
        Drainer primary = drainers[0];
        if (master == null) {
            Thread t = new Thread(primary::platformLoop, "weft-" + mechanism.name());
            t.setDaemon(true);
            t.start();
            return;
        }
        for (int i = 1; i < count; i++) {
            Drainer h = drainers[i];
            h.thread = Thread.ofVirtual().name("weft-" + mechanism.name() + "-helper-" + i).start(h::helperLoop);
        }
        primary.thread = Thread.ofVirtual().name("weft-" + mechanism.name() + "-primary").unstarted(primary::primaryLoop);
        master.start();
        primary.thread.start();
    }

    private ByteBuffer view(long events) {
        return NativeMemory.view(events, (long) MAX_EVENTS * eventSize).order(ByteOrder.nativeOrder());
    }

    @Override
    public Object register(long fd, ReadyListener listener) throws IOException {
        int ifd = (int) fd;
        Registration reg;
        tableLock.lock();
        try {
            AtomicReferenceArray<Registration> t = table;
            if (ifd >= t.length()) {
                AtomicReferenceArray<Registration> bigger = new AtomicReferenceArray<>(Math.max(ifd + 1, t.length() * 2));
                for (int i = 0; i < t.length(); i++) {
                    bigger.set(i, t.get(i));
                }
                table = t = bigger;
            }
            reg = new Registration(ifd, nextId++ & 0x7FFFFFFF, listener);
            t.set(ifd, reg);
        } finally {
            tableLock.unlock();
        }
        // Write readiness only once a writer waits (arm): otherwise every read by an AF_UNIX
        // or UDP peer, which frees send-buffer space, would wake the poller for nobody.
        int r = mech.add(instance(reg), reg.fd, data(reg), READ);
        if (r != 0) {
            clear(reg);
            throw mech.error(r, Op.ADD, null);
        }
        // After the table entry: a failure from now on wakes this listener too.
        if (failure != null) {
            deregister(reg);
            throw failed();
        }
        return reg;
    }

    /**
     * A thread is about to park: fails it if the poller has stopped, and asks for write
     * readiness for a writer. Modifying a registration re-evaluates the descriptor, so if it
     * is writable already an event is queued at once; the waiter published itself before
     * this call, so it sees that event.
     */
    @Override
    public void arm(Object key, int events) throws IOException {
        if (failure != null) {
            throw failed();
        }
        Registration reg = (Registration) key;
        if ((events & WRITE) == 0 || reg.out) {
            return;
        }
        setOut(reg, true);
    }

    /** What the mechanism says: see {@link PollMechanism#reportsEveryArrival}. */
    @Override
    public boolean reportsEveryArrival() {
        return mech.reportsEveryArrival();
    }

    /**
     * The primary drainer has not polled for over {@code busyNanos}: it waits behind threads
     * that keep its carrier's queue full (see {@link Poller#starved}). Always false for the
     * platform design, whose thread the kernel schedules.
     */
    @Override
    public boolean starved() {
        long last = lastPoll;
        return last != 0 && System.nanoTime() - last > busyNanos;
    }

    /** The writer's wait is over (a finished connect): stop asking for write readiness. */
    @Override
    public void disarm(Object key, int events) {
        Registration reg = (Registration) key;
        if ((events & WRITE) != 0 && reg.out) {
            try {
                setOut(reg, false);
            } catch (IOException ignored) {
                // A descriptor closed meanwhile: nothing left to disarm.
            }
        }
    }

    private void setOut(Registration reg, boolean on) throws IOException {
        reg.lock.lock();
        try {
            if (reg.out != on) {
                int r = mech.modify(instance(reg), reg.fd, data(reg), on ? READ | WRITE : READ);
                if (r != 0) {
                    throw mech.error(r, Op.MODIFY, null);
                }
                reg.out = on;
            }
        } finally {
            reg.lock.unlock();
        }
    }

    @Override
    public void deregister(Object key) {
        Registration reg = (Registration) key;
        // Remove before close(2): a dup of the descriptor elsewhere would keep the
        // registration alive otherwise. An error here means it is gone already.
        mech.delete(instance(reg), reg.fd);
        clear(reg);
    }

    private void clear(Registration reg) {
        tableLock.lock();
        try {
            AtomicReferenceArray<Registration> t = table;
            if (reg.fd < t.length()) {
                t.compareAndSet(reg.fd, reg, null);
            }
        } finally {
            tableLock.unlock();
        }
    }

    private long instance(Registration reg) {
        return drainers[reg.fd % drainers.length].instance;
    }

    private static long data(Registration reg) {
        return ((long) reg.id << 32) | (reg.fd & 0xFFFFFFFFL);
    }

    /**
     * The mechanism failed {@code op} with {@code errno} where no caller can be told: stop the
     * poller, and wake every registered socket's waiters, whose next {@link #arm} throws.
     */
    private void fail(int errno, Op op) {
        if (!FAILURE.compareAndSet(this, null, new Failure(errno, op))) {
            return; // told once already
        }
        lastPoll = 0; // not starved: spinners may park and be told
        System.err.println("weft: the " + mech.name() + " poller stopped: " + failed().getMessage());
        AtomicReferenceArray<Registration> t = table;
        for (int i = 0; i < t.length(); i++) {
            Registration reg = t.get(i);
            if (reg != null) {
                try {
                    reg.listener.ready(READ | WRITE);
                } catch (RuntimeException | StackOverflowError e) {
                    // A listener only unparks threads; wake the others all the same.
                }
            }
        }
    }

    /** A new exception for each thread told (each with its own stack). */
    private IOException failed() {
        Failure f = failure;
        return mech.error(f.errno(), f.op(), "the poller stopped: every socket it watched fails");
    }

    /** An instance and the thread that drains it, with its own event array. */
    private final class Drainer {
        final int index;
        final long instance;
        final long events;
        final ByteBuffer eventView;
        volatile Thread thread;
        /** When the current run of polls that found events began; 0 outside one. */
        private long busySince;

        Drainer(int index, long instance) {
            this.index = index;
            this.instance = instance;
            this.events = NativeMemory.malloc((long) MAX_EVENTS * eventSize);
            this.eventView = view(events);
        }

        /**
         * A poll at {@code now} found events: whether to yield and poll again, or, busy for
         * {@code busyNanos} already, to park once so that this carrier's queue can empty.
         */
        private boolean mayYield(long now) {
            if (busySince == 0) {
                busySince = now;
            }
            if (now - busySince < busyNanos) {
                return true;
            }
            busySince = 0;
            return false;
        }

        private int poll(int timeoutMillis) {
            return PollScheduler.this.poll(instance, events, eventView, 0, MAX_EVENTS, timeoutMillis, false);
        }

        /** The simple design: block in a wait and unpark waiters from this platform thread. */
        private void platformLoop() {
            while (poll(-1) >= 0) {
                // dispatch happens in poll
            }
        }

        /**
         * The primary drainer of the default design: poll without blocking from a virtual
         * thread; yield while events keep coming (up to the busy limit), park on the master
         * when a poll finds none.
         */
        private void primaryLoop() {
            long idleSince = 0;
            int skipSpins = 0;   // idle periods to park at once, after spins that found nothing
            int backoff = 0;
            while (failure == null) {
                long now = System.nanoTime();
                lastPoll = now;
                int n = poll(0);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    if (idleSince != 0) {
                        backoff = 0; // the spin paid off: keep spinning
                    }
                    idleSince = 0;
                    if (mayYield(now)) {
                        Thread.yield();
                        continue;
                    }
                    // Busy for a while: pause on the timer instead of yielding. Not a turn through
                    // the master: its wake-up came at once (events are waiting), and with 3,000 echo
                    // connections on two carriers a 5 ms sleep then took 87-1,113 ms (50 µs spin
                    // case of PollerFairnessTest, load 10-14); through the timer, as the sleep's own
                    // wake-up comes, 14-211 ms in the same session. The primary still counts as owed
                    // a turn (lastPoll stays), so spinners stop once it waits past busyNanos.
                    LockSupport.parkNanos(this, PAUSE_NANOS);
                    continue;
                }
                busySince = 0;
                if (spinNanos > 0) {
                    if (idleSince == 0 && skipSpins > 0) {
                        skipSpins--;
                    } else {
                        if (idleSince == 0) {
                            idleSince = now;
                        }
                        if (now - idleSince < spinNanos) {
                            Thread.yield(); // other virtual threads on this carrier run first
                            continue;
                        }
                        // Nothing came within the window: spin less often from now on.
                        idleSince = 0;
                        backoff = Math.min(64, backoff == 0 ? 1 : backoff * 2);
                        skipSpins = backoff;
                    }
                }
                // Arm the one-shot watch first, then park: events that came after the empty poll
                // make the master see this instance readable at once, and its unpark before our
                // park leaves a permit, so none is missed.
                lastPoll = 0; // idle, not starved: see the master's wake-up
                long hit = selfPollHit;
                if (hit != 0 && now - hit < quietNanos) {
                    // Quiet mode: threads about to park keep finding events (beforePark), so
                    // leave the master unarmed (each event would wake it, in the sender's
                    // system call) and look again later; the first of them to find nothing
                    // arms it.
                    LockSupport.parkNanos(this, quietNanos);
                    continue;
                }
                master.watch();
                LockSupport.park(this);
            }
        }

        /**
         * A helper: parked until the primary finds its instance with events and too busy to
         * drain it inline; then drains while polls find events (yielding between them, within
         * the busy limit) and parks again. Idle, it needs nothing more: its instance is
         * edge-triggered in the primary's, so each later event reaches the primary. Busy past
         * the limit, events may be left that no later event will announce: it parks for a
         * moment, so that its next turn comes through the scheduler's outside queue.
         */
        private void helperLoop() {
            boolean more = false;
            while (failure == null) {
                if (more) {
                    LockSupport.parkNanos(this, PAUSE_NANOS);
                } else {
                    LockSupport.park(this);
                }
                more = false;
                for (;;) {
                    int n = poll(0);
                    if (n < 0) {
                        return;
                    }
                    if (n == 0) {
                        break;
                    }
                    if (!mayYield(System.nanoTime())) {
                        more = true;
                        break;
                    }
                    Thread.yield();
                }
                busySince = 0;
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for up to {@code max} events of {@code instance}, into
     * {@code events}, which is {@code ev}'s offset {@code off}, and tells each listener;
     * returns how many there were, or -1 if the mechanism failed (then the poller has
     * stopped). {@code borrowed}: the caller is not the primary drainer (a thread about to
     * park), so a nested instance is drained through memory of its own.
     */
    private int poll(long instance, long events, ByteBuffer ev, int off, int max, int timeoutMillis, boolean borrowed) {
        int n = mech.wait(instance, events, ev, off, max, timeoutMillis);
        if (n < 0) {
            fail(-n, Op.WAIT);
            return -1;
        }
        for (int i = 0; i < n; i++) {
            int base = off + i * eventSize;
            long data = mech.data(ev, base);
            int fd = (int) data;
            int id = (int) (data >>> 32);
            if (id == -1) {
                nestedReady(fd, n, borrowed);
                continue;
            }
            AtomicReferenceArray<Registration> t = table;
            Registration reg = fd < t.length() ? t.get(fd) : null;
            if (reg == null || reg.id != id) {
                continue; // closed meanwhile, perhaps with its number reused
            }
            try {
                reg.listener.ready(mech.ready(ev, base));
            } catch (RuntimeException | StackOverflowError e) {
                // A listener only unparks threads; one failure must not stop the poller.
            }
        }
        return n;
    }

    /**
     * The primary (or a thread about to park) found that instance {@code index} got events.
     * With few events about, drain it here: sockets trading messages then stay on this one
     * carrier, as with a single instance. Busy, wake its helper, whose turn comes on
     * whichever carrier is free.
     */
    private void nestedReady(int index, int primaryEvents, boolean borrowed) {
        if (index <= 0 || index >= drainers.length) {
            return;
        }
        if (primaryEvents < HELP_EVENTS) {
            int n;
            if (borrowed) {
                Scratch s = Scratch.take(SELF_EVENTS * eventSize);
                try {
                    n = poll(drainers[index].instance, s.data(), s.view(), s.dataOffset(), SELF_EVENTS, 0, true);
                } finally {
                    s.give();
                }
            } else {
                n = poll(drainers[index].instance, inlineEvents, inlineView, 0, MAX_EVENTS, 0, false);
            }
            if (n >= 0 && n < HELP_EVENTS) {
                return; // drained; its next event is reported to the primary again
            }
        }
        LockSupport.unpark(drainers[index].thread);
    }

    /**
     * A thread is about to park, and the primary drainer is idle (parked on the master): poll
     * its instance here, without blocking, and wake whoever is ready. A ping-pong's peer,
     * made ready by the send this thread just made, is then queued on this carrier and runs
     * as soon as this thread parks, instead of after the master thread, the primary drainer
     * and a steal by the other carrier each had their turn.
     */
    @Override
    public void beforePark() {
        if (!selfPoll || lastPoll != 0 || master == null || !Thread.currentThread().isVirtual() || failure != null) {
            return; // a platform thread would only hand the threads it wakes to another carrier
        }
        Scratch s = Scratch.take(SELF_EVENTS * eventSize);
        int n;
        try {
            n = poll(drainers[0].instance, s.data(), s.view(), s.dataOffset(), SELF_EVENTS, 0, true);
        } finally {
            s.give();
        }
        if (n > 0) {
            long now = System.nanoTime();
            if (now - selfPollHit > quietNanos / 16) {
                selfPollHit = now; // written at most every few dozen µs: both carriers read it
            }
        } else if (n == 0 && !master.armed) {
            master.watch(); // nobody may poll after this thread: let the master watch again
        }
    }

    /** The master's wake-up: from now on the primary is owed a turn (see {@link #starved}). */
    private void wakePrimary() {
        if (lastPoll == 0 && failure == null) {
            lastPoll = System.nanoTime();
        }
        LockSupport.unpark(drainers[0].thread);
    }

    /**
     * A platform thread that wakes the idle primary when its instance has events. With
     * nesting it blocks in a wait on an instance of its own that holds the primary's
     * instance, one-shot; without, it waits on the primary's instance itself, only while
     * armed, and dispatches what it collects.
     */
    private final class Master {
        /** Its own instance, or -1 if the mechanism cannot nest. */
        private final long instance;
        private final Thread thread;
        /** Whether the watch is armed: set by {@link #watch}, cleared when it fires. */
        volatile boolean armed;

        Master(long instance) {
            this.instance = instance;
            this.thread = new Thread(instance >= 0 ? this::nestedLoop : this::directLoop, "weft-" + mech.name() + "-master");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /**
         * Run the wake-up (which unparks the primary) once the primary's instance has events.
         * Any thread may call it; arming twice is harmless.
         */
        void watch() {
            armed = true;
            if (instance < 0) {
                LockSupport.unpark(thread);
                return;
            }
            int e = mech.modify(instance, drainers[0].instance, NESTED, READ | PollMechanism.ONE_SHOT);
            if (e != 0) {
                fail(e, Op.MODIFY);
            }
        }

        private void nestedLoop() {
            long mem = NativeMemory.malloc(eventSize);
            ByteBuffer view = NativeMemory.view(mem, eventSize).order(ByteOrder.nativeOrder());
            while (failure == null) {
                int n = mech.wait(instance, mem, view, 0, 1, -1);
                if (n < 0) {
                    fail(-n, Op.WAIT);
                } else if (n > 0) {
                    armed = false;
                    wakePrimary(); // the one descriptor it watches has events
                }
            }
        }

        private void directLoop() {
            long mem = NativeMemory.malloc((long) MAX_EVENTS * eventSize);
            ByteBuffer view = view(mem);
            while (failure == null) {
                if (!armed) {
                    LockSupport.park(this);
                    continue;
                }
                if (poll(drainers[0].instance, mem, view, 0, MAX_EVENTS, -1, false) > 0) {
                    armed = false;
                    wakePrimary();
                }
            }
        }
    }
}
