package dev.weft.posix;

import dev.weft.common.NativeMemory;
import dev.weft.common.Scratch;
import dev.weft.Ancillary;
import dev.weft.SockAddr;
import dev.weft.spi.MsgResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code recvmsg(2)} and {@code sendmsg(2)} over one {@link Scratch}: the {@code msghdr}
 * and {@code iovec}s go in its auxiliary area, the control buffer and the staging copies of
 * heap buffers in its data area; direct buffers are used in place. What does not fit (more
 * than {@link #MAX_IOV} buffers, or heap data beyond the staging room) is left for the next
 * call, as a short read or write.
 */
final class Messages {
    private Messages() {}

    private static final int IOV_SIZE = 16;
    /** Buffers per call that the auxiliary area holds after the msghdr. */
    static final int MAX_IOV = (Scratch.AUX_SIZE - 64) / IOV_SIZE;

    /** Control buffers larger than this are refused (half the data area; the rest stages data). */
    static final int MAX_CONTROL = Scratch.DATA_SIZE / 2;

    static long recv(PosixProvider p, MsgLayout l, int fd, boolean stream, ByteBuffer[] dsts, int controlLen, int flags, MsgResult out) {
        if (controlLen > MAX_CONTROL) {
            throw new IllegalArgumentException("ancbufsize too large: " + controlLen + " (at most " + MAX_CONTROL + ")");
        }
        Scratch s = Scratch.take();
        Staging st = null;
        try {
            st = Staging.of(stream, s, dsts, align8(controlLen));
            ByteBuffer v = s.view();
            int iovs = fillIov(s, l, dsts, st, false);
            header(s, l, iovs, controlLen, true);
            long n = PosixLibc.recvmsg(fd, s.aux(), flags);
            if (n < 0) {
                return PosixProvider.fail();
            }
            // Copy the staged bytes back into heap buffers, in order.
            long left = n;
            int staged = st.viewOffset;
            for (int i = 0; i < iovs && left > 0; i++) {
                ByteBuffer d = dsts[i];
                int len = (int) v.getLong(Scratch.AUX_OFFSET + l.size() + i * IOV_SIZE + 8);
                int k = (int) Math.min(left, len);
                if (!d.isDirect()) {
                    d.put(d.position(), st.view, staged, k);
                    staged += len;
                }
                left -= k;
            }
            out.flags = v.getInt(Scratch.AUX_OFFSET + l.flagsOffset());
            int nameLen = v.getInt(Scratch.AUX_OFFSET + MsgLayout.NAME_LEN);
            out.address = nameLen == 0 ? null : p.codec.decode(v, 0, nameLen);
            long cl = l.controlLenWide() ? v.getLong(Scratch.AUX_OFFSET + MsgLayout.CONTROL_LEN)
                    : v.getInt(Scratch.AUX_OFFSET + MsgLayout.CONTROL_LEN);
            out.ancillary = parseControl(v, l, Scratch.DATA_OFFSET, (int) Math.min(cl, controlLen));
            return n;
        } finally {
            if (st != null) {
                st.free();
            }
            s.give();
        }
    }

    static long send(PosixProvider p, MsgLayout l, int fd, boolean stream, ByteBuffer[] srcs, List<Ancillary> anc, int flags, SockAddr to) {
        int controlLen = 0;
        for (Ancillary a : anc) {
            int space = l.cmsgSpace(a.data().length);
            if (space < 0 || controlLen + (long) space > MAX_CONTROL) {
                throw new IllegalArgumentException("ancillary data too long");
            }
            controlLen += space;
        }
        Scratch s = Scratch.take();
        Staging st = null;
        try {
            ByteBuffer v = s.view();
            int off = Scratch.DATA_OFFSET;
            for (Ancillary a : anc) {
                byte[] d = a.data();
                int space = l.cmsgSpace(d.length);
                for (int i = 0; i < space; i += 4) {
                    v.putInt(off + i, 0);
                }
                if (l.controlLenWide()) {
                    v.putLong(off, l.cmsgLen(d.length));
                } else {
                    v.putInt(off, l.cmsgLen(d.length));
                }
                int h = l.controlLenWide() ? 8 : 4;
                v.putInt(off + h, a.level());
                v.putInt(off + h + 4, a.type());
                v.put(off + l.cmsgHeader(), d);
                off += space;
            }
            st = Staging.of(stream, s, srcs, align8(controlLen));
            int iovs = fillIov(s, l, srcs, st, true);
            int nameLen = to == null ? 0 : p.codec.encode(to, v, 0);
            if (nameLen < 0) {
                return nameLen;
            }
            header(s, l, iovs, controlLen, false);
            v.putInt(Scratch.AUX_OFFSET + MsgLayout.NAME_LEN, nameLen);
            if (nameLen == 0) {
                v.putLong(Scratch.AUX_OFFSET + MsgLayout.NAME, 0);
            }
            long n = PosixLibc.sendmsg(fd, s.aux(), flags);
            return n < 0 ? PosixProvider.fail() : n;
        } finally {
            if (st != null) {
                st.free();
            }
            s.give();
        }
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    /**
     * Where heap buffers are staged: the scratch data area after the control buffer, or,
     * for a message socket whose heap data would not fit there, one temporary block holding
     * it all (a message must never be cut to the scratch size; a stream may move in parts).
     */
    private static final class Staging {
        final long base;
        final ByteBuffer view;
        final int viewOffset;
        final int room;
        private final long owned;

        private Staging(long base, ByteBuffer view, int viewOffset, int room, long owned) {
            this.base = base;
            this.view = view;
            this.viewOffset = viewOffset;
            this.room = room;
            this.owned = owned;
        }

        static Staging of(boolean stream, Scratch s, ByteBuffer[] bufs, int stageFrom) {
            long heap = 0;
            for (int i = 0; i < bufs.length && i < MAX_IOV; i++) {
                if (!bufs[i].isDirect()) {
                    heap += bufs[i].remaining();
                }
            }
            int room = Scratch.DATA_SIZE - stageFrom;
            if (heap > room && heap <= Integer.MAX_VALUE && !stream) {
                long big = NativeMemory.malloc(heap);
                return new Staging(big, NativeMemory.view(big, heap), 0, (int) heap, big);
            }
            return new Staging(s.data() + stageFrom, s.view(), Scratch.DATA_OFFSET + stageFrom, room, 0);
        }

        void free() {
            NativeMemory.free(owned);
        }
    }

    /** Writes the iovecs after the msghdr; heap buffers are staged in {@code st}. */
    private static int fillIov(Scratch s, MsgLayout l, ByteBuffer[] bufs, Staging st, boolean copyIn) {
        ByteBuffer v = s.view();
        int room = st.room;
        int staged = 0;
        int n = 0;
        for (ByteBuffer b : bufs) {
            if (n == MAX_IOV) {
                break;
            }
            int len = b.remaining();
            long base;
            if (b.isDirect()) {
                base = PosixProvider.address(b);
            } else {
                if (room == 0 && len > 0) {
                    break;
                }
                len = Math.min(len, room);
                base = st.base + staged;
                if (copyIn) {
                    st.view.put(st.viewOffset + staged, b, b.position(), len);
                }
                staged += len;
                room -= len;
            }
            int at = Scratch.AUX_OFFSET + l.size() + n * IOV_SIZE;
            v.putLong(at, base);
            v.putLong(at + 8, len);
            n++;
        }
        return n;
    }

    private static void header(Scratch s, MsgLayout l, int iovs, int controlLen, boolean forReceive) {
        ByteBuffer v = s.view();
        int h = Scratch.AUX_OFFSET;
        for (int i = 0; i < l.size(); i += 4) {
            v.putInt(h + i, 0);
        }
        v.putLong(h + MsgLayout.NAME, s.addr());
        v.putInt(h + MsgLayout.NAME_LEN, forReceive ? Scratch.ADDR_SIZE : 0);
        v.putLong(h + MsgLayout.IOV, s.aux() + l.size());
        if (l.iovLenWide()) {
            v.putLong(h + MsgLayout.IOV_LEN, iovs);
        } else {
            v.putInt(h + MsgLayout.IOV_LEN, iovs);
        }
        v.putLong(h + MsgLayout.CONTROL, controlLen == 0 ? 0 : s.data());
        if (l.controlLenWide()) {
            v.putLong(h + MsgLayout.CONTROL_LEN, controlLen);
        } else {
            v.putInt(h + MsgLayout.CONTROL_LEN, controlLen);
        }
    }

    /**
     * The control messages in {@code len} bytes at {@code off}. A truncated last item keeps
     * the bytes that arrived, as CPython does.
     */
    static List<Ancillary> parseControl(ByteBuffer v, MsgLayout l, int off, int len) {
        List<Ancillary> out = new ArrayList<>();
        int o = 0;
        int hdr = l.cmsgHeader();
        while (o + hdr <= len) {
            long cmsgLen = l.controlLenWide() ? v.getLong(off + o) : v.getInt(off + o) & 0xFFFFFFFFL;
            if (cmsgLen < hdr) {
                break;
            }
            int h = l.controlLenWide() ? 8 : 4;
            int level = v.getInt(off + o + h);
            int type = v.getInt(off + o + h + 4);
            int dataLen = (int) Math.min(cmsgLen, len - o) - hdr;
            byte[] d = new byte[Math.max(0, dataLen)];
            v.get(off + o + hdr, d);
            out.add(new Ancillary(level, type, d));
            o += l.align((int) Math.min(cmsgLen, Integer.MAX_VALUE - 8));
        }
        return out;
    }
}
