package dev.weft.linux;

import dev.weft.common.Scratch;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.weft.Errno;
import dev.weft.Errors;
import dev.weft.posix.PosixLibc;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The epoll poller. Each socket is registered once, for reading and writing,
 * edge-triggered: a wait costs no {@code epoll_ctl}, and the core's count-then-park
 * protocol ({@link Poller}) makes the single report of an edge enough.
 *
 * <p><b>Who polls.</b> By default ({@code -Dweft.poller=vthread}) the epoll instance is
 * drained by a <em>virtual</em> thread with non-blocking {@code epoll_wait(0)} calls: the
 * threads it unparks are then queued on the carrier it runs on, so a busy connection is
 * served without a cross-CPU wake-up per message. After a poll that found events it yields
 * and polls again; after an empty poll it parks, and a platform "master" thread blocked in
 * {@code epoll_wait} on a second epoll instance (holding this one, one-shot) unparks it
 * when events arrive. Measured on loopback TCP ping-pong, a platform thread unparking
 * every waiter costs several times the round trip (see BENCHMARKS.md).
 * {@code -Dweft.poller=platform} keeps the simple design: one platform thread blocked in
 * {@code epoll_wait} on a single instance, unparking waiters itself.
 *
 * <p><b>How many.</b> One epoll instance and drainer per carrier
 * ({@code -Dweft.poller.count=N} to change it); a descriptor belongs to instance
 * {@code fd % N}. Only the primary drainer (instance 0) parks on the master; instance 0
 * also holds each other instance, edge-triggered (each new event in one is reported to the
 * primary once; no re-arming after a drain). When the primary finds one of them with events
 * while its own poll brought few, it drains that instance itself, so a few sockets trading
 * messages stay on one carrier (a ping-pong's round trip depends on it); when busy, it wakes
 * that instance's helper, whose woken threads then fill another carrier's queue. A drainer
 * that stays busy for a millisecond parks instead of yielding ({@code BUSY_NANOS}), so it
 * cannot starve the scheduler's other work.
 *
 * <p><b>Threads about to park poll too.</b> While the primary is idle, a thread about to
 * park on a socket first collects the primary instance's events itself, without blocking
 * ({@link #beforePark}): the peer its own send just made ready is then queued on this
 * carrier and runs as soon as it parks. While such polls keep finding events, the idle
 * primary leaves the master unarmed ("quiet"): an armed master is woken, inside the
 * sender's system call, by every event. The first of those polls to find nothing arms it
 * again, and the primary looks by itself every {@code QUIET_NANOS} (50 µs) meanwhile, so
 * an event that no parking thread collects (from outside the process, or after the last
 * such thread parked on something other than a socket or ended) waits at most that long.
 * Unpinned 64 B TCP ping-pong: 51k to 90-98k round trips/s; {@code
 * -Dweft.poller.selfPoll=false} turns both off.
 *
 * <p>The event's user data is the descriptor and a registration number, so an event still
 * in flight for a descriptor that was closed and reused is recognised and dropped.
 */
final class EpollPoller implements Poller {
    private static final int EPOLLIN = 0x001;
    private static final int EPOLLPRI = 0x002;
    private static final int EPOLLOUT = 0x004;
    private static final int EPOLLERR = 0x008;
    private static final int EPOLLHUP = 0x010;
    private static final int EPOLLRDHUP = 0x2000;
    private static final int EPOLLET = 1 << 31;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;
    private static final int EPOLLONESHOT = 1 << 30;
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int MAX_EVENTS = 512;
    /**
     * {@code -Dweft.poller.spinMicros=N}: after the last event, keep polling (yielding to any
     * other virtual thread on the carrier) for up to N µs before parking. Off by default: it
     * trades CPU for latency. Unpinned 64 B TCP ping-pong: 56k to 100-110k round trips/s
     * with N=50, keeping both CPUs busy; no change pinned or under load (BENCHMARKS.md).
     * A window that ends with nothing skips the next 1, 2, 4 ... 64 spins, so sparse
     * traffic does not pay for it; a spin that finds an event resets that.
     */
    private static final long SPIN_NANOS = Long.getLong("weft.poller.spinMicros", 0) * 1000;
    /**
     * Below this many events in a poll the primary drains a helper's instance itself. Each
     * instance drained by its own drainer took the unpinned 64 B TCP ping-pong from 55k to
     * 21k round trips/s (its two sockets in different instances, every hand-off across CPUs);
     * with this, 50-57k.
     */
    private static final int HELP_EVENTS = 8;
    /**
     * How long a drainer keeps yielding between polls that find events before it parks once
     * instead. The JDK's ForkJoinPool runs a carrier's local queue until it is empty before
     * it looks at tasks submitted from outside the pool (a timer's wake-up, an unpark from a
     * platform thread), and a yield puts the drainer back on that queue: with a drainer per
     * carrier under steady traffic no queue ever empties, and a 5 ms sleep took 3 s or more,
     * or never ended (PollerFairnessTest). Parking on the master sends the primary's next
     * turn through the pool's external queue, behind whatever waits there; a helper waits
     * for the primary. Also the limit past which the poller counts as {@link #starved}.
     */
    private static final long BUSY_NANOS = Long.getLong("weft.poller.busyMicros", 1000) * 1000;
    /** {@code -Dweft.poller.selfPoll=false}: threads about to park never poll (see {@link #beforePark}). */
    private static final boolean SELF_POLL = !"false".equals(System.getProperty("weft.poller.selfPoll"));
    /**
     * Quiet mode (see {@link #beforePark}): how recently a parking thread must have found
     * events for the idle primary to leave the master unarmed, and how long it then parks
     * before it polls again by itself; so also the most an arrival that no parking thread
     * collects can wait. SparseEcho (a server answering requests that come now and then from
     * outside the process) chose 50 µs: with 250 its p50 and p90 rose from 70 and 139 µs to
     * 78 and 188 µs, with 50 they did not move, and the ping-pongs keep part of what quiet
     * mode brings them (against it off: AF_UNIX 116k round trips/s against 98-103k, UDP 91k
     * against 79-89k; TCP 89k against 89-91k, but 15.8 CPU µs per round trip against 18.1-18.6).
     * 0 turns quiet mode off.
     */
    private static final long QUIET_NANOS = Long.getLong("weft.poller.quietMicros", 50) * 1000;
    /** Events a parking thread collects at most, in a small scratch area. */
    private static final int SELF_EVENTS = 64;
    /** x86-64 packs {@code struct epoll_event} (12 bytes); other 64-bit ABIs align it to 16. */
    private static final boolean PACKED = Platform.isIntel();
    private static final int EVENT_SIZE = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final LinuxProvider provider;
    /**
     * The epoll instances, one per drainer; a descriptor belongs to {@code drainers[fd % n]}.
     * Instance 0 (the primary's) also holds each other instance, edge-triggered, so it
     * becomes readable whenever one of them gets a new event.
     */
    private final Drainer[] drainers;
    /** The primary's second event array, for draining another instance inline. */
    private final long inlineEvents;
    private final ByteBuffer inlineView;
    /**
     * When the primary drainer last polled, or since when the master's wake-up has been
     * waiting for it to run; 0 while it is idle (parked with nothing to do) and in the
     * platform design.
     */
    private volatile long lastPoll;
    /** When a parking thread last found events ({@link #beforePark}); 0 before any did. */
    private volatile long selfPollHit;
    /** The master thread of the default design; null in the platform design. */
    private final Master master;
    private final ReentrantLock tableLock = new ReentrantLock();
    private volatile AtomicReferenceArray<Registration> table = new AtomicReferenceArray<>(1024);
    private int nextId;

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

    /** Read readiness, always asked for. */
    private static final int IN_EVENTS = EPOLLIN | EPOLLRDHUP | EPOLLPRI | EPOLLET;

    private final int eintr;

    EpollPoller(LinuxProvider provider) throws IOException {
        this.provider = provider;
        this.eintr = provider.nativeErrno(Errno.EINTR);
        String mode = System.getProperty("weft.poller", "vthread");
        if (!mode.equals("platform") && !mode.equals("vthread")) {
            throw new IllegalArgumentException("-Dweft.poller must be vthread or platform, not " + mode);
        }
        int count = Integer.getInteger("weft.poller.count", mode.equals("vthread") ? defaultCount() : 1);
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("-Dweft.poller.count must be 1 to 64, not " + count);
        }
        this.drainers = new Drainer[mode.equals("vthread") ? count : 1];
        for (int i = 0; i < drainers.length; i++) {
            drainers[i] = new Drainer(i);
        }
        this.inlineEvents = Native.malloc((long) MAX_EVENTS * EVENT_SIZE);
        this.inlineView = new Pointer(inlineEvents).getByteBuffer(0, (long) MAX_EVENTS * EVENT_SIZE).order(ByteOrder.nativeOrder());
        Drainer primary = drainers[0];
        if (mode.equals("platform")) {
            this.master = null;
            Thread t = new Thread(primary::platformLoop, "weft-epoll");
            t.setDaemon(true);
            t.start();
            return;
        }
        for (int i = 1; i < drainers.length; i++) {
            int r = ctl(primary.epfd, EPOLL_CTL_ADD, drainers[i].epfd, EPOLLIN | EPOLLET, NESTED | i);
            if (r != 0) {
                throw provider.errorFor(r, "epoll_ctl(ADD)");
            }
            Drainer h = drainers[i];
            h.thread = Thread.ofVirtual().name("weft-epoll-helper-" + i).start(h::helperLoop);
        }
        Thread primaryThread = Thread.ofVirtual().name("weft-epoll-primary").unstarted(primary::primaryLoop);
        // The master's wake-up: from now on the primary is owed a turn (see starved).
        this.master = new Master(provider, primary.epfd, () -> {
            if (lastPoll == 0) {
                lastPoll = System.nanoTime();
            }
            LockSupport.unpark(primaryThread);
        });
        primary.thread = primaryThread;
        primaryThread.start();
    }

    /** User data of an instance nested in the primary's: a registration number no socket gets. */
    private static final long NESTED = 0xFFFFFFFFL << 32;

    /**
     * One drainer per carrier (at most 32): under load each carrier then has woken threads of
     * its own to run instead of stealing them all from the one carrier a single drainer runs
     * on. More drainers than carriers only queue behind each other.
     */
    private static int defaultCount() {
        return Math.max(1, Math.min(Poller.carriers(), 32));
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
        int r = ctl(EPOLL_CTL_ADD, reg, IN_EVENTS);
        if (r != 0) {
            clear(reg);
            throw provider.errorFor(r, "epoll_ctl(ADD)");
        }
        return reg;
    }

    /**
     * A writer is about to park: ask for write readiness. {@code EPOLL_CTL_MOD} re-evaluates
     * the descriptor, so if it is writable already an event is queued at once; the waiter
     * published itself before this call, so it sees that event.
     */
    @Override
    public void arm(Object key, int events) throws IOException {
        Registration reg = (Registration) key;
        if ((events & WRITE) == 0 || reg.out) {
            return;
        }
        setOut(reg, true);
    }

    /**
     * Edge-triggered epoll queues an event on every arrival ({@code sk_data_ready}), read or
     * not, and each report carries the socket's state when it is collected (RDHUP, ERR, PRI).
     */
    @Override
    public boolean reportsEveryArrival() {
        return true;
    }

    /**
     * The primary drainer has not polled for over {@link #BUSY_NANOS}: it waits behind
     * threads that keep its carrier's queue full (see {@link Poller#starved}). Always false
     * for the platform design, whose thread the kernel schedules.
     */
    @Override
    public boolean starved() {
        long last = lastPoll;
        return last != 0 && System.nanoTime() - last > BUSY_NANOS;
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
                int r = ctl(EPOLL_CTL_MOD, reg, on ? IN_EVENTS | EPOLLOUT : IN_EVENTS);
                if (r != 0) {
                    throw provider.errorFor(r, "epoll_ctl(MOD)");
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
        // registration alive otherwise. ENOENT/EBADF here mean it is gone already.
        ctl(EPOLL_CTL_DEL, reg, 0);
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

    /** epoll_ctl; 0 or the errno. */
    private int ctl(int op, Registration reg, int events) {
        return ctl(drainers[reg.fd % drainers.length].epfd, op, reg.fd, events, ((long) reg.id << 32) | (reg.fd & 0xFFFFFFFFL));
    }

    /**
     * epoll_ctl with a {@code struct epoll_event} built in a small scratch area (an arm or
     * disarm happens on the way to parking: no full-size area for 12 bytes); 0 or the errno.
     */
    private static int ctl(int epfd, int op, int fd, int events, long data) {
        Scratch s = Scratch.take(EVENT_SIZE);
        try {
            ByteBuffer v = s.view();
            v.putInt(s.dataOffset(), events);
            v.putLong(s.dataOffset() + DATA_OFFSET, data);
            return LinuxLibc.epoll_ctl(epfd, op, fd, s.data()) == 0 ? 0 : PosixLibc.errno();
        } finally {
            s.give();
        }
    }

    /** An epoll instance and the thread that drains it, with its own event array. */
    private final class Drainer {
        final int index;
        final int epfd;
        final long events;
        final ByteBuffer eventView;
        volatile Thread thread;
        /** When the current run of polls that found events began; 0 outside one. */
        private long busySince;

        Drainer(int index) throws IOException {
            this.index = index;
            this.epfd = LinuxLibc.epoll_create1(EPOLL_CLOEXEC);
            if (epfd < 0) {
                throw provider.errorFor(PosixLibc.errno(), "epoll_create1");
            }
            this.events = Native.malloc((long) MAX_EVENTS * EVENT_SIZE);
            this.eventView = new Pointer(events).getByteBuffer(0, (long) MAX_EVENTS * EVENT_SIZE).order(ByteOrder.nativeOrder());
        }

        /**
         * A poll at {@code now} found events: whether to yield and poll again, or, busy for
         * {@link #BUSY_NANOS} already, to park once so that this carrier's queue can empty.
         */
        private boolean mayYield(long now) {
            if (busySince == 0) {
                busySince = now;
            }
            if (now - busySince < BUSY_NANOS) {
                return true;
            }
            busySince = 0;
            return false;
        }

        /** The simple design: block in epoll_wait and unpark waiters from this platform thread. */
        private void platformLoop() {
            while (poll(epfd, events, eventView, -1) >= 0) {
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
            for (;;) {
                long now = System.nanoTime();
                lastPoll = now;
                int n = poll(epfd, events, eventView, 0);
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
                    // Busy for a while: go round through the master instead of yielding.
                    master.watch();
                    LockSupport.park(this);
                    continue;
                }
                busySince = 0;
                if (SPIN_NANOS > 0) {
                    if (idleSince == 0 && skipSpins > 0) {
                        skipSpins--;
                    } else {
                        if (idleSince == 0) {
                            idleSince = now;
                        }
                        if (now - idleSince < SPIN_NANOS) {
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
                // make the master see this epoll instance readable at once, and its unpark
                // before our park leaves a permit, so none is missed.
                lastPoll = 0; // idle, not starved: see the master's wake-up
                long hit = selfPollHit;
                if (hit != 0 && now - hit < QUIET_NANOS) {
                    // Quiet mode: threads about to park keep finding events (beforePark), so
                    // leave the master unarmed (each event would wake it, in the sender's
                    // system call) and look again later; the first of them to find nothing
                    // arms it.
                    LockSupport.parkNanos(this, QUIET_NANOS);
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
            for (;;) {
                if (more) {
                    LockSupport.parkNanos(this, 1000);
                } else {
                    LockSupport.park(this);
                }
                more = false;
                for (;;) {
                    int n = poll(epfd, events, eventView, 0);
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
     * Drains up to {@link #MAX_EVENTS} events of instance {@code epfd} into {@code events} and
     * tells each listener; returns how many there were, or -1 if epoll failed for good (it
     * cannot with a valid descriptor).
     */
    private int poll(int epfd, long events, ByteBuffer ev, int timeoutMillis) {
        return poll(epfd, events, ev, 0, MAX_EVENTS, timeoutMillis, false);
    }

    /**
     * As above, for up to {@code max} events at {@code events}, which is {@code ev}'s offset
     * {@code off}; {@code borrowed}: the caller is not the primary drainer (a thread about
     * to park), so a nested instance is drained through memory of its own.
     */
    private int poll(int epfd, long events, ByteBuffer ev, int off, int max, int timeoutMillis, boolean borrowed) {
        int n;
        do {
            n = LinuxLibc.epoll_wait(epfd, events, max, timeoutMillis);
        } while (n < 0 && PosixLibc.errno() == eintr);
        if (n < 0) {
            int e = PosixLibc.errno();
            System.err.println("weft: epoll_wait failed: " + Errors.of(provider.errno(e), e, provider.strerror(e), null));
            return -1;
        }
        for (int i = 0; i < n; i++) {
            int base = off + i * EVENT_SIZE;
            int bits = ev.getInt(base);
            long data = ev.getLong(base + DATA_OFFSET);
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
            int ready = 0;
            if ((bits & (EPOLLIN | EPOLLRDHUP | EPOLLPRI)) != 0) {
                ready |= READ;
            }
            if ((bits & EPOLLOUT) != 0) {
                ready |= WRITE;
            }
            if ((bits & (EPOLLERR | EPOLLHUP)) != 0) {
                ready |= READ | WRITE;
            }
            if ((bits & (EPOLLRDHUP | EPOLLHUP | EPOLLERR | EPOLLPRI)) != 0) {
                ready |= STATE_CHANGE;
            }
            try {
                reg.listener.ready(ready);
            } catch (RuntimeException | StackOverflowError e) {
                // A listener only unparks threads; one failure must not stop the poller.
            }
        }
        return n;
    }

    /**
     * The primary (or a thread about to park) found that instance {@code index} got events.
     * With few events about, drain it here: sockets trading
     * messages then stay on this one carrier, as with a single instance. Busy, wake its
     * helper, whose turn comes on whichever carrier is free.
     */
    private void nestedReady(int index, int primaryEvents, boolean borrowed) {
        if (index <= 0 || index >= drainers.length) {
            return;
        }
        if (primaryEvents < HELP_EVENTS) {
            int n;
            if (borrowed) {
                Scratch s = Scratch.take(SELF_EVENTS * EVENT_SIZE);
                try {
                    n = poll(drainers[index].epfd, s.data(), s.view(), s.dataOffset(), SELF_EVENTS, 0, true);
                } finally {
                    s.give();
                }
            } else {
                n = poll(drainers[index].epfd, inlineEvents, inlineView, 0);
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
        if (!SELF_POLL || lastPoll != 0 || master == null || !Thread.currentThread().isVirtual()) {
            return; // a platform thread would only hand the threads it wakes to another carrier
        }
        Scratch s = Scratch.take(SELF_EVENTS * EVENT_SIZE);
        int n;
        try {
            n = poll(drainers[0].epfd, s.data(), s.view(), s.dataOffset(), SELF_EVENTS, 0, true);
        } finally {
            s.give();
        }
        if (n > 0) {
            long now = System.nanoTime();
            if (now - selfPollHit > QUIET_NANOS / 16) {
                selfPollHit = now; // written at most every few dozen µs: both carriers read it
            }
        } else if (n == 0 && !master.armed) {
            master.watch(); // nobody may poll after this thread: let the master watch again
        }
    }

    /**
     * A platform thread blocked in epoll_wait on an epoll instance that holds the primary
     * drainer's epoll descriptor, one-shot: when it becomes readable it wakes the primary.
     */
    private static final class Master {
        private final int masterFd;
        private final int watched;
        private final LinuxProvider provider;
        private final Runnable wake;
        /** Whether the watch is armed: set by {@link #watch}, cleared when it fires. */
        volatile boolean armed;

        Master(LinuxProvider provider, int watched, Runnable wake) throws IOException {
            this.provider = provider;
            this.watched = watched;
            this.wake = wake;
            this.masterFd = LinuxLibc.epoll_create1(EPOLL_CLOEXEC);
            if (masterFd < 0) {
                throw provider.errorFor(PosixLibc.errno(), "epoll_create1");
            }
            // Added disarmed (one-shot, no events): watch() arms it.
            int e = ctl(masterFd, EPOLL_CTL_ADD, watched, EPOLLONESHOT, watched);
            if (e != 0) {
                throw provider.errorFor(e, "epoll_ctl(ADD)");
            }
            Thread t = new Thread(this::loop, "weft-epoll-master");
            t.setDaemon(true);
            t.start();
        }

        /**
         * Run the wake-up (which unparks the primary) once the primary's instance has events.
         * Any thread may call it; arming twice is harmless.
         */
        void watch() {
            armed = true;
            int e = ctl(masterFd, EPOLL_CTL_MOD, watched, EPOLLIN | EPOLLONESHOT, watched);
            if (e != 0) {
                throw new IllegalStateException("weft: epoll_ctl on the master poller failed: " + provider.strerror(e));
            }
        }

        private void loop() {
            long mem = Native.malloc(EVENT_SIZE);
            for (;;) {
                int n = LinuxLibc.epoll_wait(masterFd, mem, 1, -1);
                if (n > 0) {
                    armed = false;
                    wake.run(); // the one descriptor it watches has events
                }
            }
        }
    }
}
