package dev.weft.macos;

import static dev.weft.macos.DarwinConstants.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.common.poll.PollMechanism;
import dev.weft.spi.Poller;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Runs on any OS (no kqueue call is made): the {@code struct kevent} the mechanism writes and
 * reads, byte for byte against an independent rendering of sys/event.h's declaration and
 * against DarwinConstants' header offsets, and the flags and readiness mapping the kqueue
 * semantics rest on. That the kernel then behaves as kqueue(2) says runs only on a Mac (CI).
 */
class KqueueMechanismTest {
    private static final int ALL = Poller.READ | Poller.WRITE | Poller.STATE_CHANGE;
    private final KqueueMechanism kq = new KqueueMechanism(new MacProvider());

    /**
     * sys/event.h (LP64): {@code struct kevent { uintptr_t ident; int16_t filter; uint16_t flags;
     * uint32_t fflags; intptr_t data; void *udata; }}, each field at its natural alignment.
     */
    private static byte[] rendered(long ident, short filter, short flags, int fflags, long data, long udata) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        b.putLong(ident).putShort(filter).putShort(flags).putInt(fflags).putLong(data).putLong(udata);
        return b.array();
    }

    @Test
    void headerOffsetsAreTheNaturalLayoutOfTheDeclaration() {
        assertEquals(32, SIZEOF_KEVENT);
        assertArrayEquals(new int[] {0, 8, 10, 12, 16, 24}, new int[] {OFF_KEVENT_IDENT, OFF_KEVENT_FILTER,
                OFF_KEVENT_FLAGS, OFF_KEVENT_FFLAGS, OFF_KEVENT_DATA, OFF_KEVENT_UDATA});
        assertEquals(SIZEOF_KEVENT, kq.eventSize());
    }

    @Test
    void encodesAKeventByteForByte() {
        ByteBuffer b = ByteBuffer.allocate(64 + 32).order(ByteOrder.nativeOrder());
        long udata = 0x8877665544332211L;
        int flags = EV_ADD | EV_CLEAR | EV_RECEIPT;
        KqueueMechanism.put(b, 64, 0x0102030405060708L, EVFILT_WRITE, flags, 0xA0B0C0D0, -5L, udata);
        byte[] got = new byte[32];
        b.get(64, got);
        assertArrayEquals(rendered(0x0102030405060708L, (short) EVFILT_WRITE, (short) flags, 0xA0B0C0D0, -5L, udata), got);
        assertEquals(udata, kq.data(b, 64));
    }

    @Test
    void ordinaryRegistrationsAreEdgeTriggeredAndOneFilterPerSide() {
        int read = KqueueMechanism.flags(Poller.READ, Poller.READ);
        int write = KqueueMechanism.flags(Poller.READ, Poller.WRITE);
        assertEquals(EV_RECEIPT | EV_ADD | EV_CLEAR | EV_ENABLE, read);
        // not asked for: kept registered but disabled, so add and modify never meet ENOENT
        assertEquals(EV_RECEIPT | EV_ADD | EV_CLEAR | EV_DISABLE, write);
        assertEquals(EV_RECEIPT | EV_ADD | EV_CLEAR | EV_ENABLE,
                KqueueMechanism.flags(Poller.READ | Poller.WRITE, Poller.WRITE));
    }

    @Test
    void theNestedWatchIsDispatchedOnceAndRegisteredSilentlyAlone() {
        // added with ONE_SHOT alone: registered, reports nothing
        assertEquals(EV_RECEIPT | EV_ADD | EV_DISPATCH | EV_DISABLE,
                KqueueMechanism.flags(PollMechanism.ONE_SHOT, Poller.READ));
        // re-armed by modify: enabled, disabled again by the kernel after one report
        int armed = KqueueMechanism.flags(Poller.READ | PollMechanism.ONE_SHOT, Poller.READ);
        assertEquals(EV_RECEIPT | EV_ADD | EV_DISPATCH | EV_ENABLE, armed);
        assertEquals(0, armed & EV_CLEAR);
    }

    private int ready(int filter, int flags, int fflags) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        KqueueMechanism.put(b, 0, 7, filter, flags, fflags, 0, 0);
        return kq.ready(b, 0);
    }

    @Test
    void decodesReadinessEndOfStreamHangUpAndErrors() {
        assertEquals(Poller.READ, ready(EVFILT_READ, EV_CLEAR, 0));
        assertEquals(Poller.WRITE, ready(EVFILT_WRITE, EV_CLEAR, 0));
        // the peer shut down its side: the end of the stream, still readable
        assertEquals(Poller.READ | Poller.STATE_CHANGE, ready(EVFILT_READ, EV_CLEAR | EV_EOF, 0));
        // EOF with the socket error in fflags (ECONNRESET 54): a hang-up
        assertEquals(ALL, ready(EVFILT_READ, EV_CLEAR | EV_EOF, 54));
        // nothing can be sent any more
        assertEquals(ALL, ready(EVFILT_WRITE, EV_CLEAR | EV_EOF, 0));
        assertEquals(ALL, ready(EVFILT_READ, EV_ERROR, 0));
        assertEquals(Poller.READ | Poller.STATE_CHANGE, ready(EVFILT_READ, EV_CLEAR | EV_OOBAND, 0));
        assertEquals(0, ready(EVFILT_TIMER, 0, 0));
    }

    @Test
    void readsAReceiptsErrno() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        KqueueMechanism.put(b, 0, 3, EVFILT_READ, EV_ERROR, 0, 0, 0);
        KqueueMechanism.put(b, 32, 3, EVFILT_WRITE, EV_ERROR, 0, errnos().get("ENOENT"), 0);
        assertEquals(0, KqueueMechanism.receipt(b, 0));
        assertEquals(2, KqueueMechanism.receipt(b, 32));
    }

    @Test
    void nestsAndNamesItsCalls() {
        assertEquals(true, kq.canNest());
        assertEquals("kqueue", kq.name());
    }
}
