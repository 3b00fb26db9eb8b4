package dev.weft.tests;

import static dev.weft.tests.AddressesAsPythonReadsThemTest.bindTheory;
import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link AddressesAsPythonReadsThemTest} for the families only the kernel lane's guest has:
 * every address form through bind and getsockname (VSOCK, CAN's three, L2CAP, RFCOMM) or
 * through a datagram's {@code recvfrom} both ways (TIPC's socket ids, QIPCRTR's node and
 * port), against python3 in the same guest. Draws include addresses the kernel refuses:
 * then both must fail with the same errno. AF_ALG sockets have no getsockname (their form is
 * proven by bind in {@code AlgFamilyTest}).
 */
@Tag(KernelLane.TAG)
class LaneAddressesAsPythonReadsThemTest {
    private static final int CAN_RAW = Sockets.constant("CAN_RAW", 1);
    private static final int CAN_ISOTP = Sockets.constant("CAN_ISOTP", 6);
    private static final int CAN_J1939 = Sockets.constant("CAN_J1939", 7);
    private static final int BTPROTO_L2CAP = Sockets.constant("BTPROTO_L2CAP", 0);
    private static final int BTPROTO_RFCOMM = Sockets.constant("BTPROTO_RFCOMM", 3);
    private static final int BTPROTO_SCO = Sockets.constant("BTPROTO_SCO", 2);
    private static final int BTPROTO_HCI = Sockets.constant("BTPROTO_HCI", 1);
    /** Each property's examples: the guest's JVM is about 25x slower than this machine's. */
    private static final int EXAMPLES = 40;

    @RegisterExtension
    static final PythonAddresses.PerClass PYTHON = new PythonAddresses.PerClass();

    /** {@code (cid, port)} with the any, local and host CIDs and explicit ports (VMADDR_PORT_ANY would let each choose). */
    @Test
    void vsockNamesBoundAreThoseCPythonReadsBack() throws Exception {
        KernelLane.assumeSocket(Family.VSOCK, SocketType.STREAM, 0, "AF_VSOCK");
        bindTheory(EXAMPLES, r -> new SockAddr.Vsock(List.of(-1, 1, 2, 1 + r.nextInt(1000)).get(r.nextInt(4)),
                r.nextBoolean() ? 1 + r.nextInt(1 << 16) : r.nextInt(Integer.MAX_VALUE - 1) + 1),
                (r, a) -> PYTHON.get().bindBoth(Family.VSOCK, r.nextBoolean() ? SocketType.STREAM : SocketType.SEQPACKET, 0, a));
    }

    /** CAN_RAW's {@code (interface,)} on vcan0, vcan1 or every interface. */
    @Test
    void canRawNamesBoundAreThoseCPythonReadsBack() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.RAW, CAN_RAW, "AF_CAN");
        KernelLane.assumeInterface("vcan0");
        bindTheory(EXAMPLES / 2, r -> SockAddr.Can.of(ifname(r)), (r, a) -> PYTHON.get().bindBoth(Family.CAN, SocketType.RAW, CAN_RAW, a));
    }

    /** ISOTP's {@code (interface, rx_id, tx_id)}, standard and extended ids, some the kernel refuses. */
    @Test
    void isotpNamesBoundAreThoseCPythonReadsBack() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_ISOTP, "CAN_ISOTP");
        KernelLane.assumeInterface("vcan0");
        bindTheory(EXAMPLES, r -> SockAddr.Can.isotp(ifname(r), canId(r), canId(r)),
                (r, a) -> PYTHON.get().bindBoth(Family.CAN, SocketType.DGRAM, CAN_ISOTP, a));
    }

    /** J1939's {@code (interface, name, pgn, addr)}: J1939_NO_NAME/NO_PGN/NO_ADDR and any others. */
    @Test
    void j1939NamesBoundAreThoseCPythonReadsBack() throws Exception {
        KernelLane.assumeSocket(Family.CAN, SocketType.DGRAM, CAN_J1939, "CAN_J1939");
        KernelLane.assumeInterface("vcan0");
        bindTheory(EXAMPLES, r -> SockAddr.Can.j1939(ifname(r), r.nextBoolean() ? 0 : r.nextLong(),
                switch (r.nextInt(4)) {
                    case 0 -> 0x40000; // J1939_NO_PGN
                    case 1 -> r.nextInt(0x40000) & ~0xFF | 0xF000; // a PDU2 group: any low byte is allowed
                    case 2 -> r.nextInt(0x40000);
                    default -> r.nextInt();
                }, r.nextBoolean() ? 0xFF : r.nextInt(256)),
                (r, a) -> PYTHON.get().bindBoth(Family.CAN, SocketType.DGRAM, CAN_J1939, a));
    }

    /**
     * L2CAP's {@code (bdaddr, psm)}, RFCOMM's {@code (bdaddr, channel)} and SCO's
     * {@code bdaddr}, valid and invalid ports; HCI's {@code (dev_id,)} with no controller
     * ({@code HCI_DEV_NONE} binds, then getsockname fails alike; another id is refused alike).
     */
    @Test
    void bluetoothNamesBoundAreThoseCPythonReadsBack() throws Exception {
        KernelLane.assumeSocket(Family.BLUETOOTH, SocketType.SEQPACKET, BTPROTO_L2CAP, "Bluetooth L2CAP");
        bindTheory(EXAMPLES, r -> {
            String bdaddr = r.nextBoolean() ? SockAddr.Bluetooth.BDADDR_ANY
                    : java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(randomBytes(r, 6));
            return switch (r.nextInt(6)) {
                case 0, 1 -> SockAddr.Bluetooth.l2cap(bdaddr, r.nextBoolean() ? 0x1001 + 2 * r.nextInt(0x3000) : r.nextInt(0x10000));
                case 2, 3 -> SockAddr.Bluetooth.rfcomm(bdaddr, r.nextBoolean() ? 1 + r.nextInt(30) : r.nextInt(256));
                case 4 -> SockAddr.Bluetooth.sco(bdaddr);
                default -> SockAddr.Bluetooth.hci(r.nextBoolean() ? 0xFFFF : r.nextInt(4)); // HCI_DEV_NONE, or hci0-3
            };
        }, (r, a) -> switch (a.protocol()) {
            case SockAddr.Bluetooth.L2CAP -> PYTHON.get().bindBoth(Family.BLUETOOTH, SocketType.SEQPACKET, BTPROTO_L2CAP, a);
            case SockAddr.Bluetooth.RFCOMM -> PYTHON.get().bindBoth(Family.BLUETOOTH, SocketType.STREAM, BTPROTO_RFCOMM, a);
            case SockAddr.Bluetooth.SCO -> PYTHON.get().bindBoth(Family.BLUETOOTH, SocketType.SEQPACKET, BTPROTO_SCO, a);
            default -> PYTHON.get().bindBoth(Family.BLUETOOTH, SocketType.RAW, BTPROTO_HCI, a);
        });
    }

    /**
     * python3's RDM socket bound to a name sequence, weft's to another: python3's recvfrom
     * names weft's socket id as weft's getsockname does, and weft's recvFrom of the answer
     * names python3's.
     */
    @Test
    void tipcSocketIdsAreReadTheSameBothWays() throws Exception {
        KernelLane.assumeSocket(Family.TIPC, SocketType.RDM, 0, "AF_TIPC");
        exchangeTheory(r -> PYTHON.get().exchange(Family.TIPC, SocketType.RDM, 0, nameSeq(r), nameSeq(r),
                n -> new SockAddr.Tipc((int) n[0], (int) n[1], (int) n[2], (int) n[3], (int) n[4])));
    }

    /** QIPCRTR's {@code (node, port)} on the local node: a port of the kernel's choosing, or one weft names. */
    @Test
    void qipcrtrAddressesAreReadTheSameBothWays() throws Exception {
        KernelLane.assumeSocket(Family.QIPCRTR, SocketType.DGRAM, 0, "AF_QIPCRTR");
        int node;
        try (Socket s = Socket.open(Family.QIPCRTR, SocketType.DGRAM)) {
            node = ((SockAddr.Qipcrtr) s.getSockName()).node();
        }
        exchangeTheory(r -> PYTHON.get().exchange(Family.QIPCRTR, SocketType.DGRAM, 0, new SockAddr.Qipcrtr(node, 0),
                new SockAddr.Qipcrtr(node, r.nextBoolean() ? 0 : 0x4000 + r.nextInt(1 << 20)),
                n -> new SockAddr.Qipcrtr((int) n[0], (int) n[1])));
    }

    private interface Exchange {
        void run(RandomGenerator r) throws IOException;
    }

    private static void exchangeTheory(Exchange trip) {
        theory(EXAMPLES / 2).forAll(gen(r -> r.nextLong())).checkAssert(seed -> {
            long fds = PropertySupport.openFds();
            try {
                trip.run(new java.util.SplittableRandom(seed.value()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            PropertySupport.assertNoFdLeft(fds);
        });
    }

    /** A name sequence of a user type (types below 64 are the kernel's), in cluster or node scope. */
    private static SockAddr.Tipc nameSeq(RandomGenerator r) {
        int lower = r.nextInt(1 << 20);
        return new SockAddr.Tipc(SockAddr.Tipc.NAMESEQ, 64 + r.nextInt(1 << 24), lower, lower + r.nextInt(100), 2 + r.nextInt(2));
    }

    private static String ifname(RandomGenerator r) {
        return List.of("vcan0", "vcan1", "").get(r.nextInt(3));
    }

    /** A standard id, an extended one (CAN_EFF_FLAG), or any 32 bits. */
    private static int canId(RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.nextInt(0x800);
            case 1 -> 0x8000_0000 | r.nextInt(0x2000_0000);
            default -> r.nextInt();
        };
    }

    private static byte[] randomBytes(RandomGenerator r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
