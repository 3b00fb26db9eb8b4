package dev.weft.linux;

import dev.weft.common.Scratch;
import dev.weft.common.poll.PollMechanism;
import dev.weft.common.poll.PollScheduler;
import dev.weft.Errno;
import dev.weft.posix.PosixLibc;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * epoll, as {@link PollScheduler}'s mechanism: every registration edge-triggered
 * ({@code EPOLLET}), and epoll instances nest, so the scheduler runs one per carrier. An
 * event's user data is the scheduler's 64 bits, as they are.
 */
final class EpollMechanism implements PollMechanism {
    private static final int EPOLLIN = 0x001;
    private static final int EPOLLPRI = 0x002;
    private static final int EPOLLOUT = 0x004;
    private static final int EPOLLERR = 0x008;
    private static final int EPOLLHUP = 0x010;
    private static final int EPOLLRDHUP = 0x2000;
    private static final int EPOLLET = 1 << 31;
    private static final int EPOLLONESHOT = 1 << 30;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;
    private static final int EPOLL_CLOEXEC = 0x80000;
    /** x86-64 packs {@code struct epoll_event} (12 bytes); other 64-bit ABIs align it to 16. */
    private static final boolean PACKED = System.getProperty("os.arch", "").matches("amd64|x86_64|x86|i[3-6]86");
    private static final int EVENT_SIZE = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final LinuxProvider provider;
    private final int eintr;

    EpollMechanism(LinuxProvider provider) {
        this.provider = provider;
        this.eintr = provider.nativeErrno(Errno.EINTR);
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public int eventSize() {
        return EVENT_SIZE;
    }

    @Override
    public long open() throws IOException {
        int epfd = LinuxLibc.epoll_create1(EPOLL_CLOEXEC);
        if (epfd < 0) {
            throw error(PosixLibc.errno(), Op.OPEN, null);
        }
        return epfd;
    }

    @Override
    public void close(long instance) {
        PosixLibc.close((int) instance);
    }

    @Override
    public int add(long instance, long fd, long data, int interest) {
        return ctl(instance, EPOLL_CTL_ADD, fd, events(interest), data);
    }

    @Override
    public int modify(long instance, long fd, long data, int interest) {
        return ctl(instance, EPOLL_CTL_MOD, fd, events(interest), data);
    }

    @Override
    public int delete(long instance, long fd) {
        return ctl(instance, EPOLL_CTL_DEL, fd, 0, 0);
    }

    /** Read readiness includes a peer's half-close (RDHUP) and urgent data (PRI). */
    private static int events(int interest) {
        int e = (interest & PollMechanism.ONE_SHOT) != 0 ? EPOLLONESHOT : EPOLLET;
        if ((interest & Poller.READ) != 0) {
            e |= EPOLLIN | EPOLLRDHUP | EPOLLPRI;
        }
        if ((interest & Poller.WRITE) != 0) {
            e |= EPOLLOUT;
        }
        return e;
    }

    /**
     * epoll_ctl with a {@code struct epoll_event} built in a small scratch area (an arm or
     * disarm happens on the way to parking: no full-size area for 12 bytes); 0 or the errno.
     */
    private static int ctl(long epfd, int op, long fd, int events, long data) {
        Scratch s = Scratch.take(EVENT_SIZE);
        try {
            ByteBuffer v = s.view();
            v.putInt(s.dataOffset(), events);
            v.putLong(s.dataOffset() + DATA_OFFSET, data);
            return LinuxLibc.epoll_ctl((int) epfd, op, (int) fd, s.data()) == 0 ? 0 : PosixLibc.errno();
        } finally {
            s.give();
        }
    }

    @Override
    public int wait(long instance, long address, ByteBuffer view, int offset, int max, int timeoutMillis) {
        int n;
        do {
            n = LinuxLibc.epoll_wait((int) instance, address, max, timeoutMillis);
        } while (n < 0 && PosixLibc.errno() == eintr);
        return n >= 0 ? n : -PosixLibc.errno();
    }

    @Override
    public long data(ByteBuffer view, int offset) {
        return view.getLong(offset + DATA_OFFSET);
    }

    @Override
    public int ready(ByteBuffer view, int offset) {
        int bits = view.getInt(offset);
        int ready = 0;
        if ((bits & (EPOLLIN | EPOLLRDHUP | EPOLLPRI)) != 0) {
            ready |= Poller.READ;
        }
        if ((bits & EPOLLOUT) != 0) {
            ready |= Poller.WRITE;
        }
        if ((bits & (EPOLLERR | EPOLLHUP)) != 0) {
            ready |= Poller.READ | Poller.WRITE;
        }
        // A hang-up alone is a stream socket that is not connected: the kernel's poll says so
        // of a TCP socket from socket() until it connects (weft registers it then), and of an
        // AF_UNIX one. It is no end of stream or error: with read interest always registered,
        // a shut read side comes with RDHUP, a reset with ERR. Counted as a state change, that
        // report would keep the drained-read skip off for a client connection's whole life
        // (about a quarter of the clients that connect at once, nearly all that pause first).
        if ((bits & (EPOLLRDHUP | EPOLLERR | EPOLLPRI)) != 0) {
            ready |= Poller.STATE_CHANGE;
        }
        return ready;
    }

    /** An epoll descriptor in another epoll instance is readable while it has events. */
    @Override
    public boolean canNest() {
        return true;
    }

    /**
     * Edge-triggered epoll queues an event on every arrival ({@code sk_data_ready}), read or
     * not, and each report carries the socket's state when it is collected (RDHUP, ERR, PRI).
     */
    @Override
    public boolean reportsEveryArrival() {
        return true;
    }

    @Override
    public IOException error(int errno, Op op, String detail) {
        String call = switch (op) {
            case OPEN -> "epoll_create1";
            case ADD -> "epoll_ctl(ADD)";
            case MODIFY -> "epoll_ctl(MOD)";
            case DELETE -> "epoll_ctl(DEL)";
            case WAIT -> "epoll_wait";
        };
        return provider.errorFor(errno, detail == null ? call : call + ": " + detail);
    }
}
