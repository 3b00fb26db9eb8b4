package dev.weft;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A process's credentials as Linux passes them: {@code struct ucred} in
 * {@code SCM_CREDENTIALS} messages (with {@code SO_PASSCRED} on) and from
 * {@code SO_PEERCRED}.
 *
 * <pre>{@code
 * s.setSockOpt(SOL_SOCKET, SO_PASSCRED, 1);
 * Credentials c = Credentials.of(s.recvMsg(64, Sockets.cmsgSpace(Credentials.SIZE), 0).ancillary().get(0));
 * Credentials peer = s.getOption(SockOpt.SO_PEERCRED);
 * }</pre>
 *
 * @param pid the process id
 * @param uid the user id
 * @param gid the group id
 */
public record Credentials(int pid, int uid, int gid) {
    /** {@code sizeof(struct ucred)}. */
    public static final int SIZE = 12;

    /** Reads an {@code SCM_CREDENTIALS} item (or any 12-byte {@code ucred}). */
    public static Credentials of(Ancillary item) {
        return of(item.data());
    }

    /** Reads a {@code struct ucred}. */
    public static Credentials of(byte[] ucred) {
        if (ucred.length < SIZE) {
            throw new IllegalArgumentException("struct ucred needs " + SIZE + " bytes, got " + ucred.length);
        }
        ByteBuffer b = ByteBuffer.wrap(ucred).order(ByteOrder.nativeOrder());
        return new Credentials(b.getInt(0), b.getInt(4), b.getInt(8));
    }

    /** This as an {@code SCM_CREDENTIALS} item to send (the kernel checks it). */
    public Ancillary toAncillary() {
        return new Ancillary(SocketConstants.SOL_SOCKET, SocketConstants.SCM_CREDENTIALS, bytes());
    }

    byte[] bytes() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder()).putInt(pid).putInt(uid).putInt(gid).array();
    }
}
