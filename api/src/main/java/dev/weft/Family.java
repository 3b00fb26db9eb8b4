package dev.weft;

/**
 * Address families (Python's {@code AF_*}), symbolic because their numbers differ per
 * operating system; the provider maps each to the native value. A family the running OS
 * lacks maps to no number, and opening a socket of it fails with {@link Errno#EAFNOSUPPORT}.
 *
 * <pre>{@code
 * try (Socket s = Socket.open(Family.INET6, SocketType.STREAM)) { ... }
 * }</pre>
 */
public enum Family {
    /** {@code AF_UNSPEC}: any family, for {@link Sockets#getAddrInfo}. */
    UNSPEC,
    /** {@code AF_UNIX}: local sockets named by a path, an abstract name (Linux) or nothing. */
    UNIX,
    /** {@code AF_INET}: IPv4. */
    INET,
    /** {@code AF_INET6}: IPv6. */
    INET6,
    /** {@code AF_NETLINK} (Linux). */
    NETLINK,
    /** {@code AF_PACKET} (Linux). */
    PACKET,
    /** {@code AF_VSOCK} (Linux). */
    VSOCK,
    /** {@code AF_CAN} (Linux). */
    CAN,
    /** {@code AF_ALG} (Linux). */
    ALG,
    /** {@code AF_TIPC} (Linux). */
    TIPC,
    /** {@code AF_BLUETOOTH}. */
    BLUETOOTH,
    /** {@code AF_QIPCRTR} (Linux). */
    QIPCRTR,
    /** {@code AF_RDS} (Linux): reliable datagram sockets, addressed by {@code AF_INET} addresses as in CPython. */
    RDS,
    /** {@code PF_SYSTEM} (macOS). */
    SYSTEM,
    /** {@code AF_HYPERV} (Windows). */
    HYPERV;

    /** The Python constant's name, e.g. {@code "AF_INET6"}. */
    public String constantName() {
        return this == SYSTEM ? "PF_SYSTEM" : "AF_" + name();
    }
}
