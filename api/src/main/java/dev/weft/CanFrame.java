package dev.weft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A classic CAN frame, Linux's {@code struct can_frame} (16 bytes, {@code CAN_MTU}): the
 * 32-bit {@code can_id} with its {@link #EFF_FLAG}/{@link #RTR_FLAG}/{@link #ERR_FLAG}
 * bits, the data length and up to 8 data bytes. {@link #toBytes()} and {@link #of(byte[])}
 * are CPython's {@code struct.pack("=IB3x8s", ...)}/{@code unpack}, so nobody packs a frame
 * by hand; the bytes path stays open ({@code send(byte[])} takes any 16 bytes).
 *
 * <pre>{@code
 * try (Socket s = Socket.open(Family.CAN, SocketType.RAW, Sockets.constant("CAN_RAW", 1))) {
 *     s.bind(SockAddr.Can.of("vcan0"));
 *     s.send(CanFrame.standard(0x123, new byte[] {1, 2, 3}).toBytes());
 *     CanFrame f = CanFrame.of(s.recv(CanFrame.SIZE));
 * }
 * }</pre>
 *
 * <p>A remote-request frame ({@link #RTR_FLAG}) carries its requested length as
 * {@code data.length}; its bytes are not sent meaningfully, as in the kernel.
 *
 * @param canId the identifier with its flag bits: 11 bits without {@link #EFF_FLAG}, 29 with
 * @param data  0-8 bytes
 */
public record CanFrame(int canId, byte[] data) {
    /** {@code sizeof(struct can_frame)}: {@code CAN_MTU}. */
    public static final int SIZE = 16;
    /** {@code CAN_MAX_DLEN}. */
    public static final int MAX_DATA = 8;
    /** {@code CAN_EFF_FLAG}: a 29-bit (extended) identifier. */
    public static final int EFF_FLAG = 0x8000_0000;
    /** {@code CAN_RTR_FLAG}: a remote transmission request. */
    public static final int RTR_FLAG = 0x4000_0000;
    /** {@code CAN_ERR_FLAG}: an error frame (received with {@code CAN_RAW_ERR_FILTER}). */
    public static final int ERR_FLAG = 0x2000_0000;
    /** {@code CAN_ERR_MASK}: the error-class bits of an error frame's identifier (every class). */
    public static final int ERR_MASK = 0x1FFF_FFFF;
    /** {@code CAN_SFF_MASK}: the bits of a standard identifier. */
    public static final int SFF_MASK = 0x7FF;
    /** {@code CAN_EFF_MASK}: the bits of an extended identifier. */
    public static final int EFF_MASK = 0x1FFF_FFFF;

    /** Checks the data length and that a standard identifier fits 11 bits; copies the data. */
    public CanFrame {
        data = checkFrame(canId, Objects.requireNonNull(data, "data"), MAX_DATA, "can_frame");
    }

    static byte[] checkFrame(int canId, byte[] data, int max, String what) {
        if (data.length > max) {
            throw new IllegalArgumentException("a " + what + " carries at most " + max + " data bytes, got " + data.length);
        }
        if ((canId & (EFF_FLAG | ERR_FLAG)) == 0 && (canId & ~RTR_FLAG) > SFF_MASK) {
            throw new IllegalArgumentException("a standard CAN id has 11 bits: 0x" + Integer.toHexString(canId & ~RTR_FLAG)
                    + " needs EFF_FLAG (CanFrame.extended)");
        }
        return data.clone();
    }

    /** A data frame with an 11-bit identifier. */
    public static CanFrame standard(int id, byte[] data) {
        if ((id & ~SFF_MASK) != 0) {
            throw new IllegalArgumentException("a standard CAN id is 0-0x7ff, got 0x" + Integer.toHexString(id));
        }
        return new CanFrame(id, data);
    }

    /** A data frame with a 29-bit identifier ({@link #EFF_FLAG} set). */
    public static CanFrame extended(int id, byte[] data) {
        if ((id & ~EFF_MASK) != 0) {
            throw new IllegalArgumentException("an extended CAN id is 0-0x1fffffff, got 0x" + Integer.toHexString(id));
        }
        return new CanFrame(id | EFF_FLAG, data);
    }

    /**
     * An error frame: {@link #ERR_FLAG} with the error classes {@code classes} ({@code CAN_ERR_*}
     * bits of {@code linux/can/error.h}, e.g. {@code CAN_ERR_BUSOFF} 0x40) and up to 8 bytes of
     * detail. Controllers report these; a socket receives them only for the classes in its
     * {@link SockOpt#CAN_RAW_ERR_FILTER}.
     */
    public static CanFrame error(int classes, byte[] data) {
        if ((classes & ~ERR_MASK) != 0) {
            throw new IllegalArgumentException("error classes are bits of 0x1fffffff (CAN_ERR_MASK), got 0x" + Integer.toHexString(classes));
        }
        return new CanFrame(classes | ERR_FLAG, data);
    }

    /** The frame in {@code bytes}, exactly {@link #SIZE} long (what a {@code CAN_RAW} socket receives). */
    public static CanFrame of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a can_frame is " + SIZE + " bytes, got " + bytes.length
                    + (bytes.length == CanFdFrame.SIZE ? " (a canfd_frame: CanFdFrame.of)" : ""));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int len = Math.min(b.get(4) & 0xFF, MAX_DATA);
        return new CanFrame(b.getInt(0), Arrays.copyOfRange(bytes, 8, 8 + len));
    }

    /** {@code struct can_frame}: {@code can_id} (native order), {@code len}, 3 zero bytes, {@code data[8]}. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder()).putInt(canId).put((byte) data.length)
                .put(new byte[3]).put(data).array();
    }

    /** The identifier without flag bits (11 or 29 bits). */
    public int id() {
        return canId & (isExtended() ? EFF_MASK : SFF_MASK);
    }

    /** True for a 29-bit identifier. */
    public boolean isExtended() {
        return (canId & EFF_FLAG) != 0;
    }

    /** True for a remote transmission request. */
    public boolean isRemote() {
        return (canId & RTR_FLAG) != 0;
    }

    /** True for an error frame. */
    public boolean isError() {
        return (canId & ERR_FLAG) != 0;
    }

    /** An error frame's classes ({@code CAN_ERR_*} bits); 0 for any other frame. */
    public int errorClass() {
        return isError() ? canId & ERR_MASK : 0;
    }

    /** The data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanFrame f && f.canId == canId && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return canId * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "can_frame(0x" + Integer.toHexString(canId) + ", [" + data.length + "] " + HexFormat.of().formatHex(data) + ")";
    }
}
