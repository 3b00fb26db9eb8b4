package dev.weft.examples;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The seed's program 4: a CAN raw socket on {@code vcan0} that echoes each frame it gets
 * and sends one of its own, packing and unpacking {@code struct can_frame} as the seed's
 * {@code "=IB3x8s"} does; and the {@code CAN_BCM} variant (a cyclic transmission set up
 * with {@code TX_SETUP}). Needs a kernel with {@code AF_CAN} and a {@code vcan0}: it runs
 * in the QEMU lane, not on a kernel without CAN.
 *
 * <p>weft has no typed {@code SockAddr} for AF_CAN yet (it comes with the family's own
 * work, proven in the lane): the address {@code (interface,)} is passed as
 * {@link SockAddr.Raw}, {@code struct sockaddr_can}'s bytes after its family field.
 *
 * <pre>
 * java ... dev.weft.examples.CanEcho [interface=vcan0] [frames=forever] [bcm]
 * </pre>
 */
public final class CanEcho {
    private CanEcho() {}

    /** {@code "=IB3x8s"}: can_id, can_dlc, 3 pad bytes, 8 data bytes; native byte order. */
    static final int CAN_FRAME_SIZE = 16;

    /** The seed's {@code build_can_frame}. */
    static byte[] buildCanFrame(int canId, byte[] data) {
        if (data.length > 8) {
            throw new IllegalArgumentException("a can_frame carries at most 8 bytes, not " + data.length);
        }
        return ByteBuffer.allocate(CAN_FRAME_SIZE).order(ByteOrder.nativeOrder()).putInt(canId).put((byte) data.length)
                .put(new byte[3]).put(Arrays.copyOf(data, 8)).array();
    }

    /** The seed's {@code dissect_can_frame}: (can_id, can_dlc, data[:can_dlc]). */
    record Dissected(int canId, int canDlc, byte[] data) {
        @Override
        public String toString() {
            return String.format("can_id=%x, can_dlc=%x, data=%s", canId, canDlc, Repr.bytes(data));
        }
    }

    static Dissected dissectCanFrame(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.nativeOrder());
        int id = b.getInt(0);
        int dlc = b.get(4) & 0xff;
        return new Dissected(id, dlc, Arrays.copyOfRange(frame, 8, 8 + Math.min(dlc, 8)));
    }

    /** {@code (interface,)} as {@code struct sockaddr_can}'s bytes after the family: pad, ifindex, an empty union. */
    static SockAddr canAddress(String ifname) throws IOException {
        int index = Sockets.ifNameToIndex(ifname);
        if (index == 0) {
            throw new IOException("no interface " + ifname);
        }
        byte[] body = ByteBuffer.allocate(22).order(ByteOrder.nativeOrder()).putShort((short) 0).putInt(index).array();
        return new SockAddr.Raw(Sockets.constant("AF_CAN", -1), body);
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
     * The CAN_BCM variant: connect to the interface, then one {@code TX_SETUP} sending
     * frame 0x123 three times 100 ms apart ({@code SETTIMER | STARTTIMER}, count 3, ival1).
     * {@code struct bcm_msg_head} on 64-bit Linux: opcode, flags, count, 4 pad bytes,
     * ival1 and ival2 ({@code struct bcm_timeval}: two longs each), can_id, nframes, then the frames.
     */
    static void bcm(String ifname) throws IOException {
        try (Socket s = Socket.open(Family.CAN, SocketType.DGRAM, Sockets.constant("CAN_BCM", 2))) {
            s.connect(canAddress(ifname));
            int flags = Sockets.constant("CAN_BCM_SETTIMER", 1) | Sockets.constant("CAN_BCM_STARTTIMER", 2);
            ByteBuffer m = ByteBuffer.allocate(56 + CAN_FRAME_SIZE).order(ByteOrder.nativeOrder());
            m.putInt(0, Sockets.constant("CAN_BCM_TX_SETUP", 1)).putInt(4, flags).putInt(8, 3);
            m.putLong(16, 0).putLong(24, 100_000); // ival1: 100 ms, for the first `count` frames
            m.putLong(32, 0).putLong(40, 0); // ival2: 0, then stop
            m.putInt(48, 0x123).putInt(52, 1);
            m.put(56, buildCanFrame(0x123, new byte[] {0x11, 0x22, 0x33}));
            s.send(m.array());
            System.out.println("TX_SETUP: can_id=123 three times, 100 ms apart, on " + ifname);
        }
    }
}
