package dev.weft.common.poll;

import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A second mechanism for {@link PollScheduler}, all in memory, following
 * {@link PollMechanism}'s contract the way epoll does: one ready entry per registration
 * whose bits accumulate until a wait collects them (edge-triggered: a descriptor is reported
 * again only after a new {@link #fire}), the current state reported on add and modify,
 * one-shot registrations disarmed by their report, and an instance nested in another
 * reported there with each new event. Descriptors and instances share one namespace of
 * handles. {@link #failWaits} makes waits from then on fail.
 *
 * <p>Its state is guarded by a spin lock, never a lock that parks: a wait that does not
 * block and a modify run on a thread's way to its park ({@link Poller#beforePark}), and
 * a park inside them would take the unpark meant for that one. A blocking wait parks
 * outside the lock, and each new report unparks it.
 */
final class FakeMechanism implements PollMechanism {
    static final int EVENT_SIZE = 12;

    private final boolean nest;
    private final SpinLock lock = new SpinLock();
    /** Threads blocked in a wait, unparked by every report. */
    private final Set<Thread> blocked = ConcurrentHashMap.newKeySet();
    private final Map<Long, Instance> instances = new HashMap<>();
    /** Each fake descriptor's current readiness ({@link Poller#READ}, {@link Poller#WRITE}). */
    private final Map<Long, Integer> level = new HashMap<>();
    private long nextHandle = 1000;
    private int failErrno;
    private boolean failBlocking;
    /** The interest of each {@link #add} and {@link #modify}, per descriptor. */
    private final Map<Long, List<Integer>> interests = new HashMap<>();

    private static final class SpinLock {
        private final AtomicBoolean held = new AtomicBoolean();

        void lock() {
            while (!held.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
        }

        void unlock() {
            held.set(false);
        }
    }

    private static final class Registration {
        final long data;
        int interest;
        boolean armed = true;

        Registration(long data, int interest) {
            this.data = data;
            this.interest = interest;
        }
    }

    private final class Instance {
        final long handle;
        final Map<Long, Registration> regs = new HashMap<>();
        /** Registered descriptor to the bits waiting to be collected. */
        final LinkedHashMap<Long, Integer> ready = new LinkedHashMap<>();

        Instance(long handle) {
            this.handle = handle;
        }
    }

    FakeMechanism(boolean nest) {
        this.nest = nest;
    }

    /** A new fake descriptor, ready for nothing. */
    long descriptor() {
        lock.lock();
        try {
            long fd = nextHandle++;
            level.put(fd, 0);
            return fd;
        } finally {
            lock.unlock();
        }
    }

    /** {@code fd} becomes ready for {@code ready}: a new edge for whoever holds it. */
    void fire(long fd, int ready) {
        lock.lock();
        try {
            level.merge(fd, ready & (Poller.READ | Poller.WRITE), (a, b) -> a | b);
            for (Instance i : new ArrayList<>(instances.values())) {
                report(i, fd, ready);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * From now on every wait that does not block fails with {@code errno}, and with
     * {@code blockingToo} also every wait that blocks, including those blocked now.
     */
    void failWaits(int errno, boolean blockingToo) {
        lock.lock();
        try {
            failErrno = errno;
            failBlocking = blockingToo;
            wakeBlocked();
        } finally {
            lock.unlock();
        }
    }

    private void report(Instance in, long fd, int ready) {
        Registration r = in.regs.get(fd);
        if (r == null || (r.interest & ready & (Poller.READ | Poller.WRITE)) == 0 && (ready & Poller.STATE_CHANGE) == 0) {
            return;
        }
        if ((r.interest & ONE_SHOT) != 0) {
            if (!r.armed) {
                return;
            }
            r.armed = false;
        }
        in.ready.merge(fd, ready, (a, b) -> a | b);
        wakeBlocked();
        // An instance with a new event is a readable descriptor to whoever holds it.
        for (Instance outer : new ArrayList<>(instances.values())) {
            if (outer != in) {
                report(outer, in.handle, Poller.READ);
            }
        }
    }

    private void wakeBlocked() {
        for (Thread t : blocked) {
            LockSupport.unpark(t);
        }
    }

    /** What {@link #add} and {@link #modify} asked for {@code fd}, in order. */
    List<Integer> interests(long fd) {
        lock.lock();
        try {
            return List.copyOf(interests.getOrDefault(fd, List.of()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public int eventSize() {
        return EVENT_SIZE;
    }

    /** How many more instances {@link #open} gives before it fails; unlimited if negative. */
    volatile int opensLeft = -1;

    /** The instances open now. */
    int openInstances() {
        lock.lock();
        try {
            return instances.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long open() throws IOException {
        if (opensLeft == 0) {
            throw error(24, Op.OPEN, null);
        }
        opensLeft--;
        lock.lock();
        try {
            long h = nextHandle++;
            instances.put(h, new Instance(h));
            return h;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(long instance) {
        lock.lock();
        try {
            if (instances.remove(instance) == null) {
                throw new AssertionError("closed " + instance + ", which is no instance: a descriptor of someone else");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int add(long instance, long fd, long data, int interest) {
        lock.lock();
        try {
            Instance in = instances.get(instance);
            if (in == null || in.regs.containsKey(fd) || !level.containsKey(fd) && !(nest && instances.containsKey(fd))) {
                return 9;
            }
            interests.computeIfAbsent(fd, k -> new ArrayList<>()).add(interest);
            in.regs.put(fd, new Registration(data, interest));
            reportLevel(in, fd);
            return 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int modify(long instance, long fd, long data, int interest) {
        lock.lock();
        try {
            Instance in = instances.get(instance);
            Registration r = in == null ? null : in.regs.get(fd);
            if (r == null) {
                return 2;
            }
            interests.computeIfAbsent(fd, k -> new ArrayList<>()).add(interest);
            r.interest = interest;
            r.armed = true;
            reportLevel(in, fd);
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** As epoll does on add and modify: report what the descriptor is ready for now. */
    private void reportLevel(Instance in, long fd) {
        Instance inner = instances.get(fd);
        int now = inner != null ? (inner.ready.isEmpty() ? 0 : Poller.READ) : level.getOrDefault(fd, 0);
        if (now != 0) {
            report(in, fd, now);
        }
    }

    @Override
    public int delete(long instance, long fd) {
        lock.lock();
        try {
            Instance in = instances.get(instance);
            if (in == null || in.regs.remove(fd) == null) {
                return 2;
            }
            in.ready.remove(fd);
            return 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int wait(long instance, long address, ByteBuffer view, int offset, int max, int timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        Thread me = Thread.currentThread();
        for (;;) {
            lock.lock();
            try {
                Instance in = instances.get(instance);
                if (in == null) {
                    return -9;
                }
                if (failErrno != 0 && (timeoutMillis == 0 || failBlocking)) {
                    return -failErrno;
                }
                long left = deadline - System.nanoTime();
                if (!in.ready.isEmpty() || timeoutMillis == 0 || timeoutMillis > 0 && left <= 0) {
                    blocked.remove(me);
                    return collect(in, view, offset, max);
                }
                blocked.add(me); // before the lock is let go: a report from now on unparks this thread
            } finally {
                lock.unlock();
            }
            if (timeoutMillis < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, deadline - System.nanoTime());
            }
        }
    }

    private int collect(Instance in, ByteBuffer view, int offset, int max) {
        int n = 0;
        for (Iterator<Map.Entry<Long, Integer>> it = in.ready.entrySet().iterator(); it.hasNext() && n < max; n++) {
            Map.Entry<Long, Integer> e = it.next();
            it.remove();
            int base = offset + n * EVENT_SIZE;
            view.putInt(base, e.getValue());
            view.putLong(base + 4, in.regs.get(e.getKey()).data);
        }
        return n;
    }

    @Override
    public long data(ByteBuffer view, int offset) {
        return view.getLong(offset + 4);
    }

    @Override
    public int ready(ByteBuffer view, int offset) {
        return view.getInt(offset);
    }

    @Override
    public boolean canNest() {
        return nest;
    }

    @Override
    public boolean reportsEveryArrival() {
        return true;
    }

    @Override
    public IOException error(int errno, Op op, String detail) {
        return new IOException("fake " + op + ": errno " + errno + (detail == null ? "" : ": " + detail));
    }
}
