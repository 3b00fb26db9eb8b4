package dev.weft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code CAN_BCM} message, Linux's {@code struct bcm_msg_head} followed by its frames, so
 * that nobody packs {@code "@3I4l2I0q"} by hand. On the 64-bit ABIs weft runs on the head is 56
 * bytes: {@code opcode}, {@code flags}, {@code count}, 4 pad bytes, {@code ival1} and
 * {@code ival2} (each {@code struct bcm_timeval}: seconds and microseconds, 8 bytes each),
 * {@code can_id}, {@code nframes}; then {@code nframes} {@link CanFrame}s (16 bytes each), or
 * {@link CanFdFrame}s (72 bytes) when {@code flags} has {@code CAN_FD_FRAME} (0x800).
 *
 * <pre>{@code
 * try (Socket bcm = Socket.open(Family.CAN, SocketType.DGRAM, Sockets.constant("CAN_BCM", 2))) {
 *     bcm.connect(SockAddr.Can.of("vcan0"));
 *     bcm.send(new CanBcmMessage(CanBcmMessage.TX_SETUP, CanBcmMessage.SETTIMER | CanBcmMessage.STARTTIMER, 3,
 *             Duration.ofMillis(100), Duration.ZERO, 0x123, List.of(CanFrame.standard(0x123, new byte[] {1}))).toBytes());
 *     CanBcmMessage m = CanBcmMessage.of(bcm.recv(4096));   // e.g. RX_CHANGED with the frame
 * }
 * }</pre>
 *
 * @param opcode {@code TX_SETUP}, {@code RX_SETUP}, {@code RX_CHANGED}... ({@code CAN_BCM_*})
 * @param flags  {@code SETTIMER}, {@code STARTTIMER}, {@code RX_FILTER_ID}...
 * @param count  how many frames go at {@code ival1} before {@code ival2} takes over
 * @param ival1  the first interval (microsecond resolution)
 * @param ival2  the second interval
 * @param canId  the identifier the message is about
 * @param frames {@link CanFrame}s, or {@link CanFdFrame}s with {@link #CAN_FD_FRAME}
 */
public record CanBcmMessage(int opcode, int flags, int count, Duration ival1, Duration ival2, int canId, List<?> frames) {
    /** {@code sizeof(struct bcm_msg_head)} on LP64. */
    public static final int HEAD_SIZE = 56;
    /** {@code TX_SETUP}: create or change a cyclic transmission. */
    public static final int TX_SETUP = 1;
    /** {@code TX_DELETE}. */
    public static final int TX_DELETE = 2;
    /** {@code TX_READ}. */
    public static final int TX_READ = 3;
    /** {@code TX_SEND}: send the frames once. */
    public static final int TX_SEND = 4;
    /** {@code RX_SETUP}: create or change a receive filter. */
    public static final int RX_SETUP = 5;
    /** {@code RX_DELETE}. */
    public static final int RX_DELETE = 6;
    /** {@code RX_READ}. */
    public static final int RX_READ = 7;
    /** {@code TX_STATUS}: the answer to {@code TX_READ}. */
    public static final int TX_STATUS = 8;
    /** {@code TX_EXPIRED}: a counted transmission ended. */
    public static final int TX_EXPIRED = 9;
    /** {@code RX_STATUS}: the answer to {@code RX_READ}. */
    public static final int RX_STATUS = 10;
    /** {@code RX_TIMEOUT}: a cyclic message stopped arriving. */
    public static final int RX_TIMEOUT = 11;
    /** {@code RX_CHANGED}: a received frame differs from the last one. */
    public static final int RX_CHANGED = 12;
    /** {@code SETTIMER}: take {@code ival1}, {@code ival2} and {@code count}. */
    public static final int SETTIMER = 0x0001;
    /** {@code STARTTIMER}: start the timer now. */
    public static final int STARTTIMER = 0x0002;
    /** {@code RX_FILTER_ID}: filter by {@code can_id} alone, no frame content. */
    public static final int RX_FILTER_ID = 0x0020;
    /** {@code CAN_FD_FRAME}: the frames are {@code canfd_frame}s. */
    public static final int CAN_FD_FRAME = 0x0800;

    /** Checks the frames' kind against {@link #CAN_FD_FRAME} and the intervals; copies the list. */
    public CanBcmMessage {
        Objects.requireNonNull(ival1, "ival1");
        Objects.requireNonNull(ival2, "ival2");
        if (ival1.isNegative() || ival2.isNegative()) {
            throw new IllegalArgumentException("BCM intervals must not be negative: " + ival1 + ", " + ival2);
        }
        frames = List.copyOf(frames);
        Class<?> kind = (flags & CAN_FD_FRAME) != 0 ? CanFdFrame.class : CanFrame.class;
        for (Object f : frames) {
            if (!kind.isInstance(f)) {
                throw new IllegalArgumentException("with flags 0x" + Integer.toHexString(flags) + " every frame must be a "
                        + kind.getSimpleName() + ", not " + f);
            }
        }
    }

    /** A head without frames, e.g. {@code RX_SETUP} with {@link #RX_FILTER_ID}. */
    public static CanBcmMessage of(int opcode, int flags, int canId) {
        return new CanBcmMessage(opcode, flags, 0, Duration.ZERO, Duration.ZERO, canId, List.of());
    }

    /** The head and frames as the kernel reads them. */
    public byte[] toBytes() {
        boolean fd = (flags & CAN_FD_FRAME) != 0;
        int each = fd ? CanFdFrame.SIZE : CanFrame.SIZE;
        ByteBuffer b = ByteBuffer.allocate(HEAD_SIZE + each * frames.size()).order(ByteOrder.nativeOrder());
        b.putInt(0, opcode).putInt(4, flags).putInt(8, count);
        putTimeval(b, 16, ival1);
        putTimeval(b, 32, ival2);
        b.putInt(48, canId).putInt(52, frames.size());
        int at = HEAD_SIZE;
        for (Object f : frames) {
            b.put(at, fd ? ((CanFdFrame) f).toBytes() : ((CanFrame) f).toBytes());
            at += each;
        }
        return b.array();
    }

    /** The message in {@code bytes}, as a {@code CAN_BCM} socket receives it. */
    public static CanBcmMessage of(byte[] bytes) {
        if (bytes.length < HEAD_SIZE) {
            throw new IllegalArgumentException("a bcm_msg_head is " + HEAD_SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int flags = b.getInt(4);
        boolean fd = (flags & CAN_FD_FRAME) != 0;
        int each = fd ? CanFdFrame.SIZE : CanFrame.SIZE;
        int n = b.getInt(52);
        if (n < 0 || (long) HEAD_SIZE + (long) n * each != bytes.length) {
            throw new IllegalArgumentException("nframes " + Integer.toUnsignedString(n) + " does not fit " + bytes.length + " bytes");
        }
        List<Object> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] f = java.util.Arrays.copyOfRange(bytes, HEAD_SIZE + i * each, HEAD_SIZE + (i + 1) * each);
            frames.add(fd ? CanFdFrame.of(f) : CanFrame.of(f));
        }
        return new CanBcmMessage(b.getInt(0), flags, b.getInt(8), timeval(b, 16), timeval(b, 32), b.getInt(48), frames);
    }

    private static void putTimeval(ByteBuffer b, int at, Duration d) {
        b.putLong(at, d.getSeconds()).putLong(at + 8, d.getNano() / 1000);
    }

    private static Duration timeval(ByteBuffer b, int at) {
        return Duration.ofSeconds(b.getLong(at), Math.max(0, Math.min(b.getLong(at + 8), 999_999)) * 1000);
    }
}
