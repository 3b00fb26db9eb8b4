package dev.weft.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.weft.Errno;
import dev.weft.Errors;
import dev.weft.posix.PosixLibc;
import dev.weft.posix.Scratch;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One epoll instance watched by one platform thread. Each socket is registered once, for
 * reading and writing, edge-triggered: a wait costs no {@code epoll_ctl}, and the core's
 * count-then-park protocol ({@link Poller}) makes the single report of an edge enough.
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
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int MAX_EVENTS = 512;
    /** x86-64 packs {@code struct epoll_event} (12 bytes); other 64-bit ABIs align it to 16. */
    private static final boolean PACKED = Platform.isIntel();
    private static final int EVENT_SIZE = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final LinuxProvider provider;
    private final int epfd;
    private final ReentrantLock tableLock = new ReentrantLock();
    private volatile AtomicReferenceArray<Registration> table = new AtomicReferenceArray<>(1024);
    private int nextId;

    record Registration(int fd, int id, ReadyListener listener) {}

    EpollPoller(LinuxProvider provider) throws IOException {
        this.provider = provider;
        this.epfd = LinuxLibc.epoll_create1(EPOLL_CLOEXEC);
        if (epfd < 0) {
            int e = PosixLibc.errno();
            throw provider.errorFor(e, "epoll_create1");
        }
        Thread t = new Thread(this::loop, "weft-epoll");
        t.setDaemon(true);
        t.start();
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
        int r = ctl(EPOLL_CTL_ADD, reg, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLPRI | EPOLLET);
        if (r != 0) {
            clear(reg);
            throw provider.errorFor(r, "epoll_ctl(ADD)");
        }
        return reg;
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
        Scratch s = Scratch.take();
        try {
            ByteBuffer v = s.view();
            v.putInt(Scratch.AUX_OFFSET, events);
            v.putLong(Scratch.AUX_OFFSET + DATA_OFFSET, ((long) reg.id << 32) | (reg.fd & 0xFFFFFFFFL));
            return LinuxLibc.epoll_ctl(epfd, op, reg.fd, s.aux()) == 0 ? 0 : PosixLibc.errno();
        } finally {
            s.give();
        }
    }

    private void loop() {
        long mem = Native.malloc((long) MAX_EVENTS * EVENT_SIZE);
        ByteBuffer events = new Pointer(mem).getByteBuffer(0, (long) MAX_EVENTS * EVENT_SIZE).order(ByteOrder.nativeOrder());
        int eintr = provider.nativeErrno(Errno.EINTR);
        for (;;) {
            int n = LinuxLibc.epoll_wait(epfd, mem, MAX_EVENTS, -1);
            if (n < 0) {
                int e = PosixLibc.errno();
                if (e == eintr) {
                    continue;
                }
                // Nothing else can fail with a valid epfd and buffer; say so loudly rather than spin.
                System.err.println("weft: epoll_wait failed: " + Errors.of(provider.errno(e), e, provider.strerror(e), null));
                return;
            }
            for (int i = 0; i < n; i++) {
                int base = i * EVENT_SIZE;
                int ev = events.getInt(base);
                long data = events.getLong(base + DATA_OFFSET);
                int fd = (int) data;
                int id = (int) (data >>> 32);
                AtomicReferenceArray<Registration> t = table;
                Registration reg = fd < t.length() ? t.get(fd) : null;
                if (reg == null || reg.id != id) {
                    continue; // closed meanwhile, perhaps with its number reused
                }
                int ready = 0;
                if ((ev & (EPOLLIN | EPOLLRDHUP | EPOLLPRI)) != 0) {
                    ready |= READ;
                }
                if ((ev & EPOLLOUT) != 0) {
                    ready |= WRITE;
                }
                if ((ev & (EPOLLERR | EPOLLHUP)) != 0) {
                    ready |= READ | WRITE;
                }
                try {
                    reg.listener.ready(ready);
                } catch (RuntimeException | StackOverflowError e) {
                    // A listener only unparks threads; one failure must not stop the poller.
                }
            }
        }
    }
}
