package dev.weft;

/**
 * Socket types (Python's {@code SOCK_*}); the provider maps each to the native value.
 *
 * <pre>{@code
 * Socket udp = Socket.open(Family.INET, SocketType.DGRAM);
 * }</pre>
 */
public enum SocketType {
    /** {@code SOCK_STREAM}: a reliable byte stream (TCP, UNIX stream). */
    STREAM,
    /** {@code SOCK_DGRAM}: datagrams with boundaries (UDP, UNIX datagram). */
    DGRAM,
    /** {@code SOCK_RAW}: raw protocol access. */
    RAW,
    /** {@code SOCK_RDM}: reliably delivered messages (TIPC). */
    RDM,
    /** {@code SOCK_SEQPACKET}: reliable, ordered, with record boundaries. */
    SEQPACKET;

    /** The Python constant's name, e.g. {@code "SOCK_STREAM"}. */
    public String constantName() {
        return "SOCK_" + name();
    }
}
