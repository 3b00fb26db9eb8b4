package dev.weft.linux;

import dev.weft.common.Scratch;
import dev.weft.common.SockAddrCodec;
import dev.weft.SockAddr;
import dev.weft.posix.PosixLibc;
import dev.weft.posix.PosixProvider;
import java.nio.ByteBuffer;

/**
 * {@code recvmmsg(2)}/{@code sendmmsg(2)} over one {@link Scratch}: its data area holds the
 * {@code mmsghdr} array, one {@code iovec} and one address slot per message, then staging
 * for heap buffers. A batch larger than that room is cut short, as a short read would be.
 */
final class Mmsg {
    private Mmsg() {}

    private static final int MMSGHDR = 64; // struct msghdr (56) + msg_len, padded
    private static final int IOV = 16;
    private static final int ADDR = 128;
    private static final int PER_MESSAGE = MMSGHDR + IOV + ADDR;
    /** At most this many messages per call (Linux's UIO_MAXIOV is 1024). */
    static final int MAX_BATCH = 1024;

    static long recv(SockAddrCodec codec, int fd, ByteBuffer[] dsts, SockAddr[] from, int[] lengths, int flags) {
        Scratch s = Scratch.take();
        try {
            ByteBuffer v = s.view();
            int n = Math.min(dsts.length, MAX_BATCH);
            n = Math.min(n, Scratch.DATA_SIZE / PER_MESSAGE);
            int staging = n * PER_MESSAGE;
            int fit = 0;
            int stageAt = staging;
            for (; fit < n; fit++) {
                ByteBuffer d = dsts[fit];
                long base;
                if (d.isDirect()) {
                    base = PosixProvider.address(d);
                } else {
                    if (stageAt + d.remaining() > Scratch.DATA_SIZE) {
                        break;
                    }
                    base = s.data() + stageAt;
                    stageAt += d.remaining();
                }
                header(s, fit, n, base, d.remaining(), true);
            }
            if (fit == 0 && n > 0) {
                throw new IllegalArgumentException("a datagram buffer larger than " + (Scratch.DATA_SIZE - staging) + " bytes must be direct");
            }
            int got = LinuxLibc.recvmmsg(fd, s.data(), fit, flags, 0);
            if (got < 0) {
                return -PosixLibc.errno();
            }
            int at = staging;
            for (int i = 0; i < got; i++) {
                int h = Scratch.DATA_OFFSET + i * MMSGHDR;
                int len = v.getInt(h + 56);
                int msgFlags = v.getInt(h + 48);
                ByteBuffer d = dsts[i];
                int k = Math.min(len, d.remaining());
                if (!d.isDirect()) {
                    d.put(d.position(), v, Scratch.DATA_OFFSET + at, k);
                    at += d.remaining();
                }
                // A truncated datagram reports its whole length, as recvfrom with MSG_TRUNC does.
                lengths[i] = (msgFlags & 0x20) != 0 ? Math.max(len, d.remaining() + 1) : len;
                if (from != null) {
                    int nameLen = v.getInt(h + 8);
                    from[i] = nameLen == 0 ? null
                            : codec.decode(v, Scratch.DATA_OFFSET + n * (MMSGHDR + IOV) + i * ADDR, nameLen);
                }
            }
            return got;
        } finally {
            s.give();
        }
    }

    static long send(SockAddrCodec codec, int fd, ByteBuffer[] srcs, SockAddr[] to, int flags) {
        Scratch s = Scratch.take();
        try {
            ByteBuffer v = s.view();
            int n = Math.min(srcs.length, MAX_BATCH);
            n = Math.min(n, Scratch.DATA_SIZE / PER_MESSAGE);
            int stageAt = n * PER_MESSAGE;
            int fit = 0;
            for (; fit < n; fit++) {
                ByteBuffer b = srcs[fit];
                long base;
                if (b.isDirect()) {
                    base = PosixProvider.address(b);
                } else {
                    if (stageAt + b.remaining() > Scratch.DATA_SIZE) {
                        break;
                    }
                    v.put(Scratch.DATA_OFFSET + stageAt, b, b.position(), b.remaining());
                    base = s.data() + stageAt;
                    stageAt += b.remaining();
                }
                header(s, fit, n, base, b.remaining(), false);
                int h = Scratch.DATA_OFFSET + fit * MMSGHDR;
                if (to != null && to[fit] != null) {
                    int addrOff = n * (MMSGHDR + IOV) + fit * ADDR;
                    int len = codec.encode(to[fit], v, Scratch.DATA_OFFSET + addrOff);
                    if (len < 0) {
                        if (fit == 0) {
                            return len;
                        }
                        break; // send those before it; the next call reports this one's error
                    }
                    v.putInt(h + 8, len);
                } else {
                    v.putLong(h, 0);
                    v.putInt(h + 8, 0);
                }
            }
            if (fit == 0 && n > 0) {
                throw new IllegalArgumentException("a datagram larger than the staging room must be in a direct buffer");
            }
            int sent = LinuxLibc.sendmmsg(fd, s.data(), fit, flags);
            return sent < 0 ? -PosixLibc.errno() : sent;
        } finally {
            s.give();
        }
    }

    /** Fills mmsghdr {@code i} of {@code n}: one iovec, the address slot, no control data. */
    private static void header(Scratch s, int i, int n, long base, int len, boolean receive) {
        ByteBuffer v = s.view();
        int h = Scratch.DATA_OFFSET + i * MMSGHDR;
        for (int k = 0; k < MMSGHDR; k += 8) {
            v.putLong(h + k, 0);
        }
        int iov = n * MMSGHDR + i * IOV;
        int addr = n * (MMSGHDR + IOV) + i * ADDR;
        v.putLong(Scratch.DATA_OFFSET + iov, base);
        v.putLong(Scratch.DATA_OFFSET + iov + 8, len);
        v.putLong(h, s.data() + addr); // msg_name
        v.putInt(h + 8, receive ? ADDR : 0); // msg_namelen
        v.putLong(h + 16, s.data() + iov); // msg_iov
        v.putLong(h + 24, 1); // msg_iovlen
    }
}
