package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CanBcmMessage;
import dev.weft.CanFdFrame;
import dev.weft.CanFilter;
import dev.weft.CanFrame;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_CAN} on {@code vcan0} (the kernel lane makes it): {@code CAN_RAW} frames
 * through the typed {@link CanFrame}/{@link CanFdFrame} records and python3's
 * {@code "=IB3x8s"}, in weft's three modes; filters, FD frames, loopback and own-message
 * options; {@code CAN_ISOTP}'s and {@code CAN_J1939}'s address forms through the kernel;
 * bad input as clear errors with nothing leaked.
 */
@Tag(KernelLane.TAG)
class CanFamilyTest {
    private static final int CAN_RAW = Sockets.constant("CAN_RAW", 1);
    private static final int CAN_ISOTP = Sockets.constant("CAN_ISOTP", 6);
    private static final int CAN_J1939 = Sockets.constant("CAN_J1939", 7);
    private static final String IF = "vcan0";

    @BeforeEach
    void needsCan() throws IOException {
        KernelLane.assumeSocket(Family.CAN, SocketType.RAW, CAN_RAW, "AF_CAN CAN_RAW");
        KernelLane.assumeInterface(IF);
    }

    private static Socket raw() throws IOException {
        Socket s = Socket.open(Family.CAN, SocketType.RAW, CAN_RAW);
        s.bind(SockAddr.Can.of(IF));
        s.setTimeout(TestKit.BOUND);
        return s;
    }

    @Test
    void aFrameSentOnVcan0ReachesASecondSocketAndPython() throws Exception {
        String script = """
                import socket, struct, sys
                s = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
                s.bind((sys.argv[1],)); s.settimeout(float(sys.argv[2]))
                print("ready", flush=True)
                can_id, dlc, data = struct.unpack("=IB3x8s", s.recv(16))
                print(f"{can_id:x} {dlc} {data[:dlc].hex()}", flush=True)
                s.send(struct.pack("=IB3x8s", 0x7ab | socket.CAN_EFF_FLAG, 2, b"py"))
                """;
        try (Socket tx = raw(); Socket rx = raw();
                TestKit.Python py = TestKit.python(script, IF, Long.toString(TestKit.BOUND.toSeconds()))) {
            CanFrame f = CanFrame.standard(0x123, new byte[] {1, 2, 3, 4});
            tx.send(f.toBytes());
            Socket.Received r = rx.recvFrom(CanFrame.SIZE);
            assertEquals(f, CanFrame.of(r.data()), "the second weft socket gets the frame");
            assertEquals(SockAddr.Can.of(IF), r.address(), "recvfrom names the interface: ('vcan0',)");
            assertEquals("123 4 01020304", py.nextLine(), "python3 unpacks the same frame with =IB3x8s");
            CanFrame back = CanFrame.of(rx.recv(CanFrame.SIZE));
            assertTrue(back.isExtended(), "python3's EFF flag");
            assertEquals(0x7ab, back.id());
            assertArrayEquals("py".getBytes(), back.data());
            assertEquals(0, py.waitFor(), py.stderr());
        }
    }

    /**
     * An error frame (here sent by hand: vcan has no controller to report one) reaches the
     * sockets whose {@code CAN_RAW_ERR_FILTER} has its class, weft's and python3's, and not a
     * socket left at the default mask 0, whose ordinary filter takes every data frame.
     */
    @Test
    void errorFramesReachOnlySocketsWhoseErrFilterHasTheirClass() throws Exception {
        int busOff = 0x40; // CAN_ERR_BUSOFF
        String script = """
                import socket, struct, sys
                s = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
                s.setsockopt(socket.SOL_CAN_RAW, 2, struct.pack("=I", int(sys.argv[3])))   # CAN_RAW_ERR_FILTER
                s.bind((sys.argv[1],)); s.settimeout(float(sys.argv[2]))
                print("ready", flush=True)
                can_id, dlc, data = struct.unpack("=IB3x8s", s.recv(16))
                print(f"{can_id:x} {dlc} {data[:dlc].hex()}", flush=True)
                """;
        try (Socket tx = raw(); Socket wanted = raw(); Socket unset = raw();
                TestKit.Python py = TestKit.python(script, IF, Long.toString(TestKit.BOUND.toSeconds()), Integer.toString(busOff))) {
            assertEquals(0, unset.getOption(SockOpt.CAN_RAW_ERR_FILTER), "no error classes by default");
            wanted.setOption(SockOpt.CAN_RAW_ERR_FILTER, busOff);
            assertEquals(busOff, wanted.getOption(SockOpt.CAN_RAW_ERR_FILTER));
            CanFrame error = CanFrame.error(busOff, new byte[] {0, 0, 0, 0, 0, 0, 0, 0});
            tx.send(error.toBytes());
            CanFrame got = CanFrame.of(wanted.recv(CanFrame.SIZE));
            assertEquals(error, got);
            assertTrue(got.isError(), "CAN_ERR_FLAG");
            assertEquals(busOff, got.errorClass());
            assertEquals("20000040 8 0000000000000000", py.nextLine(), "python3 with the same mask gets it too");
            // Delivery to every socket on vcan0 happens in the one send: by now the unset socket would have it.
            unset.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> unset.recv(CanFrame.SIZE), "mask 0: no error frames");
            tx.send(CanFrame.standard(0x55, new byte[] {5}).toBytes());
            unset.setBlocking(true);
            assertEquals(CanFrame.standard(0x55, new byte[] {5}), CanFrame.of(unset.recv(CanFrame.SIZE)),
                    "while data frames still come");
            assertThrows(IllegalArgumentException.class, () -> CanFrame.error(0x2000_0000, new byte[0]), "a class outside CAN_ERR_MASK");
        }
    }

    @Test
    void aReaderParkedInThePollerGetsTheFrame() throws Exception {
        try (Socket tx = raw(); Socket rx = raw()) {
            var reader = TestKit.start(true, "can-reader", () -> CanFrame.of(rx.recv(CanFrame.SIZE)));
            TestKit.awaitParkedInWeft(reader.thread());
            CanFrame f = CanFrame.extended(0x1abcdef, new byte[] {9, 8, 7, 6, 5, 4, 3, 2});
            tx.send(f.toBytes());
            assertEquals(f, reader.get(), "blocking mode: woken by the poller with the frame");
        }
    }

    @Test
    void withNothingSentTimeoutAndNonBlockingFailAsPythonSays() throws Exception {
        try (Socket rx = raw()) {
            rx.setTimeout(Duration.ofMillis(100));
            assertThrows(WeftTimeoutException.class, () -> rx.recv(CanFrame.SIZE), "timeout mode: socket.timeout");
            rx.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> rx.recv(CanFrame.SIZE), "non-blocking: BlockingIOError");
            try (Socket tx = raw()) {
                tx.send(CanFrame.standard(0x42, new byte[0]).toBytes());
                CanFrame got = null;
                long end = System.nanoTime() + TestKit.BOUND.toNanos();
                while (got == null && System.nanoTime() < end) {
                    try {
                        got = CanFrame.of(rx.recv(CanFrame.SIZE));
                    } catch (WouldBlockException notYet) {
                        Thread.sleep(5);
                    }
                }
                assertEquals(CanFrame.standard(0x42, new byte[0]), got, "non-blocking: the frame once it is there");
            }
        }
    }

    @Test
    void bindingTheEmptyNameListensOnEveryInterfaceAndGetsockname() throws Exception {
        try (Socket any = Socket.open(Family.CAN, SocketType.RAW, CAN_RAW); Socket tx = raw()) {
            any.bind(SockAddr.Can.of(""));
            any.setTimeout(TestKit.BOUND);
            assertEquals(SockAddr.Can.of(""), any.getSockName(), "getsockname of ('',)");
            assertEquals(SockAddr.Can.of(IF), tx.getSockName(), "getsockname of ('vcan0',)");
            tx.send(CanFrame.standard(0x10, new byte[] {1}).toBytes());
            Socket.Received r = any.recvFrom(CanFrame.SIZE);
            assertEquals(SockAddr.Can.of(IF), r.address(), "the frame names the interface it came from");
        }
    }

    @Test
    void filtersPassOnlyMatchingIdsAndReadBack() throws Exception {
        try (Socket tx = raw(); Socket rx = raw()) {
            CanFilter[] only200 = {new CanFilter(0x200, CanFrame.SFF_MASK)};
            rx.setOption(SockOpt.CAN_RAW_FILTER, only200);
            assertArrayEquals(only200, rx.getOption(SockOpt.CAN_RAW_FILTER), "CAN_RAW_FILTER reads back");
            tx.send(CanFrame.standard(0x123, new byte[] {1}).toBytes());
            tx.send(CanFrame.standard(0x200, new byte[] {2}).toBytes());
            assertEquals(CanFrame.standard(0x200, new byte[] {2}), CanFrame.of(rx.recv(CanFrame.SIZE)),
                    "0x123 filtered out, 0x200 passed");
            CanFilter[] many = new CanFilter[128]; // 1 KiB: as many as an option value may hold
            for (int i = 0; i < many.length; i++) {
                many[i] = new CanFilter(0x300 + i, CanFrame.SFF_MASK);
            }
            rx.setOption(SockOpt.CAN_RAW_FILTER, many);
            assertArrayEquals(many, rx.getOption(SockOpt.CAN_RAW_FILTER), "128 filters set and read back");
            rx.setOption(SockOpt.CAN_RAW_FILTER, new CanFilter[0]);
            tx.send(CanFrame.standard(0x200, new byte[] {3}).toBytes());
            rx.setTimeout(Duration.ofMillis(200));
            assertThrows(WeftTimeoutException.class, () -> rx.recv(CanFrame.SIZE), "no filters: nothing received");
        }
    }

    @Test
    void fdFramesNeedTheOptionAndCarry64Bytes() throws Exception {
        try (Socket tx = raw(); Socket rx = raw()) {
            CanFdFrame fd = new CanFdFrame(0x321, CanFdFrame.BRS, HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(4)));
            IOException e = assertThrows(IOException.class, () -> tx.send(fd.toBytes()), "72 bytes without CAN_RAW_FD_FRAMES");
            assertEquals(Errno.EINVAL, ((OsError) e).errno());
            tx.setOption(SockOpt.CAN_RAW_FD_FRAMES, true);
            rx.setOption(SockOpt.CAN_RAW_FD_FRAMES, true);
            assertTrue(rx.getOption(SockOpt.CAN_RAW_FD_FRAMES));
            tx.send(fd.toBytes());
            byte[] got = rx.recv(CanFdFrame.SIZE);
            assertEquals(CanFdFrame.SIZE, got.length);
            CanFdFrame back = CanFdFrame.of(got);
            assertEquals(fd.canId(), back.canId());
            assertArrayEquals(fd.data(), back.data(), "all 64 bytes");
            assertEquals(CanFdFrame.BRS, back.flags() & CanFdFrame.BRS, "the bit-rate switch flag");
            tx.send(CanFrame.standard(0x1, new byte[] {1}).toBytes());
            assertEquals(CanFrame.SIZE, rx.recv(CanFdFrame.SIZE).length, "an FD socket still gets classic frames, 16 bytes");
        }
    }

    @Test
    void ownMessagesAndLoopbackOptions() throws Exception {
        try (Socket tx = raw(); Socket rx = raw()) {
            assertFalse(tx.getOption(SockOpt.CAN_RAW_RECV_OWN_MSGS), "off by default");
            tx.setOption(SockOpt.CAN_RAW_RECV_OWN_MSGS, true);
            CanFrame f = CanFrame.standard(0x55, new byte[] {5});
            tx.send(f.toBytes());
            assertEquals(f, CanFrame.of(tx.recv(CanFrame.SIZE)), "CAN_RAW_RECV_OWN_MSGS: the sender gets it back");
            assertEquals(f, CanFrame.of(rx.recv(CanFrame.SIZE)));
            assertTrue(tx.getOption(SockOpt.CAN_RAW_LOOPBACK), "on by default");
            tx.setOption(SockOpt.CAN_RAW_LOOPBACK, false);
            tx.send(f.toBytes());
            rx.setTimeout(Duration.ofMillis(200));
            assertThrows(WeftTimeoutException.class, () -> rx.recv(CanFrame.SIZE), "loopback off: no local socket sees it");
        }
    }

    @Test
    void bcmSendsOnceAndReportsAChangedFrameThroughTheTypedHead() throws Exception {
        int canBcm = Sockets.constant("CAN_BCM", 2);
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, canBcm, "CAN_BCM");
        try (Socket bcm = Socket.open(Family.CAN, SocketType.DGRAM, canBcm); Socket raw = raw()) {
            bcm.connect(SockAddr.Can.of(IF));
            bcm.setTimeout(TestKit.BOUND);
            CanFrame once = CanFrame.standard(0x321, new byte[] {(byte) 0xbe, (byte) 0xef});
            bcm.send(new CanBcmMessage(CanBcmMessage.TX_SEND, 0, 0, Duration.ZERO, Duration.ZERO, 0x321, List.of(once)).toBytes());
            assertEquals(once, CanFrame.of(raw.recv(CanFrame.SIZE)), "TX_SEND: the RAW socket sees the frame");
            bcm.send(CanBcmMessage.of(CanBcmMessage.RX_SETUP, CanBcmMessage.RX_FILTER_ID, 0x222).toBytes());
            CanFrame watched = CanFrame.standard(0x222, new byte[] {0x42});
            raw.send(watched.toBytes());
            CanBcmMessage m = CanBcmMessage.of(bcm.recv(4096));
            assertEquals(CanBcmMessage.RX_CHANGED, m.opcode(), "RX_SETUP, then RX_CHANGED: " + m);
            assertEquals(0x222, m.canId());
            assertEquals(List.of(watched), m.frames(), "with the frame received");
            CanFrame cyclic = CanFrame.standard(0x333, new byte[] {3});
            bcm.send(new CanBcmMessage(CanBcmMessage.TX_SETUP, CanBcmMessage.SETTIMER | CanBcmMessage.STARTTIMER, 2,
                    Duration.ofMillis(10), Duration.ZERO, 0x333, List.of(cyclic)).toBytes());
            assertEquals(cyclic, CanFrame.of(raw.recv(CanFrame.SIZE)), "TX_SETUP: first of two");
            assertEquals(cyclic, CanFrame.of(raw.recv(CanFrame.SIZE)), "TX_SETUP: second of two, ival1 later");
        }
        assertThrows(IllegalArgumentException.class, () -> new CanBcmMessage(CanBcmMessage.TX_SEND, CanBcmMessage.CAN_FD_FRAME, 0,
                Duration.ZERO, Duration.ZERO, 1, List.of(CanFrame.standard(1, new byte[0]))), "a classic frame with CAN_FD_FRAME");
    }

    @Test
    void isotpTakesItsRxTxFormAndCarriesAMultiFrameMessage() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_ISOTP, "CAN_ISOTP");
        try (Socket a = Socket.open(Family.CAN, SocketType.DGRAM, CAN_ISOTP);
                Socket b = Socket.open(Family.CAN, SocketType.DGRAM, CAN_ISOTP)) {
            a.bind(SockAddr.Can.isotp(IF, 0x701, 0x700));
            b.bind(SockAddr.Can.isotp(IF, 0x700, 0x701));
            b.setTimeout(TestKit.BOUND);
            SockAddr.Can name = (SockAddr.Can) b.getSockName();
            assertEquals(IF, name.ifname());
            assertEquals(0x700, name.rxId(), "getsockname's rx_id");
            assertEquals(0x701, name.txId(), "getsockname's tx_id");
            byte[] payload = TestKit.randomBytes(100, 18);
            var sender = TestKit.start(true, "isotp-send", () -> a.send(payload));
            assertArrayEquals(payload, b.recv(4096), "100 bytes: first frame, flow control, consecutive frames");
            assertEquals(100, sender.get());
        }
    }

    @Test
    void j1939TakesItsNamePgnAddrForm() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_J1939, "CAN_J1939");
        long noName = 0;
        int noPgn = Sockets.constant("J1939_NO_PGN", 0x40000);
        try (Socket a = Socket.open(Family.CAN, SocketType.DGRAM, CAN_J1939);
                Socket b = Socket.open(Family.CAN, SocketType.DGRAM, CAN_J1939)) {
            a.bind(SockAddr.Can.j1939(IF, noName, noPgn, 0x20));
            b.bind(SockAddr.Can.j1939(IF, noName, noPgn, 0x30));
            b.setTimeout(TestKit.BOUND);
            assertEquals(SockAddr.Can.j1939(IF, noName, noPgn, 0x30), b.getSockName());
            a.sendTo("hello".getBytes(), SockAddr.Can.j1939(IF, noName, 0xEF00, 0x30));
            Socket.Received r = b.recvFrom(64);
            assertArrayEquals("hello".getBytes(), r.data());
            SockAddr.Can from = (SockAddr.Can) r.address();
            assertEquals(0x20, from.addr(), "from the sender's address");
            assertEquals(0xEF00, from.pgn(), "with the PGN it was sent to");
        }
    }

    @Test
    void badInputIsAClearErrorAndLeaksNothing() throws Exception {
        TestKit.FdCounts before = TestKit.FdCounts.now();
        try (Socket s = Socket.open(Family.CAN, SocketType.RAW, CAN_RAW)) {
            IOException e = assertThrows(IOException.class, () -> s.bind(SockAddr.Can.of("nosuchcan0")));
            assertEquals(Errno.ENODEV, ((OsError) e).errno(), "an unknown interface, as CPython's SIOCGIFINDEX");
            s.bind(SockAddr.Can.of(IF));
            IOException tooLong = assertThrows(IOException.class, () -> s.send(new byte[CanFrame.SIZE + 1]));
            assertEquals(Errno.EINVAL, ((OsError) tooLong).errno(), "17 bytes is neither can_frame nor canfd_frame");
        }
        assertThrows(IllegalArgumentException.class, () -> CanFrame.standard(0x1, new byte[9]), "9 bytes in a can_frame");
        assertThrows(IllegalArgumentException.class, () -> new CanFdFrame(0x1, 0, new byte[65]), "65 in a canfd_frame");
        assertThrows(IllegalArgumentException.class, () -> CanFrame.standard(0x800, new byte[0]), "12 bits without EFF");
        assertThrows(IllegalArgumentException.class, () -> SockAddr.Can.of("an-interface-name-too-long"));
        TestKit.assertNoFdLeak(before);
    }
}
