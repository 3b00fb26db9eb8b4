package dev.weft.examples;

import dev.weft.CanBcmMessage;
import dev.weft.CanFrame;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The seed's program 4: a CAN raw socket on {@code vcan0} that echoes each frame it gets
 * and sends one of its own, packing and unpacking {@code struct can_frame} as the seed's
 * {@code "=IB3x8s"} does; and the {@code CAN_BCM} variant (a cyclic transmission set up
 * with {@code TX_SETUP}). Needs a kernel with {@code AF_CAN} and a {@code vcan0}: it runs
 * in the QEMU lane, not on a kernel without CAN.
 *
 * <p>The seed's {@code build_can_frame}/{@code dissect_can_frame} keep their names and
 * output; the packing itself is weft's typed {@link CanFrame} ({@code "=IB3x8s"}), and the
 * address {@code (interface,)} is {@link SockAddr.Can#of}.
 *
 * <pre>
 * java ... dev.weft.examples.CanEcho [interface=vcan0] [frames=forever] [bcm]
 * </pre>
 */
public final class CanEcho {
    private CanEcho() {}

    /** {@code "=IB3x8s"}: can_id, can_dlc, 3 pad bytes, 8 data bytes; native byte order. */
    static final int CAN_FRAME_SIZE = CanFrame.SIZE;

    /** The seed's {@code build_can_frame}: {@link CanFrame} packs it (at most 8 bytes, a clear error beyond). */
    static byte[] buildCanFrame(int canId, byte[] data) {
        return new CanFrame(canId, data).toBytes();
    }

    /** The seed's {@code dissect_can_frame}: (can_id, can_dlc, data[:can_dlc]). */
    record Dissected(int canId, int canDlc, byte[] data) {
        @Override
        public String toString() {
            return String.format("can_id=%x, can_dlc=%x, data=%s", canId, canDlc, Repr.bytes(data));
        }
    }

    static Dissected dissectCanFrame(byte[] frame) {
        CanFrame f = CanFrame.of(frame);
        return new Dissected(f.canId(), f.data().length, f.data());
    }

    /** {@code (interface,)}: an unknown interface fails bind with {@code ENODEV}, as in CPython. */
    static SockAddr canAddress(String ifname) {
        return SockAddr.Can.of(ifname);
    }

    public static void main(String[] args) throws Exception {
        String ifname = args.length > 0 ? args[0] : "vcan0";
        long frames = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        if (args.length > 2 && args[2].equals("bcm")) {
            bcm(ifname);
            return;
        }
        try (Socket s = Socket.open(Family.CAN, SocketType.RAW, Sockets.constant("CAN_RAW", 1))) {
            s.bind(canAddress(ifname));
            for (long n = 0; n < frames; n++) {
                byte[] cf = s.recvFrom(CAN_FRAME_SIZE).data();
                System.out.println("Received: " + dissectCanFrame(cf));
                try {
                    s.send(cf);
                } catch (IOException e) {
                    System.out.println("Error sending CAN frame");
                }
                try {
                    s.send(buildCanFrame(0x01, new byte[] {1, 2, 3}));
                } catch (IOException e) {
                    System.out.println("Error sending CAN frame");
                }
            }
        }
    }

    /**
     * The CAN_BCM variant: connect to the interface, then one {@code TX_SETUP} sending frame
     * 0x123 three times 100 ms apart ({@code SETTIMER | STARTTIMER | TX_COUNTEVT}, count 3,
     * ival1), then wait for the kernel's {@code TX_EXPIRED} (closing the socket earlier would
     * delete the job). {@link CanBcmMessage} is {@code struct bcm_msg_head} and its frames.
     */
    static void bcm(String ifname) throws IOException {
        try (Socket s = Socket.open(Family.CAN, SocketType.DGRAM, Sockets.constant("CAN_BCM", 2))) {
            s.connect(canAddress(ifname));
            int flags = CanBcmMessage.SETTIMER | CanBcmMessage.STARTTIMER | Sockets.constant("CAN_BCM_TX_COUNTEVT", 4);
            s.send(new CanBcmMessage(CanBcmMessage.TX_SETUP, flags, 3, Duration.ofMillis(100), Duration.ZERO, 0x123,
                    List.of(CanFrame.standard(0x123, new byte[] {0x11, 0x22, 0x33}))).toBytes());
            System.out.println("TX_SETUP: can_id=123 three times, 100 ms apart, on " + ifname);
            s.setTimeout(Duration.ofSeconds(30));
            CanBcmMessage done = CanBcmMessage.of(s.recv(4096));
            System.out.println(done.opcode() == CanBcmMessage.TX_EXPIRED ? "TX_EXPIRED: sent three times" : "BCM: " + done);
        }
    }
}
