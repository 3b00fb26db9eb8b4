package dev.weft.windows;

import static dev.weft.windows.WinsockConstants.OFF_WSAPOLLFD_EVENTS;
import static dev.weft.windows.WinsockConstants.OFF_WSAPOLLFD_FD;
import static dev.weft.windows.WinsockConstants.OFF_WSAPOLLFD_REVENTS;
import static dev.weft.windows.WinsockConstants.POLLERR;
import static dev.weft.windows.WinsockConstants.POLLHUP;
import static dev.weft.windows.WinsockConstants.POLLNVAL;
import static dev.weft.windows.WinsockConstants.POLLRDBAND;
import static dev.weft.windows.WinsockConstants.POLLRDNORM;
import static dev.weft.windows.WinsockConstants.POLLWRNORM;
import static dev.weft.windows.WinsockConstants.SIZEOF_WSAPOLLFD;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.weft.SockAddr;
import dev.weft.common.poll.PollMechanism;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * {@code WSAPoll}, as {@link dev.weft.common.poll.PollScheduler}'s mechanism on Windows.
 *
 * <p><b>Why WSAPoll, not AFD polling through a completion port.</b> The JDK's
 * {@code WEPoll}/libuv/wepoll drive the AFD driver's {@code IOCTL_AFD_POLL} through an I/O
 * completion port: scalable (a report costs nothing per idle socket) and free of WSAPoll's
 * defects, but it is an undocumented ntdll interface ({@code NtDeviceIoControlFile} on
 * {@code \Device\Afd}, the base handle from {@code SIO_BASE_HANDLE}, one poll request
 * re-issued per report) that neither Wine 8 emulates faithfully nor this machine can run,
 * so nothing of it could be checked here. WSAPoll is documented, Wine runs it (the C twin,
 * {@code tools/winsock-twin.c}, proves the sequence below under Wine), and its cost, one
 * array of every watched socket per wait, is the price of a first, checkable provider.
 * AFD is the way to scale this mechanism later; the scheduler does not change for it.
 *
 * <p><b>Edge reports over a level-triggered call.</b> WSAPoll reports whatever is ready
 * now. The scheduler needs each readiness reported once: a socket with unread data that no
 * thread waits for would otherwise wake the drainers at every wait. So each socket keeps an
 * <em>armed</em> mask: a wait watches only armed directions, and a report disarms the
 * directions it reports (a compare-and-set: of two concurrent waits, one reports). A
 * direction is armed again by {@link #add}/{@link #modify}, and by {@link #rearm}, which
 * {@link WsaPoller#arm} calls before every park: the core's count-then-park protocol
 * re-tries the call after that, so nothing ready in between is lost.
 *
 * <p><b>Waking a blocked WSAPoll.</b> WSAPoll has no way to be woken from another thread
 * (no signal, no {@code eventfd}; an APC does not end it). Its array is made when the wait
 * begins, so a change made meanwhile ({@code add}, a re-arm, a connect in flight) must end
 * the wait: the blocking waiter's array also holds a wake-up socket, a UDP socket on
 * 127.0.0.1 connected to itself, and a change sends it one byte when (and only when) a
 * blocking wait is under way. A loopback UDP send is one non-blocking system call that
 * never parks, which {@link PollMechanism} asks of {@code add} and {@code modify}; a short
 * timeout instead would add its length to every wake-up after an idle period. Only blocking
 * waits watch (and drain) the wake-up socket: a non-blocking poll that drained it could
 * take the byte meant for the blocked waiter before that one's WSAPoll began.
 *
 * <p><b>The failed-connect defect.</b> Before Windows 10 2004, WSAPoll does not report a
 * non-blocking connect that fails (Microsoft's WSAPoll page notes the fix in that version;
 * the defect is why curl and libuv stayed away from WSAPoll): no {@code POLLERR}, no
 * {@code POLLHUP}, the wait just runs on. While a connect
 * is in flight ({@link #connecting}) a wait is therefore bounded by
 * {@value #CONNECT_RECHECK_MILLIS} ms, and after each wait the socket's {@code SO_ERROR} is
 * read: an error there is reported as a hang-up, which ends the connect's wait, and the
 * provider's next {@code connect} call reads the same {@code SO_ERROR} and reports it.
 * Where WSAPoll does report it (Windows 10 2004+, Wine), the report comes first.
 */
final class WsaPollMechanism implements PollMechanism {
    /** How long a wait may run while a connect is in flight: the most a failed connect's report waits on old Windows. */
    static final int CONNECT_RECHECK_MILLIS = 100;
    /** An event in the scheduler's array: the 64-bit user data, then the ready mask. */
    static final int EVENT_SIZE = 16;

    /** The native calls beneath the mechanism (Winsock on Windows, a fake in the tests). */
    interface Calls {
        /** {@code WSAPoll(fds, n, timeout)}: the count, or the negated error. */
        int poll(long fds, int n, int timeoutMillis);

        /** {@code getsockopt(SO_ERROR)}: the socket's pending error, 0 if none. */
        int soError(long fd);

        /** A socket that becomes readable when {@link #wake} is called. */
        long openWake() throws IOException;

        /** Makes the wake-up socket readable; never blocks. */
        void wake(long wakeFd);

        /** Reads the wake-up socket empty. */
        void drain(long wakeFd);

        void close(long wakeFd);
    }

    /** One watched socket. */
    static final class Entry {
        final long fd;
        volatile long data;
        volatile int interest;
        /** The directions (READ, WRITE) that may be reported. */
        final AtomicInteger armed = new AtomicInteger();
        volatile boolean connecting;
        /** What the SO_ERROR re-check found, kept for the provider's connect (reading SO_ERROR may clear it). */
        volatile int connectError;

        Entry(long fd) {
            this.fd = fd;
        }
    }

    private static final int DIRECTIONS = Poller.READ | Poller.WRITE;
    private static final int HANG_UP = Poller.READ | Poller.WRITE | Poller.STATE_CHANGE;

    private final Calls calls;
    private final BiFunction<Integer, String, IOException> errors;
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Waits with a timeout other than 0 under way now. */
    private final AtomicInteger blocked = new AtomicInteger();
    /** A wake-up byte is on its way and not yet drained: one is enough. */
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile long wakeFd = -1;

    WsaPollMechanism(Calls calls, BiFunction<Integer, String, IOException> errors) {
        this.calls = calls;
        this.errors = errors;
    }

    @Override
    public String name() {
        return "wsapoll";
    }

    @Override
    public int eventSize() {
        return EVENT_SIZE;
    }

    /** The one instance (see {@link #canNest}): its handle is the wake-up socket's. */
    @Override
    public long open() throws IOException {
        if (wakeFd >= 0) {
            throw new IllegalStateException("WSAPoll cannot nest: one instance only");
        }
        wakeFd = calls.openWake();
        return wakeFd;
    }

    @Override
    public void close(long instance) {
        calls.close(instance);
        wakeFd = -1;
    }

    @Override
    public int add(long instance, long fd, long data, int interest) {
        Entry e = new Entry(fd);
        e.data = data;
        e.interest = interest;
        e.armed.set(interest & DIRECTIONS);
        entries.put(fd, e);
        changed();
        return 0;
    }

    /** As epoll's {@code EPOLL_CTL_MOD}: what is asked for is armed afresh, so a socket ready now is reported. */
    @Override
    public int modify(long instance, long fd, long data, int interest) {
        Entry e = entries.get(fd);
        if (e == null) {
            return add(instance, fd, data, interest);
        }
        e.data = data;
        e.interest = interest;
        e.armed.set(interest & DIRECTIONS);
        changed();
        return 0;
    }

    @Override
    public int delete(long instance, long fd) {
        if (entries.remove(fd) != null) {
            changed(); // the blocked wait must let go of the socket before it is closed
        }
        return 0;
    }

    /** A thread is about to park waiting for {@code events} on {@code fd}: report it again (see the class comment). */
    void rearm(long fd, int events) {
        Entry e = entries.get(fd);
        if (e == null) {
            return;
        }
        int want = events & e.interest & DIRECTIONS;
        int old = e.armed.getAndUpdate(a -> a | want);
        if ((old | want) != old) {
            changed();
        }
    }

    /** A connect on {@code fd} is (no longer) in flight: bound the waits and read SO_ERROR after each (the class comment). */
    void connecting(long fd, boolean inFlight) {
        Entry e = entries.get(fd);
        if (e != null && e.connecting != inFlight) {
            e.connecting = inFlight;
            if (inFlight) {
                changed();
            }
        }
    }

    /** The error the SO_ERROR re-check found for {@code fd}'s connect, once; 0 if none. */
    int takeConnectError(long fd) {
        Entry e = entries.get(fd);
        if (e == null || e.connectError == 0) {
            return 0;
        }
        int err = e.connectError;
        e.connectError = 0;
        return err;
    }

    /** Ends a blocking wait under way so that it polls again with the change; the change is published before this reads {@link #blocked}. */
    private void changed() {
        long w = wakeFd;
        if (blocked.get() > 0 && w >= 0 && wakePending.compareAndSet(false, true)) {
            calls.wake(w); // twin: changed()
        }
    }

    /**
     * twin: wait_ready(). One WSAPoll over the armed sockets (and, when it may block, the
     * wake-up socket first), then the reports claimed and written for the scheduler.
     */
    @Override
    public int wait(long instance, long address, ByteBuffer view, int offset, int max, int timeoutMillis) {
        boolean blocking = timeoutMillis != 0;
        if (blocking) {
            blocked.incrementAndGet(); // before the array is made: a change from now on wakes this wait
        }
        try {
            List<Entry> watched = new ArrayList<>();
            boolean connectInFlight = false;
            for (Entry e : entries.values()) {
                if ((e.armed.get() & e.interest & DIRECTIONS) != 0) {
                    watched.add(e);
                    connectInFlight |= e.connecting && (e.armed.get() & Poller.WRITE) != 0;
                }
            }
            int first = blocking ? 1 : 0;
            int n = first + watched.size();
            if (n == 0) {
                return 0; // WSAPoll refuses an empty array (WSAEINVAL); nothing is armed to report
            }
            int timeout = timeoutMillis;
            if (connectInFlight) {
                timeout = timeout < 0 ? CONNECT_RECHECK_MILLIS : Math.min(timeout, CONNECT_RECHECK_MILLIS);
            }
            long fds = Native.malloc((long) n * SIZEOF_WSAPOLLFD);
            if (fds == 0) {
                throw new OutOfMemoryError("weft: malloc for WSAPoll's array failed");
            }
            try {
                ByteBuffer a = new Pointer(fds).getByteBuffer(0, (long) n * SIZEOF_WSAPOLLFD).order(ByteOrder.nativeOrder());
                if (blocking) {
                    put(a, 0, instance, POLLRDNORM);
                }
                for (int i = 0; i < watched.size(); i++) {
                    int armed = watched.get(i).armed.get() & watched.get(i).interest;
                    put(a, first + i, watched.get(i).fd,
                            ((armed & Poller.READ) != 0 ? POLLRDNORM : 0) | ((armed & Poller.WRITE) != 0 ? POLLWRNORM : 0));
                }
                int r = calls.poll(fds, n, timeout);
                if (r < 0) {
                    return r;
                }
                if (blocking && revents(a, 0) != 0) {
                    wakePending.set(false); // before draining: a change after this sends another byte
                    calls.drain(instance);
                }
                int out = 0;
                for (int i = 0; i < watched.size() && out < max; i++) {
                    Entry e = watched.get(i);
                    int mask = ready(revents(a, first + i));
                    if (mask == 0 && e.connecting && (e.armed.get() & Poller.WRITE) != 0) {
                        int err = calls.soError(e.fd); // twin: the SO_ERROR re-check of a connect WSAPoll did not report
                        if (err != 0) {
                            e.connectError = err;
                            mask = HANG_UP;
                        }
                    }
                    if (mask == 0 || claim(e, mask) == 0) {
                        continue;
                    }
                    int at = offset + out * EVENT_SIZE;
                    view.putLong(at, e.data);
                    view.putInt(at + 8, mask);
                    out++;
                }
                return out;
            } finally {
                Native.free(fds);
            }
        } finally {
            if (blocking) {
                blocked.decrementAndGet();
            }
        }
    }

    private static void put(ByteBuffer a, int i, long fd, int events) {
        int at = i * SIZEOF_WSAPOLLFD;
        a.putLong(at + OFF_WSAPOLLFD_FD, fd);
        a.putShort(at + OFF_WSAPOLLFD_EVENTS, (short) events);
        a.putShort(at + OFF_WSAPOLLFD_REVENTS, (short) 0);
    }

    private static int revents(ByteBuffer a, int i) {
        return a.getShort(i * SIZEOF_WSAPOLLFD + OFF_WSAPOLLFD_REVENTS) & 0xFFFF;
    }

    /** Disarms the directions of {@code mask} still armed; returns them (0: another wait reported them). */
    private static int claim(Entry e, int mask) {
        int bits = mask & DIRECTIONS;
        for (;;) {
            int a = e.armed.get();
            int got = a & bits;
            if (got == 0 || e.armed.compareAndSet(a, a & ~got)) {
                return got;
            }
        }
    }

    /**
     * WSAPoll's {@code revents} as the scheduler's mask: {@code POLLHUP} (the connection is
     * gone), {@code POLLERR} and {@code POLLNVAL} are a hang-up, all three bits; data or a
     * pending accept is {@code READ}, send room or a finished connect {@code WRITE}.
     */
    static int ready(int revents) {
        if ((revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
            return HANG_UP;
        }
        return ((revents & (POLLRDNORM | POLLRDBAND)) != 0 ? Poller.READ : 0) | ((revents & POLLWRNORM) != 0 ? Poller.WRITE : 0);
    }

    @Override
    public long data(ByteBuffer view, int offset) {
        return view.getLong(offset);
    }

    @Override
    public int ready(ByteBuffer view, int offset) {
        return view.getInt(offset + 8);
    }

    /** A WSAPoll array cannot be watched by another: the scheduler runs one instance, its master waiting on it. */
    @Override
    public boolean canNest() {
        return false;
    }

    /** Reports come only for armed directions, so not every arrival is reported: the core must not skip reads. */
    @Override
    public boolean reportsEveryArrival() {
        return false;
    }

    @Override
    public IOException error(int errno, Op op, String detail) {
        String call = switch (op) {
            case OPEN -> "WSAPoll's wake-up socket";
            case ADD, MODIFY, DELETE -> "WSAPoll registration";
            case WAIT -> "WSAPoll";
        };
        return errors.apply(errno, detail == null ? call : call + ": " + detail);
    }

    /** Winsock beneath the mechanism, through the provider's own calls. */
    static final class Winsock implements Calls {
        private final WindowsProvider provider;

        Winsock(WindowsProvider provider) {
            this.provider = provider;
        }

        @Override
        public int poll(long fds, int n, int timeoutMillis) {
            int r = Ws2.WSAPoll(fds, n, timeoutMillis);
            return r >= 0 ? r : -Ws2.lastError();
        }

        @Override
        public int soError(long fd) {
            byte[] v = new byte[4];
            int r = provider.getSockOpt(fd, provider.constants().get("SOL_SOCKET"), provider.constants().get("SO_ERROR"), v);
            return r < 0 ? -r : ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt();
        }

        /** twin: open_wake(): a UDP socket bound to 127.0.0.1:0 and connected to its own address. */
        @Override
        public long openWake() throws IOException {
            long s = provider.socket(provider.constants().get("AF_INET"), provider.constants().get("SOCK_DGRAM"), 0);
            if (s < 0) {
                throw provider.error((int) -s, "socket for WSAPoll's wake-up");
            }
            try {
                SockAddr loopback = SockAddr.inet("127.0.0.1", 0);
                int r = provider.bind(s, loopback);
                if (r < 0) {
                    throw provider.error(-r, "bind WSAPoll's wake-up socket");
                }
                r = provider.connect(s, provider.getSockName(s));
                if (r < 0) {
                    throw provider.error(-r, "connect WSAPoll's wake-up socket to itself");
                }
                return s;
            } catch (IOException | RuntimeException e) {
                provider.close(s);
                throw e;
            }
        }

        @Override
        public void wake(long wakeFd) {
            // A full buffer (WSAEWOULDBLOCK) means bytes are waiting already: the wait ends all the same.
            provider.send(wakeFd, provider.constants().get("AF_INET"), provider.constants().get("SOCK_DGRAM"),
                    ByteBuffer.allocateDirect(1), 0, null);
        }

        @Override
        public void drain(long wakeFd) {
            ByteBuffer b = ByteBuffer.allocateDirect(16);
            int af = provider.constants().get("AF_INET");
            int dgram = provider.constants().get("SOCK_DGRAM");
            while (provider.recv(wakeFd, af, dgram, b.clear(), 0, null) > 0) {
                // empty it: one byte per change, any number of them
            }
        }

        @Override
        public void close(long wakeFd) {
            provider.close(wakeFd);
        }
    }
}
