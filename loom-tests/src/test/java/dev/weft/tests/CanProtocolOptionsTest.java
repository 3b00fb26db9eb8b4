package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CanFilter;
import dev.weft.CanFrame;
import dev.weft.CanIsotp;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.J1939Filter;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The options of CAN's transport protocols, typed ({@link CanIsotp}, {@link J1939Filter}):
 * their bytes are python3's {@code struct} packing of the same values and read back, and
 * each one changes what goes on {@code vcan0} as the kernel documents, seen by a
 * {@code CAN_RAW} socket.
 */
@Tag(KernelLane.TAG)
class CanProtocolOptionsTest {
    private static final int CAN_RAW = Sockets.constant("CAN_RAW", 1);
    private static final int CAN_ISOTP = Sockets.constant("CAN_ISOTP", 6);
    private static final int CAN_J1939 = Sockets.constant("CAN_J1939", 7);
    private static final int SOL_CAN_ISOTP = 106;
    private static final int NO_PGN = 0x40000;
    private static final String IF = "vcan0";

    @BeforeEach
    void needsVcan0() throws IOException {
        KernelLane.assumeSocket(Family.CAN, SocketType.RAW, CAN_RAW, "AF_CAN CAN_RAW");
        KernelLane.assumeInterface(IF);
    }

    private static Socket rawSeeing(int canId) throws IOException {
        Socket s = Socket.open(Family.CAN, SocketType.RAW, CAN_RAW);
        s.setOption(SockOpt.CAN_RAW_FILTER, new CanFilter[] {new CanFilter(canId, CanFrame.EFF_FLAG | CanFrame.EFF_MASK)});
        s.bind(SockAddr.Can.of(IF));
        s.setTimeout(KernelLane.scaled(TestKit.BOUND));
        return s;
    }

    @Test
    void isotpOptionsAreTheBytesPython3PacksAndReadBack() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_ISOTP, "CAN_ISOTP");
        String script = """
                import socket, struct
                s = socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_ISOTP)
                s.setsockopt(106, 1, struct.pack("=IIBBBB", 0x00c, 1000, 0x12, 0xaa, 0x55, 0x34))
                s.setsockopt(106, 2, struct.pack("=BBB", 8, 5, 3))
                s.setsockopt(106, 5, struct.pack("=BBB", 72, 64, 1))
                print(" ".join(s.getsockopt(106, o, n).hex() for o, n in ((1, 12), (2, 3), (5, 3))), flush=True)
                """;
        try (TestKit.Python py = TestKit.python(script); Socket s = Socket.open(Family.CAN, SocketType.DGRAM, CAN_ISOTP)) {
            var options = new CanIsotp.Options(CanIsotp.TX_PADDING | CanIsotp.RX_PADDING, 1000, 0x12, 0xAA, 0x55, 0x34);
            var fc = new CanIsotp.FlowControl(8, 5, 3);
            var ll = new CanIsotp.LinkLayer(72, 64, 1); // CANFD_MTU, 64-byte frames, CANFD_BRS
            assertEquals(CanIsotp.Options.DEFAULT, s.getOption(SockOpt.CAN_ISOTP_OPTS), "the kernel's defaults");
            assertEquals(CanIsotp.LinkLayer.CLASSIC, s.getOption(SockOpt.CAN_ISOTP_LL_OPTS));
            s.setOption(SockOpt.CAN_ISOTP_OPTS, options);
            s.setOption(SockOpt.CAN_ISOTP_RECV_FC, fc);
            s.setOption(SockOpt.CAN_ISOTP_LL_OPTS, ll);
            s.setOption(SockOpt.CAN_ISOTP_TX_STMIN, 500_000);
            assertEquals(new CanIsotp.Options(options.flags(), 1000, 0x12, 0xAA, 0x55, 0x12), s.getOption(SockOpt.CAN_ISOTP_OPTS),
                    "without CAN_ISOTP_RX_EXT_ADDR the kernel receives with ext_address: rx_ext_address reads back as it");
            assertEquals(fc, s.getOption(SockOpt.CAN_ISOTP_RECV_FC));
            assertEquals(ll, s.getOption(SockOpt.CAN_ISOTP_LL_OPTS));
            assertEquals(500_000, s.getOption(SockOpt.CAN_ISOTP_TX_STMIN));
            HexFormat hex = HexFormat.of();
            String weft = hex.formatHex(s.getSockOpt(SOL_CAN_ISOTP, 1, 12)) + " " + hex.formatHex(s.getSockOpt(SOL_CAN_ISOTP, 2, 3))
                    + " " + hex.formatHex(s.getSockOpt(SOL_CAN_ISOTP, 5, 3));
            assertEquals(py.firstLine, weft, "the kernel holds the bytes python3 packed with =IIBBBB and =BBB");
            IOException e = assertThrows(IOException.class, () -> s.setOption(SockOpt.CAN_ISOTP_LL_OPTS, new CanIsotp.LinkLayer(72, 13, 0)));
            assertEquals(Errno.EINVAL, ((OsError) e).errno(), "13 is no CAN FD data length");
        }
        assertThrows(IllegalArgumentException.class, () -> new CanIsotp.FlowControl(256, 0, 0), "one byte");
    }

    @Test
    void txPaddingFillsEverySentFrameWithItsByte() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_ISOTP, "CAN_ISOTP");
        try (Socket raw = rawSeeing(0x7E0);
                Socket padded = Socket.open(Family.CAN, SocketType.DGRAM, CAN_ISOTP);
                Socket plain = Socket.open(Family.CAN, SocketType.DGRAM, CAN_ISOTP)) {
            padded.setOption(SockOpt.CAN_ISOTP_OPTS, CanIsotp.Options.DEFAULT.withTxPadding(0xA5));
            padded.bind(SockAddr.Can.isotp(IF, 0x7E8, 0x7E0));
            plain.bind(SockAddr.Can.isotp(IF, 0x7E9, 0x7E0));
            padded.send(new byte[] {1, 2, 3});
            assertEquals(CanFrame.standard(0x7E0, new byte[] {3, 1, 2, 3, (byte) 0xA5, (byte) 0xA5, (byte) 0xA5, (byte) 0xA5}),
                    CanFrame.of(raw.recv(CanFrame.SIZE)), "a single frame (PCI 0x03), padded to 8 bytes with 0xA5");
            plain.send(new byte[] {1, 2, 3});
            assertEquals(CanFrame.standard(0x7E0, new byte[] {3, 1, 2, 3}), CanFrame.of(raw.recv(CanFrame.SIZE)), "unpadded: 4 bytes");
        }
    }

    /** The priority is the top three bits of the 29-bit id a J1939 message goes out with. */
    @Test
    void j1939SendPriorityIsTheFrameIdsTopBitsAndOptionsReadBack() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_J1939, "CAN_J1939");
        int expectedId = 3 << 26 | 0xEF30 << 8 | 0x20; // priority 3, PGN 0xEF00 to address 0x30, from 0x20
        try (Socket raw = rawSeeing(CanFrame.EFF_FLAG | expectedId); Socket j = Socket.open(Family.CAN, SocketType.DGRAM, CAN_J1939)) {
            j.bind(SockAddr.Can.j1939(IF, 0, NO_PGN, 0x20));
            assertEquals(6, j.getOption(SockOpt.SO_J1939_SEND_PRIO), "the kernel's default");
            j.setOption(SockOpt.SO_J1939_SEND_PRIO, 3);
            assertEquals(3, j.getOption(SockOpt.SO_J1939_SEND_PRIO));
            IOException e = assertThrows(IOException.class, () -> j.setOption(SockOpt.SO_J1939_SEND_PRIO, 8));
            assertEquals(Errno.EDOM, ((OsError) e).errno(), "priorities are 0-7: the kernel says EDOM");
            assertFalse(j.getOption(SockOpt.SO_J1939_PROMISC));
            // 6.1's setsockopt returns the flag's value, 1, for these: success all the same, as for CPython.
            j.setOption(SockOpt.SO_J1939_PROMISC, true);
            assertTrue(j.getOption(SockOpt.SO_J1939_PROMISC));
            j.setOption(SockOpt.SO_J1939_ERRQUEUE, true);
            assertTrue(j.getOption(SockOpt.SO_J1939_ERRQUEUE));
            j.sendTo(new byte[] {7}, SockAddr.Can.j1939(IF, 0, 0xEF00, 0x30));
            CanFrame f = CanFrame.of(raw.recv(CanFrame.SIZE));
            assertEquals(expectedId, f.id(), "id 0x" + Integer.toHexString(f.id()));
            assertArrayEquals(new byte[] {7}, f.data());
        }
    }

    @Test
    void j1939FiltersPassOnlyTheirPgnUntilRemoved() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_J1939, "CAN_J1939");
        try (Socket tx = Socket.open(Family.CAN, SocketType.DGRAM, CAN_J1939); Socket rx = Socket.open(Family.CAN, SocketType.DGRAM, CAN_J1939)) {
            tx.bind(SockAddr.Can.j1939(IF, 0, NO_PGN, 0x20));
            rx.bind(SockAddr.Can.j1939(IF, 0, NO_PGN, 0x30));
            rx.setTimeout(KernelLane.scaled(TestKit.BOUND));
            rx.setOption(SockOpt.SO_J1939_FILTER, new J1939Filter[] {J1939Filter.pgn(0xEF00)});
            tx.sendTo("first".getBytes(), SockAddr.Can.j1939(IF, 0, 0xDF00, 0x30));
            tx.sendTo("second".getBytes(), SockAddr.Can.j1939(IF, 0, 0xEF00, 0x30));
            assertArrayEquals("second".getBytes(), rx.recv(64), "PGN 0xDF00 filtered out, 0xEF00 passed");
            rx.setOption(SockOpt.SO_J1939_FILTER, new J1939Filter[0]);
            tx.sendTo("third".getBytes(), SockAddr.Can.j1939(IF, 0, 0xDF00, 0x30));
            assertArrayEquals("third".getBytes(), rx.recv(64), "no filters: everything to 0x30 again");
            IOException e = assertThrows(IOException.class, () -> rx.getOption(SockOpt.SO_J1939_FILTER));
            assertTrue(e instanceof OsError o && o.errno() == Errno.ENOPROTOOPT || e.getMessage().contains("write-only"),
                    "the kernel has no getsockopt for filters: " + e);
        }
    }
}
