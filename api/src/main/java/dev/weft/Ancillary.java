package dev.weft;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One item of ancillary (control) data, as Python's {@code (cmsg_level, cmsg_type, cmsg_data)}
 * triple in {@link Socket#sendMsg} and {@link Socket#recvMsg}.
 *
 * <pre>{@code
 * var fds = Ancillary.rights(new int[] {fd});               // SCM_RIGHTS
 * s.sendMsg(List.of(ByteBuffer.wrap(data)), List.of(fds), 0, null);
 * }</pre>
 *
 * @param level the protocol level, e.g. {@code SOL_SOCKET}
 * @param type  the message type, e.g. {@code SCM_RIGHTS}
 * @param data  the payload (copied)
 */
public record Ancillary(int level, int type, byte[] data) {
    /** Copies the payload. */
    public Ancillary {
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** {@code SCM_RIGHTS} carrying {@code fds}, in native int order. */
    public static Ancillary rights(int[] fds) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * fds.length).order(java.nio.ByteOrder.nativeOrder());
        for (int fd : fds) {
            b.putInt(fd);
        }
        return new Ancillary(SocketConstants.SOL_SOCKET, SocketConstants.SCM_RIGHTS, b.array());
    }

    /** The payload read as native-order ints (whole ones only), e.g. the descriptors of {@code SCM_RIGHTS}. */
    public int[] ints() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.nativeOrder());
        int[] out = new int[data.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ancillary a && a.level == level && a.type == type && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return (level * 31 + type) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "(" + level + ", " + type + ", " + HexFormat.of().formatHex(data) + ")";
    }
}
