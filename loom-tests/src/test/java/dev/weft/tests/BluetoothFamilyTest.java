package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.HciFilter;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketConstants;
import dev.weft.SocketType;
import dev.weft.WeftTimeoutException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_BLUETOOTH} in the lane's kernel: a python3 helper makes a controller on
 * {@code /dev/vhci} that answers every command with Command Complete (the kernel's init and
 * {@code HCIDEVUP} need one), then a weft HCI raw socket bound to {@code (dev_id,)} with a
 * pass-all {@code HCI_FILTER} sends Read Local Name and gets its Command Complete, parked
 * in the poller (blocking mode) and in timeout mode, which then times out. L2CAP and RFCOMM
 * sockets bind to {@code BDADDR_ANY} and getsockname gives the same address back.
 */
@Tag(KernelLane.TAG)
class BluetoothFamilyTest {
    @BeforeEach
    void needsBluetooth() throws IOException {
        KernelLane.assumeSocket(Family.BLUETOOTH, SocketType.RAW, SocketConstants.BTPROTO_HCI, "AF_BLUETOOTH");
    }

    private static final String CONTROLLER = """
            import os, socket as S, struct, sys, threading, time, fcntl
            vhci = os.open("/dev/vhci", os.O_RDWR)
            os.write(vhci, b"\\xff\\x00")
            hdr = os.read(vhci, 4)
            dev = struct.unpack_from("<H", hdr, 2)[0]
            def controller():
                while True:
                    pkt = os.read(vhci, 1024)
                    if not pkt or pkt[0] != 0x01:
                        continue
                    op = struct.unpack_from("<H", pkt, 1)[0]
                    params = b"\\x00" + bytes(248)
                    if op == 0x1009: params = b"\\x00" + bytes.fromhex("665544332211")
                    elif op == 0x1001: params = b"\\x00\\x06" + bytes(7)
                    elif op == 0x1005: params = b"\\x00" + struct.pack("<HBHH", 1021, 64, 8, 8)
                    ev = struct.pack("<BH", 1, op) + params
                    os.write(vhci, bytes([0x04, 0x0E, len(ev)]) + ev)
            threading.Thread(target=controller, daemon=True).start()
            with S.socket(S.AF_BLUETOOTH, S.SOCK_RAW, S.BTPROTO_HCI) as ctl:
                for _ in range(100):
                    try:
                        fcntl.ioctl(ctl.fileno(), 0x400448C9, dev); break
                    except OSError as e:
                        if e.errno == 114: break
                        if e.errno != 16: raise
                        time.sleep(0.2)
            print(dev, flush=True)
            sys.stdin.read()
            """;

    /** HCI_FILTER's struct hci_filter: type mask, two event-mask words, opcode 0 (any). */
    private static byte[] passAll() {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(-1).putInt(-1).putShort((short) 0).array();
    }

    private static final byte[] READ_LOCAL_NAME = {0x01, 0x14, 0x0c, 0x00};

    /** Reads until the Command Complete event (04 0e len ncmd opcode) of Read Local Name. */
    private static byte[] commandComplete(Socket h) throws IOException {
        for (int i = 0; i < 100; i++) {
            byte[] ev = h.recv(300);
            if (ev.length >= 6 && ev[0] == 0x04 && ev[1] == 0x0e && ev[4] == 0x14 && ev[5] == 0x0c) {
                return ev;
            }
        }
        throw new AssertionError("no Command Complete for Read Local Name in 100 events");
    }

    @Test
    void anHciCommandIsAnsweredThroughWeftInBlockingAndTimeoutModes() throws Exception {
        if (!Files.exists(Path.of("/dev/vhci"))) {
            KernelLane.absent("no /dev/vhci (hci_vhci)");
        }
        try (TestKit.Python py = TestKit.python(CONTROLLER);
                Socket h = Socket.open(Family.BLUETOOTH, SocketType.RAW, SocketConstants.BTPROTO_HCI)) {
            int dev = Integer.parseInt(py.firstLine.trim());
            h.bind(SockAddr.Bluetooth.hci(dev));
            assertEquals(SockAddr.Bluetooth.hci(dev), h.getSockName(), "getsockname gives (dev_id,)");
            h.setOption(SockOpt.HCI_FILTER, HciFilter.ALL);
            assertArrayEquals(passAll(), h.getSockOpt(SocketConstants.SOL_HCI, SocketConstants.HCI_FILTER, HciFilter.SIZE),
                    "HciFilter.ALL is the kernel's hci_ufilter packed <IIIH2x");
            // Only Command Complete and Command Status events: what commandComplete() waits for still comes.
            HciFilter commandEvents = HciFilter.NONE.withPacketType(HciFilter.EVENT_PKT).withEvent(HciFilter.EVT_CMD_COMPLETE)
                    .withEvent(HciFilter.EVT_CMD_STATUS);
            h.setOption(SockOpt.HCI_FILTER, commandEvents);
            assertEquals(commandEvents, h.getOption(SockOpt.HCI_FILTER), "read back");
            h.setOption(SockOpt.HCI_DATA_DIR, true);
            h.setOption(SockOpt.HCI_TIME_STAMP, true);
            assertTrue(h.getOption(SockOpt.HCI_DATA_DIR) && h.getOption(SockOpt.HCI_TIME_STAMP));

            h.setTimeout(null); // blocking: the reader parks in the poller until the event comes
            CompletableFuture<byte[]> blocking = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    blocking.complete(commandComplete(h));
                } catch (Throwable t) {
                    blocking.completeExceptionally(t);
                }
            });
            Thread.sleep(50);
            assertEquals(READ_LOCAL_NAME.length, h.send(READ_LOCAL_NAME));
            byte[] ev = blocking.get(KernelLane.scaled(Duration.ofSeconds(10)).toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(0, ev[6], "status 0 from the fake controller");

            h.setTimeout(KernelLane.scaled(Duration.ofSeconds(5)));
            h.send(READ_LOCAL_NAME);
            commandComplete(h);
            h.setTimeout(KernelLane.scaled(Duration.ofMillis(300)));
            assertThrows(WeftTimeoutException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    h.recv(300); // anything left over, then socket.timeout
                }
            }, "timeout mode: socket.timeout once nothing comes");
            h.setBlocking(false);
            assertThrows(dev.weft.WouldBlockException.class, () -> h.recv(300), "non-blocking: BlockingIOError");
        }
    }

    @Test
    void l2capAndRfcommBindToBdaddrAnyAndReadItBack() throws Exception {
        try (Socket l2 = Socket.open(Family.BLUETOOTH, SocketType.SEQPACKET, SocketConstants.BTPROTO_L2CAP);
                Socket rc = Socket.open(Family.BLUETOOTH, SocketType.STREAM, SocketConstants.BTPROTO_RFCOMM)) {
            SockAddr.Bluetooth l2addr = SockAddr.Bluetooth.l2cap(SockAddr.Bluetooth.BDADDR_ANY, 0x1001);
            l2.bind(l2addr);
            assertEquals(l2addr, l2.getSockName());
            SockAddr.Bluetooth rcaddr = SockAddr.Bluetooth.rfcomm(SockAddr.Bluetooth.BDADDR_ANY, 7);
            rc.bind(rcaddr);
            assertEquals(rcaddr, rc.getSockName());
            assertTrue(rc.getSockName().toString().startsWith("bluetooth-rfcomm("));
        }
    }
}
