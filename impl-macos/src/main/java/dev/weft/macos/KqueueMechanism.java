package dev.weft.macos;

import static dev.weft.macos.DarwinConstants.EVFILT_READ;
import static dev.weft.macos.DarwinConstants.EVFILT_WRITE;
import static dev.weft.macos.DarwinConstants.EV_ADD;
import static dev.weft.macos.DarwinConstants.EV_CLEAR;
import static dev.weft.macos.DarwinConstants.EV_DELETE;
import static dev.weft.macos.DarwinConstants.EV_DISABLE;
import static dev.weft.macos.DarwinConstants.EV_DISPATCH;
import static dev.weft.macos.DarwinConstants.EV_ENABLE;
import static dev.weft.macos.DarwinConstants.EV_EOF;
import static dev.weft.macos.DarwinConstants.EV_ERROR;
import static dev.weft.macos.DarwinConstants.EV_OOBAND;
import static dev.weft.macos.DarwinConstants.EV_RECEIPT;
import static dev.weft.macos.DarwinConstants.OFF_KEVENT_DATA;
import static dev.weft.macos.DarwinConstants.OFF_KEVENT_FFLAGS;
import static dev.weft.macos.DarwinConstants.OFF_KEVENT_FILTER;
import static dev.weft.macos.DarwinConstants.OFF_KEVENT_FLAGS;
import static dev.weft.macos.DarwinConstants.OFF_KEVENT_IDENT;
import static dev.weft.macos.DarwinConstants.OFF_KEVENT_UDATA;
import static dev.weft.macos.DarwinConstants.SIZEOF_KEVENT;

import dev.weft.Errno;
import dev.weft.common.Scratch;
import dev.weft.common.poll.PollMechanism;
import dev.weft.common.poll.PollScheduler;
import dev.weft.posix.PosixLibc;
import dev.weft.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * kqueue, as {@link PollScheduler}'s mechanism. Each descriptor has two knotes,
 * {@code EVFILT_READ} and {@code EVFILT_WRITE}, both {@code EV_CLEAR}: kqueue(2) resets a
 * cleared knote's state once it is retrieved and activates it again on the next change
 * (data arriving, send space freed, EOF), which is {@code EPOLLET}'s contract. An event's
 * {@code udata} is the scheduler's 64 bits, as they are.
 *
 * <p>Semantics checked against Apple's kqueue(2) and the JDK's {@code KQueue}/
 * {@code KQueuePoller}. The JDK's virtual-thread poller registers one filter per parked
 * thread with {@code EV_ADD | EV_ONESHOT} and registers again on every park; weft's
 * scheduler keeps a registration for the socket's life (it never re-arms an ordinary one),
 * so it needs the edge form, {@code EV_CLEAR}. Reasoning beside each choice.
 */
final class KqueueMechanism implements PollMechanism {
    /** Room for the two changes of one descriptor and their two receipts. */
    private static final int CHANGES = 2;

    private final MacProvider provider;
    private final int eintr;
    private final int enoent;

    KqueueMechanism(MacProvider provider) {
        this.provider = provider;
        this.eintr = provider.nativeErrno(Errno.EINTR);
        this.enoent = provider.nativeErrno(Errno.ENOENT);
    }

    @Override
    public String name() {
        return "kqueue";
    }

    @Override
    public int eventSize() {
        return SIZEOF_KEVENT;
    }

    @Override
    public long open() throws IOException {
        int kq = MacLibc.kqueue();
        if (kq < 0) {
            throw error(PosixLibc.errno(), Op.OPEN, null);
        }
        // A kqueue is never inherited by fork's child, but it would survive exec: close-on-exec as every weft fd.
        if (provider.fcntl(kq, DarwinConstants.F_SETFD, DarwinConstants.FD_CLOEXEC) < 0) {
            int e = PosixLibc.errno();
            PosixLibc.close(kq);
            throw error(e, Op.OPEN, "fcntl(FD_CLOEXEC)");
        }
        return kq;
    }

    @Override
    public void close(long instance) {
        PosixLibc.close((int) instance);
    }

    @Override
    public int add(long instance, long fd, long data, int interest) {
        return change(instance, fd, data, interest, false);
    }

    @Override
    public int modify(long instance, long fd, long data, int interest) {
        return change(instance, fd, data, interest, false);
    }

    @Override
    public int delete(long instance, long fd) {
        return change(instance, fd, 0, 0, true);
    }

    /**
     * The flags of one filter's change. Asked for: {@code EV_ADD | EV_ENABLE} and
     * {@code EV_CLEAR} (edge), or {@code EV_DISPATCH} for the scheduler's one-shot watch (the
     * knote disables itself once reported; the next modify's {@code EV_ENABLE} re-arms it,
     * and {@code EV_ADD} on an existing knote re-evaluates it, so a descriptor ready then is
     * reported again, as {@code EPOLL_CTL_MOD} does). Not asked for: {@code EV_ADD | EV_DISABLE}
     * rather than {@code EV_DELETE}, which would fail with ENOENT for a knote never added
     * and so make add and modify order-dependent.
     */
    static int flags(int interest, int filterBit) {
        boolean oneShot = (interest & PollMechanism.ONE_SHOT) != 0;
        int mode = oneShot ? EV_DISPATCH : EV_CLEAR;
        return EV_RECEIPT | EV_ADD | mode | ((interest & filterBit) != 0 ? EV_ENABLE : EV_DISABLE);
    }

    /** Writes one {@code struct kevent} at {@code off} (offsets from Apple's sys/event.h, via DarwinConstants). */
    static void put(ByteBuffer b, int off, long ident, int filter, int flags, int fflags, long data, long udata) {
        b.putLong(off + OFF_KEVENT_IDENT, ident);
        b.putShort(off + OFF_KEVENT_FILTER, (short) filter);
        b.putShort(off + OFF_KEVENT_FLAGS, (short) flags);
        b.putInt(off + OFF_KEVENT_FFLAGS, fflags);
        b.putLong(off + OFF_KEVENT_DATA, data);
        b.putLong(off + OFF_KEVENT_UDATA, udata);
    }

    /**
     * Both filters' changes in one kevent call, each with {@code EV_RECEIPT}: the kernel then
     * writes every change's outcome (EV_ERROR, data 0 or the errno) to the event list and
     * never dequeues a pending event there, and it does not stop at the first failing change
     * as it would with no room for receipts. The event list has exactly the room for the
     * receipts and the timeout is zero, so the call cannot block.
     */
    private int change(long kq, long fd, long data, int interest, boolean delete) {
        int in = 0;
        int out = CHANGES * SIZEOF_KEVENT;
        int ts = 2 * out;
        Scratch s = Scratch.take(ts + 16);
        try {
            ByteBuffer v = s.view();
            int base = s.dataOffset();
            int rf = delete ? EV_RECEIPT | EV_DELETE : flags(interest, Poller.READ);
            int wf = delete ? EV_RECEIPT | EV_DELETE : flags(interest, Poller.WRITE);
            put(v, base + in, fd, EVFILT_READ, rf, 0, 0, data);
            put(v, base + in + SIZEOF_KEVENT, fd, EVFILT_WRITE, wf, 0, 0, data);
            v.putLong(base + ts, 0).putLong(base + ts + 8, 0);
            // The one-shot watch is on another kqueue, which has only a read filter.
            int changes = (interest & PollMechanism.ONE_SHOT) != 0 ? 1 : CHANGES;
            int n;
            do {
                n = MacLibc.kevent((int) kq, s.data() + in, changes, s.data() + out, changes, s.data() + ts);
            } while (n < 0 && PosixLibc.errno() == eintr);
            if (n < 0) {
                return PosixLibc.errno();
            }
            for (int i = 0; i < n; i++) {
                int e = receipt(v, base + out + i * SIZEOF_KEVENT);
                // A knote gone already (its descriptor closed, which drops it) is fine for delete.
                if (e != 0 && !(delete && e == enoent)) {
                    return e;
                }
            }
            return 0;
        } finally {
            s.give();
        }
    }

    /** The errno a receipt carries, or 0. */
    static int receipt(ByteBuffer v, int off) {
        int flags = v.getShort(off + OFF_KEVENT_FLAGS) & 0xFFFF;
        return (flags & EV_ERROR) != 0 ? (int) v.getLong(off + OFF_KEVENT_DATA) : 0;
    }

    @Override
    public int wait(long instance, long address, ByteBuffer view, int offset, int max, int timeoutMillis) {
        long ts = 0;
        Scratch s = null;
        if (timeoutMillis >= 0) {
            s = Scratch.take(16);
            ts = s.data();
            s.view().putLong(s.dataOffset(), timeoutMillis / 1000)
                    .putLong(s.dataOffset() + 8, (timeoutMillis % 1000) * 1_000_000L);
        }
        try {
            int n;
            do {
                n = MacLibc.kevent((int) instance, 0, 0, address, max, ts);
            } while (n < 0 && PosixLibc.errno() == eintr);
            return n >= 0 ? n : -PosixLibc.errno();
        } finally {
            if (s != null) {
                s.give();
            }
        }
    }

    @Override
    public long data(ByteBuffer view, int offset) {
        return view.getLong(offset + OFF_KEVENT_UDATA);
    }

    /**
     * The filter says which side is ready. {@code EV_ERROR} (a failed knote) and an
     * {@code EV_EOF} on the write side (the peer is gone: nothing more can be sent) are a
     * hang-up, all three bits; {@code EV_EOF} on the read side is the end of the stream, and
     * with a socket error in {@code fflags} (kqueue(2): "fflags contains the socket error")
     * a hang-up too; {@code EV_OOBAND} is urgent data, as epoll's {@code EPOLLPRI}.
     */
    @Override
    public int ready(ByteBuffer view, int offset) {
        int filter = view.getShort(offset + OFF_KEVENT_FILTER);
        int flags = view.getShort(offset + OFF_KEVENT_FLAGS) & 0xFFFF;
        int hangUp = Poller.READ | Poller.WRITE | Poller.STATE_CHANGE;
        if ((flags & EV_ERROR) != 0) {
            return hangUp;
        }
        if (filter == EVFILT_READ) {
            if ((flags & EV_EOF) != 0) {
                return view.getInt(offset + OFF_KEVENT_FFLAGS) != 0 ? hangUp : Poller.READ | Poller.STATE_CHANGE;
            }
            return (flags & EV_OOBAND) != 0 ? Poller.READ | Poller.STATE_CHANGE : Poller.READ;
        }
        if (filter == EVFILT_WRITE) {
            return (flags & EV_EOF) != 0 ? hangUp : Poller.WRITE;
        }
        return 0;
    }

    /** kqueue(2): a kqueue descriptor is itself readable (EVFILT_READ) while events are pending. */
    @Override
    public boolean canNest() {
        return true;
    }

    /**
     * Conservatively false until measured on a Mac: XNU's socket filters re-activate a
     * cleared knote on each wake-up of the socket buffer, which would make this true, but no
     * run here has confirmed it, and false is always correct (reads are never skipped).
     */
    @Override
    public boolean reportsEveryArrival() {
        return false;
    }

    @Override
    public IOException error(int errno, Op op, String detail) {
        String call = switch (op) {
            case OPEN -> "kqueue";
            case ADD -> "kevent(EV_ADD)";
            case MODIFY -> "kevent(EV_ADD, modify)";
            case DELETE -> "kevent(EV_DELETE)";
            case WAIT -> "kevent(wait)";
        };
        return provider.errorFor(errno, detail == null ? call : call + ": " + detail);
    }
}
