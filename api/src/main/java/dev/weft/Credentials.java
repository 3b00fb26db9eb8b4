package dev.weft;

/**
 * A process's credentials as the kernel passes them: {@code struct ucred} on Linux, in
 * {@code SCM_CREDENTIALS} messages (with {@code SO_PASSCRED} on) and from
 * {@code SO_PEERCRED}. The structure is the OS's, so the provider decodes and encodes it;
 * this record is the data. On macOS the peer's credentials are {@code LOCAL_PEERCRED}'s
 * {@code struct xucred}, which has no pid ({@code pid} is -1; {@code LOCAL_PEERPID} has it),
 * and macOS has no {@code SCM_CREDENTIALS}.
 *
 * <pre>{@code
 * s.setSockOpt(SOL_SOCKET, SO_PASSCRED, 1);
 * Credentials c = Credentials.of(s.recvMsg(64, Sockets.cmsgSpace(Credentials.size()), 0).ancillary().get(0));
 * Credentials peer = s.getOption(SockOpt.SO_PEERCRED);
 * }</pre>
 *
 * @param pid the process id
 * @param uid the user id
 * @param gid the group id
 */
public record Credentials(int pid, int uid, int gid) {
    /** The size of the structure on this OS ({@code sizeof(struct ucred)}, 12, on Linux), for {@link Sockets#cmsgSpace}. */
    public static int size() {
        return Sockets.provider().credentialsSize();
    }

    /** Reads an {@code SCM_CREDENTIALS} item. */
    public static Credentials of(Ancillary item) {
        return of(item.data());
    }

    /** Reads the OS's credentials structure ({@code struct ucred}). */
    public static Credentials of(byte[] data) {
        return Sockets.provider().decodeCredentials(data, data.length);
    }

    /** This as an {@code SCM_CREDENTIALS} item to send (the kernel checks it). */
    public Ancillary toAncillary() {
        return Sockets.provider().encodeCredentials(this);
    }
}
