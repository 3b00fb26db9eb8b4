package dev.weft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A CAN FD frame, Linux's {@code struct canfd_frame} (72 bytes, {@code CANFD_MTU}): the
 * {@code can_id} with the flags of {@link CanFrame}, the FD flags ({@link #BRS},
 * {@link #ESI}) and up to 64 data bytes. A {@code CAN_RAW} socket sends and receives these
 * once {@code SockOpt.CAN_RAW_FD_FRAMES} is on; it then receives classic frames too, as
 * {@link CanFrame#SIZE} bytes, so a reader tells the two apart by length.
 *
 * <pre>{@code
 * s.setOption(SockOpt.CAN_RAW_FD_FRAMES, true);
 * s.send(new CanFdFrame(0x123, CanFdFrame.BRS, new byte[12]).toBytes());
 * byte[] b = s.recv(CanFdFrame.SIZE);
 * Object f = b.length == CanFdFrame.SIZE ? CanFdFrame.of(b) : CanFrame.of(b);
 * }</pre>
 *
 * <p>The kernel sends any length up to 64; a CAN FD controller rounds it up to the next
 * valid length (12, 16, 20, 24, 32, 48 or 64), so a receiver on real hardware may see
 * padding that a {@code vcan} does not add.
 *
 * @param canId the identifier with its {@link CanFrame} flag bits
 * @param flags {@code CANFD_BRS}, {@code CANFD_ESI}, {@code CANFD_FDF}: 0-255
 * @param data  0-64 bytes
 */
public record CanFdFrame(int canId, int flags, byte[] data) {
    /** {@code sizeof(struct canfd_frame)}: {@code CANFD_MTU}. */
    public static final int SIZE = 72;
    /** {@code CANFD_MAX_DLEN}. */
    public static final int MAX_DATA = 64;
    /** {@code CANFD_BRS}: bit-rate switch (the data phase at the second bit rate). */
    public static final int BRS = 0x01;
    /** {@code CANFD_ESI}: error state indicator of the transmitter. */
    public static final int ESI = 0x02;
    /** {@code CANFD_FDF}: marks the frame as CAN FD (Linux 5.14 and later set it themselves). */
    public static final int FDF = 0x04;

    /** Checks the data length, the flags and the identifier; copies the data. */
    public CanFdFrame {
        data = CanFrame.checkFrame(canId, Objects.requireNonNull(data, "data"), MAX_DATA, "canfd_frame");
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("canfd_frame flags must be 0-255, got " + flags);
        }
    }

    /** The frame in {@code bytes}, exactly {@link #SIZE} long. */
    public static CanFdFrame of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a canfd_frame is " + SIZE + " bytes, got " + bytes.length
                    + (bytes.length == CanFrame.SIZE ? " (a classic can_frame: CanFrame.of)" : ""));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int len = Math.min(b.get(4) & 0xFF, MAX_DATA);
        return new CanFdFrame(b.getInt(0), b.get(5) & 0xFF, Arrays.copyOfRange(bytes, 8, 8 + len));
    }

    /** {@code struct canfd_frame}: {@code can_id} (native), {@code len}, {@code flags}, 2 zero bytes, {@code data[64]}. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder()).putInt(canId).put((byte) data.length)
                .put((byte) flags).put(new byte[2]).put(data).array();
    }

    /** The data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanFdFrame f && f.canId == canId && f.flags == flags && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return (canId * 31 + flags) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "canfd_frame(0x" + Integer.toHexString(canId) + ", flags 0x" + Integer.toHexString(flags) + ", ["
                + data.length + "] " + HexFormat.of().formatHex(data) + ")";
    }
}
